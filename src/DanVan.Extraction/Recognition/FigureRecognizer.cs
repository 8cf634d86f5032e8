using System.Globalization;
using DanVan.Extraction.Text;

namespace DanVan.Extraction.Recognition;

/// <summary>
/// Figures: [qualifier] number [scale word] counted noun — "gần 74.000 suất quà", "hơn 33 tỉ đồng",
/// "trên 20 tỷ" (money implied), "85%", "45/52 xã" (value 45). Not document numbers, anniversaries,
/// ordinals, years, durations, vague amounts or numbers inside dates and periods.
/// </summary>
internal sealed class FigureRecognizer : IEntityRecognizer
{
    private static readonly string[] Qualifiers = ["gần", "hơn", "trên", "khoảng", "ước", "gần như", "ước tính", "ước đạt", "xấp xỉ"];

    // A number right after one of these names a thing ("Tổ 5", "số 12", "lần thứ 3"), it does not count one.
    private static readonly HashSet<string> NamingWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "số", "thứ", "lần", "khóa", "khoá", "cụm", "khu", "tổ", "đội", "điều", "khoản", "mục", "trang", "lô", "thửa", "thôn",
        "buôn", "bản", "ấp", "xóm", "khối", "phường", "quận", "đường", "lộ", "km", "kỳ", "hạng", "giải", "phòng", "tầng",
        "năm", "tháng", "ngày", "quý", "top", "chương", "phần", "bài", "tiểu", "đoàn", "trung", "sư", "tiểu đoàn", "ban",
        "mũi", "đợt", "vòng", "đoạn", "phố", "làng", "bon", "plei", "khóm", "hẻm", "kiệt", "ngõ", "ngách", "sóc",
    };

    // Words ending in a naming word that name nothing: the number after them is counted.
    private static readonly string[] NamingWordCompounds = ["hòa giải", "đổi thửa", "văn bản"];

    // Counted nouns that make a duration or an age, not a figure.
    private static readonly HashSet<string> DurationUnits = new(StringComparer.OrdinalIgnoreCase)
    {
        "năm", "tháng", "ngày", "tuần", "giờ", "phút", "giây", "tuổi", "lần", "kỳ", "khóa", "khoá", "thế kỷ", "quý",
    };

    // Words that never start or continue a counted noun.
    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "với", "của", "và", "cho", "trên", "được", "đã", "có", "tại", "trong", "từ", "đến", "là", "thì", "mà", "nhưng",
        "hoặc", "các", "những", "này", "đó", "bị", "để", "theo", "về", "như", "khi", "gồm", "trị", "giá", "đạt",
        "so", "tăng", "giảm", "còn", "ở", "vào", "ra", "lên", "xuống", "nên", "do", "bởi", "vì", "thuộc", "đều", "cùng",
        "mỗi", "một", "hai", "ba", "sau", "trước", "hơn", "gần", "khoảng", "đang", "sẽ", "vừa", "mới", "nữa",
        "giữa", "toàn", "ven", "không", "chưa", "rất", "cũng", "đi", "dọc", "quanh", "khắp",
    };

    // Activities whose object is a topic: the counted noun ends with them ("36 lớp tập huấn" khoa học kỹ thuật).
    private static readonly string[] TopicVerbs = ["tập huấn", "tuyên truyền", "hướng dẫn", "phổ biến", "bồi dưỡng", "chuyển giao", "tự quản"];

    // Measure words: the counted noun often continues with what is measured ("tấn gạo", "km đường", "lượt hội viên").
    private static readonly HashSet<string> MeasureWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "lượt", "suất", "tấn", "km", "m", "mét", "m²", "m2", "ha", "kg", "chiếc", "căn", "ngôi", "con", "cuộc", "buổi",
        "đợt", "lớp", "bộ", "phần", "cây", "cuốn", "quyển", "bao", "thùng", "túi", "bình", "lá",
    };

    // Nouns whose kind a following verb names: events, groups by their task, documents and things by their
    // purpose ("12 lớp dạy nghề", "9 tổ hòa giải", "sổ tiết kiệm", "2 lò sấy"). After any other noun a verb is
    // the clause's predicate ("5 buôn" giữ, "18 hộ" giao nộp, "2 tập thể" dẫn đầu, "70.000 người" sinh sống);
    // fixed terms that break this ("người nghe", "hộ kinh doanh") are in the units lexicon.
    private static readonly string[] VerbTakingHeads =
    [
        "cuộc", "buổi", "đợt", "lớp", "phiên", "chuyến", "vụ", "vụ việc", "đoàn", "hội nghị", "hội thi", "chương trình",
        "hoạt động", "mô hình", "câu lạc bộ", "tổ", "nhóm", "đội", "đội hình", "sổ", "văn bản", "tài khoản", "thẻ", "đơn", "đơn thư", "giấy", "ý tưởng",
        "dự án", "sân", "phong trào", "công trình", "điểm", "trạm", "máy", "lượt", "quyền", "câu",
        "trường hợp", "cặp", "bồn", "bể", "mương", "kênh", "phòng", "xe", "tờ", "bãi", "lò",
    ];

    // Nouns that name money itself: after a scale word the amount stays money ("30 tỷ" vốn vay).
    private static readonly HashSet<string> MoneyNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "vốn", "tiền", "kinh phí", "ngân sách", "nguồn vốn", "quỹ", "tiền mặt", "dư nợ", "doanh thu", "lợi nhuận",
    };

    // Time units of a rate ("mỗi tuần 3 buổi", "3 buổi/tuần"): a frequency is not a figure.
    private static readonly HashSet<string> RateUnits = new(StringComparer.OrdinalIgnoreCase)
    {
        "ngày", "tuần", "tháng", "quý", "năm", "đêm", "buổi", "kỳ", "vụ",
    };

    public IReadOnlyList<EntityType> Produces { get; } = [EntityType.Figure];

    public void Recognize(TokenView view, IReadOnlyList<EntityMention> found, List<EntityMention> output, CancellationToken cancellationToken)
    {
        var covered = view.CoveredBy(found);
        for (var i = 0; i < view.Count; i++)
        {
            if (view.IsChrome(i) || covered[i])
            {
                continue;
            }

            decimal value;
            if (view.Kind(i) == TokenKind.Number)
            {
                if (!TryParseNumber(view.Span(i), out value))
                {
                    continue;
                }
            }
            else if (view.Kind(i) == TokenKind.DateTime && TryParseFraction(view.Span(i), out value))
            {
                // "45/52 xã": the date recognizer left it, so it counts something.
            }
            else
            {
                continue;
            }

            if (IsNamingNumber(view, i) || IsFrequency(view, i)
                || (view.Span(i + 1) is "/" && view.Kind(i + 2) is TokenKind.Abbreviation or TokenKind.Syllable && view[i + 1].Start == view[i].End))
            {
                continue;
            }

            // "94/184 xã": the value is the numerator; the noun follows the denominator.
            var numberEnd = i;
            if (view.Span(i + 1) is "/" && view.Kind(i + 2) == TokenKind.Number && view[i + 1].Start == view[i].End && view[i + 2].Start == view[i + 1].End)
            {
                numberEnd = i + 2;
            }

            if (TryReadFigure(view, covered, i, numberEnd, value, out var first, out var last, out var figure, out var unit, out var qualifier)
                && !IsRate(view, last))
            {
                var span = view.Cover(first, last);
                output.Add(new FigureMention(span, view.TextOf(span), figure, unit, qualifier));
                i = last;
            }
        }
    }

    private static bool TryReadFigure(TokenView view, bool[] covered, int i, int numberEnd, decimal value, out int first, out int last, out decimal figure, out string unit, out string? qualifier)
    {
        first = i;
        last = i;
        figure = value;
        unit = string.Empty;
        qualifier = null;

        foreach (var q in Qualifiers)
        {
            var n = TokenView.WordCount(q);
            if (i - n >= 0 && view.IsPhrase(i - n, q) && view.SameLine(i - n, i))
            {
                qualifier = q.Split(' ')[0];
                first = i - n;
            }
        }

        last = numberEnd;
        var next = numberEnd + 1;
        if (view.Span(next) is "%" && view.SameLine(i, next))
        {
            last = next;
            unit = "%";
            return true;
        }

        var scale = Scale(view, next);
        if (scale > 1)
        {
            figure = Trim(value * scale);
            last = next;
            next++;
        }

        if (!view.SameLine(i, next))
        {
            return scale > 1 && Money(ref unit);
        }

        // "đồng" the currency, not "đồng chí", "đồng bào", "đồng đội" (the word segmenter tells them apart;
        // after a scale word it is the currency whatever follows: "48 tỷ đồng vốn vay").
        if (view.Is(next, "đồng") && (WordEnd(view, next) == next || (scale > 1 && !IsPeopleDong(view, next))))
        {
            last = next;
            unit = "đồng";
            return true;
        }

        int nounEnd;
        if (scale > 1)
        {
            // "40 triệu/nhà", "trên 30 tỷ": money whose unit is implied.
            if (view.Span(next) is "/" && view.Kind(next + 1) == TokenKind.Syllable && view.SameLine(next, next + 1))
            {
                last = next + 1;
                return Money(ref unit);
            }

            // "hơn 5 ngàn khẩu trang", "118 nghìn tấn thóc": a scale word before a counted noun scales a count.
            nounEnd = CountedNoun(view, next);
            if (nounEnd < next || !StartsWithNoun(view, next, nounEnd)
                || MoneyNouns.Contains(view.TextOf(view.Cover(next, nounEnd))) || MoneyNouns.Contains(view.Span(next).ToString()))
            {
                return Money(ref unit);
            }
        }
        else
        {
            nounEnd = CountedNoun(view, next);
        }

        if (nounEnd < next)
        {
            return false;
        }

        var noun = CharClass.ToLowerInvariant(view.TextOf(view.Cover(next, nounEnd)));
        if (DurationUnits.Contains(noun) || (DurationUnits.Contains(view.Span(next).ToString()) && !noun.StartsWith("ngày công", StringComparison.Ordinal)))
        {
            return false;
        }

        last = ExtendNounPhrase(view, covered, next, nounEnd);
        unit = view.TextOf(view.Cover(next, last)).ToLowerInvariant();
        return true;
    }

    private static bool IsPeopleDong(TokenView view, int index) =>
        view.Is(index + 1, "bào") || view.Is(index + 1, "chí") || view.Is(index + 1, "đội") || view.Is(index + 1, "hương") || view.Is(index + 1, "nghiệp");

    /// <summary>
    /// Extends the counted noun that runs from <paramref name="first"/> to <paramref name="end"/> over the nouns
    /// that name the kind of thing counted ("46 hộ hội viên", "6 km đường bê tông nông thôn", "12 lớp dạy nghề")
    /// and over a comma list of sibling nouns sharing the number ("15 xã, thị trấn"); it stops at function words,
    /// the clause's verbs and describing words, names, numbers, other entities and the end of the line
    /// (corpus/README.md, "Figures: where the span ends"). Word classes come from <see cref="WordClasses"/>.
    /// </summary>
    private static int ExtendNounPhrase(TokenView view, bool[] covered, int first, int end)
    {
        const int MaxWords = 8;
        var wordStart = first;
        for (var step = 0; step < MaxWords; step++)
        {
            // A lexicon entry from a word of the phrase that reaches further ("nhà Đại đoàn kết", "đồng bào Ba Na").
            var entryEnd = -1;
            for (var t = wordStart; t <= end; t++)
            {
                entryEnd = Math.Max(entryEnd, Lexicons.Units.LongestAt(view, t));
            }

            if (entryEnd > end && !Crosses(covered, end + 1, entryEnd))
            {
                end = entryEnd;
                continue;
            }

            // "10 lớp tập huấn" chăm sóc sức khỏe, "487 Tổ nhân dân tự quản" vệ sinh môi trường: what a training,
            // a campaign or a self-managed group is about is not the kind counted.
            if (EndsWithAny(view, first, end, TopicVerbs))
            {
                break;
            }

            var j = end + 1;
            var sibling = view.Span(j) is "," && view[j].Start == view[end].End;
            if (sibling)
            {
                j++;
            }

            if (!view.SameLine(first, j) || covered[j])
            {
                break;
            }

            // Capitals that still name the kind: an ethnic group after "đồng bào" ("412 hộ đồng bào S'tiêng", siblings
            // "Xơ Đăng, Ba Na") and an abbreviation no other entity took ("4.600 mã QR", "40 sổ BHXH").
            var ethnicEnd = EthnicGroupEnd(view, first, end, j, sibling);
            if (ethnicEnd >= j)
            {
                wordStart = j;
                end = ethnicEnd;
                continue;
            }

            if (!sibling && view.Kind(j) == TokenKind.Abbreviation
                && !(view.SameLine(j, j + 1) && view.Kind(j + 1) is TokenKind.Abbreviation or TokenKind.Number))
            {
                wordStart = j;
                end = j;
                continue;
            }

            if (view.Kind(j) != TokenKind.Syllable || IsClauseWord(view, j) || !char.IsLower(view.Span(j)[0]))
            {
                break;
            }

            var unitEnd = Lexicons.Units.LongestAt(view, j);
            var wordEnd = Math.Max(unitEnd, WordEnd(view, j));
            if (Crosses(covered, j, wordEnd))
            {
                break;
            }

            var cls = unitEnd == wordEnd ? WordClass.Noun : ClassOf(view, j, wordEnd);

            // A sibling is a word of the same class as the last one ("15 xã, thị trấn", "46 cuộc kiểm tra, giám
            // sát"); a verb names the kind only after a head that takes one (VerbTakingHeads).
            var previousClass = LastWordClass(view, first, end);
            if (sibling
                ? !(cls == WordClass.Noun || (cls == WordClass.Verb && previousClass == WordClass.Verb && EndsPhrase(view, wordEnd + 1)))
                  || view.Kind(wordEnd + 1) == TokenKind.Number
                : !(cls == WordClass.Noun || (cls == WordClass.Verb && EndsWithAny(view, first, end, VerbTakingHeads))))
            {
                break;
            }

            wordStart = j;
            end = wordEnd;
        }

        return end;
    }

    // Words after which a listed activity has ended ("46 cuộc kiểm tra, giám sát" tại …).
    private static readonly HashSet<string> PhraseEnders = new(StringComparer.OrdinalIgnoreCase)
    {
        "tại", "ở", "trên", "của", "cho", "với", "về", "trong", "đối", "thuộc", "theo", "việc", "các", "những",
        "được", "đã", "đều", "cũng", "đang", "sẽ", "vừa", "là",
    };

    /// <summary>
    /// True when token <paramref name="next"/> closes a verb list ("kiểm tra, giám sát" tại …): punctuation, the end of the
    /// line, a preposition, the auxiliary that opens the predicate ("được", "đã"), a describing word ("tranh chấp" nhỏ),
    /// or "và" before the next figure. A verb sibling followed by its own object ("tuần tra, phát hiện" và …, "thu giữ" gần 40 m3)
    /// starts the next clause instead.
    /// </summary>
    private static bool EndsPhrase(TokenView view, int next) =>
        next >= view.Count || !view.SameLine(next - 1, next) || view.Kind(next) == TokenKind.Punctuation
        || PhraseEnders.Contains(view.Span(next).ToString()) || (view.Is(next, "và") && view.Kind(next + 1) == TokenKind.Number)
        || (WordClasses.Default.Of(view.Span(next)) == WordClass.Adjective && view.Kind(next + 1) != TokenKind.Number);

    /// <summary>
    /// The last token of a capitalized ethnic group name at <paramref name="j"/> when the phrase ends with "đồng bào"
    /// or, as a sibling, with such a name already; else <paramref name="j"/> - 1.
    /// </summary>
    private static int EthnicGroupEnd(TokenView view, int first, int end, int j, bool sibling)
    {
        if (view.Kind(j) != TokenKind.Syllable || !char.IsUpper(view.Span(j)[0]))
        {
            return j - 1;
        }

        var afterDongBao = EndsWith(view, first, end, "đồng bào");
        var siblingOfGroup = sibling && char.IsUpper(view.Span(end)[0]) && HasPhrase(view, first, end, "đồng bào");
        if (!afterDongBao && !siblingOfGroup)
        {
            return j - 1;
        }

        var last = j;
        while (last + 1 < view.Count && last + 1 < j + 3 && view.SameLine(j, last + 1) && view.Kind(last + 1) == TokenKind.Syllable && char.IsUpper(view.Span(last + 1)[0]))
        {
            last++;
        }

        return last;
    }

    [ThreadStatic]
    private static List<TextSpan>? t_words;

    /// <summary>The words of a few tokens, by the word segmenter, in a list reused on this thread (valid until the next call).</summary>
    private static List<TextSpan> WordsOf(ReadOnlySpan<char> text)
    {
        var words = t_words ??= new List<TextSpan>(8);
        words.Clear();
        WordSegmenter.Default.Segment(text, words);
        return words;
    }

    /// <summary>The word class of the last word (by the word segmenter) of tokens <paramref name="first"/>..<paramref name="end"/>.</summary>
    private static WordClass LastWordClass(TokenView view, int first, int end)
    {
        var span = view.Cover(first, end);
        var words = WordsOf(view.Text.AsSpan(span.Start, span.Length));
        var start = end;
        while (words.Count > 0 && start > first && view[start - 1].Start >= span.Start + words[^1].Start)
        {
            start--;
        }

        return ClassOf(view, start, end);
    }

    /// <summary>
    /// The word class of the word <paramref name="start"/>..<paramref name="end"/>: a units-lexicon entry is a noun;
    /// a compound the treebank never tagged is judged by its syllables.
    /// </summary>
    private static WordClass ClassOf(TokenView view, int start, int end)
    {
        if (Lexicons.Units.LongestAt(view, start) == end)
        {
            return WordClass.Noun;
        }

        var cls = WordClasses.Default.Of(view.TextOf(view.Cover(start, end)));
        if (cls != WordClass.Unknown || end == start)
        {
            return cls;
        }

        // A loan word written with hyphens ("vắc-xin", "ô-tô") is a noun.
        if (view.TextOf(view.Cover(start, end)).Contains('-', StringComparison.Ordinal))
        {
            return WordClass.Noun;
        }

        // A compound the treebank never tagged: a verb when it opens with a verb ("dẫn đầu") or has a verb and no
        // noun among its syllables ("lấn chiếm"), else a noun ("hội viên").
        var hasVerb = false;
        for (var t = start; t <= end; t++)
        {
            var syllable = WordClasses.Default.Of(view.Span(t));
            if (syllable == WordClass.Verb && t == start)
            {
                return WordClass.Verb;
            }

            if (syllable == WordClass.Noun)
            {
                return WordClass.Noun;
            }

            hasVerb |= syllable == WordClass.Verb;
        }

        return hasVerb ? WordClass.Verb : WordClass.Noun;
    }

    /// <summary>True when the counted noun <paramref name="start"/>..<paramref name="end"/> begins with a noun or a units-lexicon entry.</summary>
    private static bool StartsWithNoun(TokenView view, int start, int end)
    {
        if (Lexicons.Units.LongestAt(view, start) >= start || IsClauseWord(view, start))
        {
            return !IsClauseWord(view, start);
        }

        var word = WordEnd(view, start);
        var cls = WordClasses.Default.Of(view.TextOf(view.Cover(start, Math.Min(word, end))));
        return cls == WordClass.Noun || (cls == WordClass.Unknown && word > start);
    }

    /// <summary>"mỗi tuần 3 buổi", "hằng tháng 2 lần": a number after "mỗi"/"hằng" and a time unit counts repetitions.</summary>
    private static bool IsFrequency(TokenView view, int i) =>
        i >= 2 && view.SameLine(i - 2, i) && RateUnits.Contains(view.Span(i - 1).ToString())
        && (view.Is(i - 2, "mỗi") || view.Is(i - 2, "hằng") || view.Is(i - 2, "hàng"));

    /// <summary>"3 buổi/tuần": a count per time unit is a rate, not a figure (money per unit is: "40 triệu/nhà").</summary>
    private static bool IsRate(TokenView view, int last) =>
        view.Span(last + 1) is "/" && view[last + 1].Start == view[last].End && RateUnits.Contains(view.Span(last + 2).ToString())
        && !view.Is(last, "đồng") && Scale(view, last) == 1m;

    private static bool EndsWithAny(TokenView view, int first, int end, string[] phrases)
    {
        foreach (var phrase in phrases)
        {
            if (EndsWith(view, first, end, phrase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasPhrase(TokenView view, int first, int end, string phrase)
    {
        for (var t = first; t <= end; t++)
        {
            if (view.IsPhrase(t, phrase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool EndsWith(TokenView view, int first, int end, string phrase)
    {
        var start = end - TokenView.WordCount(phrase) + 1;
        return start >= first && view.IsPhrase(start, phrase);
    }

    private static bool Crosses(bool[] covered, int first, int last)
    {
        for (var t = first; t <= last && t < covered.Length; t++)
        {
            if (covered[t])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A stop word, or a clause-lexicon word that no longer units-lexicon entry covers: "hiến" (đất) ends the phrase,
    /// "hiến máu" and "việc làm" are counted nouns.
    /// </summary>
    private static bool IsClauseWord(TokenView view, int index)
    {
        if (StopWords.Contains(view.Span(index).ToString()))
        {
            return true;
        }

        var clauseEnd = Lexicons.ClauseWords.LongestAt(view, index);
        return clauseEnd >= 0 && clauseEnd >= Lexicons.Units.LongestAt(view, index);
    }

    /// <summary>Drops trailing zeros a multiplication leaves in the decimal's scale (12,6 × 10⁹ prints as 12600000000).</summary>
    private static decimal Trim(decimal value) => value / 1.000000000000000000000000000000000m;

    private static bool Money(ref string unit)
    {
        unit = "đồng";
        return true;
    }

    /// <summary>
    /// The last token of the counted noun starting at <paramref name="start"/>, or start - 1 when there is none:
    /// the longer of the units-lexicon match and the first word of the word segmenter (run on a few tokens
    /// only); a measure word takes the word after it too ("tấn gạo", "cuộc giám sát", "lượt hội viên").
    /// </summary>
    private static int CountedNoun(TokenView view, int start)
    {
        if (view.Kind(start) != TokenKind.Syllable || StopWords.Contains(view.Span(start).ToString()))
        {
            return start - 1;
        }

        var lexiconEnd = Lexicons.Units.LongestAt(view, start);
        if (lexiconEnd < 0 && !char.IsLower(view.Span(start)[0]))
        {
            // "487 Tổ nhân dân tự quản" is found through the lexicon; an unknown capitalized word is a name, not a noun.
            return start - 1;
        }

        var end = Math.Max(lexiconEnd, WordEnd(view, start));

        // "tấn hàng" (lexicon) + "hóa": a lexicon entry that stops inside a word takes the rest of the word ("tấn hàng hóa").
        if (lexiconEnd > start && lexiconEnd == end)
        {
            end = WordEndCovering(view, start, end);
        }

        // "m2", "km2", "m3" written with a plain digit: the digit is part of the unit.
        if (end == start && view.Span(start) is "m" or "km" && view.Kind(start + 1) == TokenKind.Number && view[start + 1].Start == view[start].End
            && view.Span(start + 1) is "2" or "3")
        {
            return start + 1;
        }

        if (end == start && MeasureWords.Contains(view.Span(start).ToString()))
        {
            var measured = start + 1;
            if (view.Kind(measured) == TokenKind.Syllable && view.SameLine(start, measured) && !IsClauseWord(view, measured)
                && char.IsLower(view.Span(measured)[0]))
            {
                var measuredLexicon = Lexicons.Units.LongestAt(view, measured);
                end = Math.Max(measuredLexicon, WordEnd(view, measured));
            }
        }

        return end;
    }

    /// <summary>A hyphen written between two syllables without spaces ("vắc-xin"): inside a word.</summary>
    private static bool IsGluedHyphen(TokenView view, int index) =>
        view.Span(index) is "-" && index > 0 && index + 1 < view.Count && view[index - 1].End == view[index].Start && view[index].End == view[index + 1].Start
        && view.Kind(index - 1) == TokenKind.Syllable && view.Kind(index + 1) == TokenKind.Syllable;

    /// <summary>The last token of the word that starts at token <paramref name="start"/>, by the word segmenter.</summary>
    private static int WordEnd(TokenView view, int start) => WordEndCovering(view, start, start);

    /// <summary>
    /// The last token of the word that holds token <paramref name="index"/>, by the word segmenter run on the few tokens
    /// from <paramref name="start"/> (syllables, and hyphens inside a word: "vắc-xin").
    /// </summary>
    private static int WordEndCovering(TokenView view, int start, int index)
    {
        const int Window = 6;
        var last = index;
        while (last + 1 < view.Count && last + 1 < index + Window && view.SameLine(start, last + 1)
               && (view.Kind(last + 1) == TokenKind.Syllable || IsGluedHyphen(view, last + 1)))
        {
            last++;
        }

        var window = view.Cover(start, last);
        foreach (var word in WordsOf(view.Text.AsSpan(window.Start, window.Length)))
        {
            if (window.Start + word.End < view[index].End)
            {
                continue;
            }

            var end = index;
            while (end + 1 <= last && view[end + 1].End <= window.Start + word.End)
            {
                end++;
            }

            return end;
        }

        return index;
    }

    private static decimal Scale(TokenView view, int index)
    {
        if (view.Is(index, "nghìn") || view.Is(index, "ngàn"))
        {
            return 1_000m;
        }

        if (view.Is(index, "triệu"))
        {
            return 1_000_000m;
        }

        if (view.Is(index, "tỷ") || view.Is(index, "tỉ"))
        {
            return 1_000_000_000m;
        }

        return 1m;
    }

    private static bool IsNamingNumber(TokenView view, int i)
    {
        if (i == 0 || !view.SameLine(i - 1, i))
        {
            return false;
        }

        var before = view.Span(i - 1);
        // "giải 3" names a prize, but "hòa giải 8 vụ", "dồn điền đổi thửa 1.250 ha" and "bằng văn bản 4 kiến nghị" count.
        // A fraction never names ("bí thư Đoàn 12/12 xã": twelve of twelve communes).
        if (view.Kind(i - 1) == TokenKind.Syllable && NamingWords.Contains(before.ToString()) && view.Kind(i) != TokenKind.DateTime
            && !(i >= 2 && EndsWithAny(view, i - 2, i - 1, NamingWordCompounds)))
        {
            return true;
        }

        // "làng Dơr 2", "bon Bu Prăng 2": a number after a place's capitalized name is part of the name.
        var name = i - 1;
        while (name >= 0 && i - name <= 3 && view.Kind(name) == TokenKind.Syllable && view.SameLine(name, i) && char.IsUpper(view.Span(name)[0]))
        {
            name--;
        }

        if (name < i - 1 && name >= 0 && view.SameLine(name, i) && view.Kind(name) == TokenKind.Syllable && NamingWords.Contains(view.Span(name).ToString()))
        {
            return true;
        }

        // "m2", "online33": digits glued to the word before them belong to it.
        if (view.Kind(i - 1) == TokenKind.Syllable && view[i - 1].End == view[i].Start)
        {
            return true;
        }

        // "Covid-19", "H5N1-2": a number glued by a hyphen to a word is part of a name.
        if (before is "-" && view[i - 1].End == view[i].Start && i >= 2 && view[i - 2].End == view[i - 1].Start && view.Kind(i - 2) == TokenKind.Syllable)
        {
            return true;
        }

        // Inside quotes ("5 không 3 sạch", "10 phút …"): part of a name or a slogan, not a reported figure.
        if (InsideQuotes(view, i))
        {
            return true;
        }

        // A four-digit year standing alone ("năm 2019" is a period; "2019," is a year).
        var token = view.Span(i);
        return token.Length == 4 && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2100
               && Scale(view, i + 1) == 1m && !view.Is(i + 1, "đồng") && view.Span(i + 1) is not "%";
    }

    private static bool InsideQuotes(TokenView view, int i)
    {
        var quotes = 0;
        for (var k = i - 1; k >= 0 && view.SameLine(k, i); k--)
        {
            if (view.Kind(k) == TokenKind.Punctuation && view.Span(k) is "\"")
            {
                quotes++;
            }
        }

        return quotes % 2 == 1;
    }


    /// <summary>"74.000" = 74000, "2.743.745", "1,5" = 1.5, "1.5" = 1.5 (a dot not followed by three digits is a decimal mark).</summary>
    internal static bool TryParseNumber(ReadOnlySpan<char> token, out decimal value)
    {
        Span<char> buffer = stackalloc char[token.Length];
        var n = 0;
        for (var k = 0; k < token.Length; k++)
        {
            var c = token[k];
            if (c == '.')
            {
                var groupLength = 0;
                while (k + 1 + groupLength < token.Length && char.IsAsciiDigit(token[k + 1 + groupLength]))
                {
                    groupLength++;
                }

                if (groupLength != 3)
                {
                    buffer[n++] = '.';
                }
            }
            else if (c == ',')
            {
                buffer[n++] = '.';
            }
            else
            {
                buffer[n++] = c;
            }
        }

        return decimal.TryParse(buffer[..n], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryParseFraction(ReadOnlySpan<char> token, out decimal value)
    {
        value = 0;
        var slash = token.IndexOf('/');
        return slash > 0 && token.Count('/') == 1 && decimal.TryParse(token[..slash], NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}

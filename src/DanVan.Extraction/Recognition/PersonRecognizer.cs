using DanVan.Extraction.Text;

namespace DanVan.Extraction.Recognition;

/// <summary>
/// Persons: 2–4 capitalized syllables starting with a surname or an ethnic-minority pattern ("Y Khiêm Byă",
/// "H'Rin Ayun", "Ksor H'Bla Nga"); any capitalized syllables after a cue ("đồng chí", "ông", "bà"…) or
/// next to a title; and the byline, the last short line of capitalized names ("T/h: H’Loan- Xuân Trí").
/// Names inside organization and place names are not persons ("Đoàn TNCS Hồ Chí Minh", "xã Nguyễn Trãi",
/// "đường Lê Thánh Tông", "Trường THCS Nguyễn Du"). The name is canonical: each syllable capitalized.
/// </summary>
internal sealed class PersonRecognizer : IEntityRecognizer
{
    private const int MaxBylineTokens = 16;
    private const int MaxLinesAfterByline = 2;

    // Words after which capitalized syllables name a place, a street, a school or a work, not a person.
    private static readonly string[] PlaceWords =
    [
        "đường", "phố", "xã", "phường", "huyện", "tỉnh", "thôn", "buôn", "bon", "plei", "làng", "quận", "ấp", "xóm", "bản", "trấn",
        "thành phố", "TP", "TP.", "Tp.", "TX", "trường", "THCS", "THPT", "TNCS", "TNHH", "Q.", "P.", "cầu", "chợ", "hẻm", "ngõ", "kiệt", "hồ", "sông", "núi",
        "tượng", "lăng", "đền", "chùa", "nhà thờ", "bệnh viện", "Bác", "cách", "tưởng", "tuyến",
    ];

    public IReadOnlyList<EntityType> Produces { get; } = [EntityType.Person];

    public void Recognize(TokenView view, IReadOnlyList<EntityMention> found, List<EntityMention> output, CancellationToken cancellationToken)
    {
        var taken = EntityGrammar.TakenTokens(view, found);

        // Next to a title: "Đại tá Trần Quang Lộc", "Lưu Văn Trung" after "… Trưởng ban Nội chính Tỉnh ủy".
        foreach (var mention in found)
        {
            if (mention.Type != EntityType.Title)
            {
                continue;
            }

            var first = view.IndexAt(mention.Span.Start);
            var last = view.IndexAt(mention.Span.End - 1);
            if (view.SameLine(last, last + 1) && EntityGrammar.TryName(view, last + 1, NameContext.Cued, out var nameLast))
            {
                Add(view, last + 1, nameLast, taken, output);
            }

            if (TitleRecognizer.NameBefore(view, first) is var (nameFirst, nameEnd) && nameFirst >= 0)
            {
                Add(view, nameFirst, nameEnd, taken, output);
            }
        }

        for (var i = 0; i < view.Count; i++)
        {
            if ((i & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (taken[i] || view.IsChrome(i) || !EntityGrammar.IsCapWord(view, i))
            {
                continue;
            }

            var cued = EntityGrammar.FollowsCue(view, i);
            // After an academic abbreviation ("TS.", "PGS.TS") a name may follow; after "TP", "THCS", "TNCS" it names a place or a body.
            if (!cued && (FollowsPlaceWord(view, i) || (view.SameLine(i - 1, i) && EntityGrammar.IsCapWord(view, i - 1))))
            {
                continue;
            }

            // "Ban Dân vận Huyện ủy Lý Sơn": after a party committee, a run of capitals that is exactly a known place
            // is the committee's place ("Bí thư Tỉnh ủy Lê Minh Hoan" is a person: no place reads so).
            if (i > 0 && view.SameLine(i - 1, i) && view.Is(i - 1, "ủy") && IsExactlyPlace(view, i))
            {
                continue;
            }

            if (EntityGrammar.TryName(view, i, cued ? NameContext.Cued : NameContext.Free, out var last) && Add(view, i, last, taken, output))
            {
                i = last;
            }
        }

        Byline(view, taken, output);
    }

    /// <summary>
    /// The byline: the article's last content line before the related-news list, short, made of names
    /// separated by dashes, slashes or commas, optionally after "T/h:" or "Tin, ảnh:", and optionally ending
    /// with the author's organization ("Minh Khang / Trung tâm VHTT …"). A name-only line counts even when
    /// the chrome rules took it for chrome (too few letters: "Y Kô"), and a name fused to a toolbar
    /// ("Hoài PhươngEmailPrintAa") is cut before it.
    /// </summary>
    private static void Byline(TokenView view, bool[] taken, List<EntityMention> output)
    {
        var text = view.Text;
        var lines = new List<(int First, int Last, int FusedEnd)>();
        var lineStart = 0;
        while (lineStart < text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            var line = text.AsSpan(lineStart, lineEnd - lineStart);
            var kind = ChromeLines.Classify(line);
            if (kind == ChromeLineKind.ListHeading)
            {
                break;
            }

            var first = view.IndexAt(lineStart);
            var last = view.IndexAt(lineEnd) - 1;
            if (first <= last && view[first].Start < lineEnd)
            {
                var toolbar = line.IndexOf("EmailPrint", StringComparison.Ordinal);
                if (toolbar > 0)
                {
                    lines.Add((first, view.IndexAt(lineStart + toolbar - 1), lineStart + toolbar));
                }
                else if (kind == ChromeLineKind.Content || IsBylineName(view, first, last))
                {
                    lines.Add((first, last, -1));
                }
            }

            lineStart = lineEnd + 1;
        }

        // The byline may be followed by the author's organization on its own line, or menu residue ("Video").
        for (var n = lines.Count - 1; n >= 0 && n >= lines.Count - MaxLinesAfterByline - 1; n--)
        {
            var (first, last, fusedEnd) = lines[n];
            if (last - first + 1 > MaxBylineTokens)
            {
                return;
            }

            if (fusedEnd >= 0 ? AddFused(view, first, last, fusedEnd, taken, output) : TryBylineLine(view, first, last, taken, output))
            {
                return;
            }
        }
    }

    /// <summary>Names separated by dashes, slashes or commas, after an optional "T/h:" lead, before an optional organization.</summary>
    private static bool TryBylineLine(TokenView view, int start, int end, bool[] taken, List<EntityMention> output)
    {
        // "T/h:", "Tin, ảnh:", "Bài và ảnh:": a lead ending in a colon.
        for (var k = start; k <= end && k < start + 5; k++)
        {
            if (view.Span(k) is ":")
            {
                start = k + 1;
                break;
            }
        }

        var segmentStart = start;
        var names = new List<(int First, int Last)>();
        for (var k = start; k <= end + 1; k++)
        {
            var boundary = k > end || (view.Kind(k) == TokenKind.Punctuation && view.Span(k) is "-" or "–" or "/" or "," or "." or "(" or ")");
            if (!boundary)
            {
                continue;
            }

            if (k > segmentStart)
            {
                var first = segmentStart;
                var last = k - 1;
                if (IsBylineName(view, first, last))
                {
                    names.Add((first, last));
                }
                else if (names.Count == 0)
                {
                    // A sentence, not a byline.
                    return false;
                }
                else
                {
                    // The author's organization or a note ("(CTV)") after the names.
                    break;
                }
            }

            segmentStart = k + 1;
        }

        foreach (var (first, last) in names)
        {
            Add(view, first, last, taken, output);
        }

        return names.Count > 0;
    }

    /// <summary>A byline name fused to the toolbar after it: the span ends where the toolbar starts.</summary>
    private static bool AddFused(TokenView view, int first, int last, int end, bool[] taken, List<EntityMention> output)
    {
        var n = last - first + 1;
        if (n is < 2 or > EntityGrammar.MaxNameSyllables || EntityGrammar.IsTaken(taken, first, last) || EntityGrammar.StartsNonName(view, first))
        {
            return false;
        }

        // The fused token reads as an abbreviation ("PhươngEmailPrintAa"); only its part before the toolbar counts.
        for (var k = first; k <= last; k++)
        {
            if (view.Kind(k) is not (TokenKind.Syllable or TokenKind.Abbreviation) || !char.IsUpper(view.Span(k)[0]))
            {
                return false;
            }
        }

        var span = TextSpan.FromBounds(view[first].Start, end);
        var name = view.TextOf(span);
        output.Add(new PersonMention(span, name, string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries))));
        return true;
    }

    private static bool IsBylineName(TokenView view, int first, int last)
    {
        var n = last - first + 1;
        if (n is < 1 or > EntityGrammar.MaxNameSyllables || EntityGrammar.StartsNonName(view, first))
        {
            return false;
        }

        for (var k = first; k <= last; k++)
        {
            if (!EntityGrammar.IsCapWord(view, k))
            {
                return false;
            }
        }

        if (Lexicons.PlaceOpeners.IsEntry(view, first) || Lexicons.Places.LongestAt(view, first) >= first)
        {
            return false;
        }

        return n >= 2 || (EntityGrammar.IsEthnicGivenStart(view, first, out var joined) && joined);
    }

    /// <summary>True when a place, street, school or work word ("huyện", "đường", "THCS") stands right before token <paramref name="index"/>.</summary>
    private static bool IsExactlyPlace(TokenView view, int index)
    {
        var place = Lexicons.LongestExpectedPlaceAt(view, index);
        return place >= index && !(view.SameLine(place, place + 1) && EntityGrammar.IsCapWord(view, place + 1));
    }

    internal static bool FollowsPlaceWord(TokenView view, int index)
    {
        foreach (var word in PlaceWords)
        {
            var n = TokenView.WordCount(word);
            var start = index - n;
            if (start >= 0 && view.SameLine(start, index) && view.IsPhrase(start, word) && (word is not ("TP" or "TX" or "THCS" or "THPT" or "TNCS" or "TNHH" or "Q." or "P." or "Bác") || view.Span(start).SequenceEqual(word)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Add(TokenView view, int first, int last, bool[] taken, List<EntityMention> output)
    {
        if (EntityGrammar.IsTaken(taken, first, last))
        {
            return false;
        }

        for (var k = first; k <= last; k++)
        {
            taken[k] = true;
        }

        var span = view.Cover(first, last);
        output.Add(new PersonMention(span, view.TextOf(span), EntityGrammar.CanonicalName(view, first, last)));
        return true;
    }
}

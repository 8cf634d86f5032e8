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

    // Words after which capitalized syllables name a place, a street, a school or a work, not a person.
    private static readonly string[] PlaceWords =
    [
        "đường", "phố", "xã", "phường", "huyện", "tỉnh", "thôn", "buôn", "bon", "plei", "làng", "quận", "ấp", "xóm", "bản", "trấn",
        "thành phố", "TP", "TP.", "Tp.", "TX", "trường", "THCS", "THPT", "TNCS", "cầu", "chợ", "hẻm", "ngõ", "kiệt", "hồ", "sông", "núi",
        "tượng", "lăng", "đền", "chùa", "nhà thờ", "bệnh viện", "Bác", "cách", "tưởng", "tuyến",
    ];

    public IReadOnlyList<EntityType> Produces { get; } = [EntityType.Person];

    public void Recognize(TokenView view, IReadOnlyList<EntityMention> found, List<EntityMention> output, CancellationToken cancellationToken)
    {
        var taken = TitleRecognizer.TakenTokens(view, found);

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

            if (EntityGrammar.IsSeparator(view, first - 1) && view.SameLine(first - 2, first) && EntityGrammar.TryNameEndingAt(view, first - 2, out var nameFirst))
            {
                Add(view, nameFirst, first - 2, taken, output);
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
            if (!cued && (FollowsPlaceWord(view, i) || (view.SameLine(i - 1, i) && (EntityGrammar.IsCapWord(view, i - 1) || view.Kind(i - 1) == TokenKind.Abbreviation))))
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
    /// The byline: the article's last content line, short, made of names separated by dashes, slashes or
    /// commas, optionally after "T/h:" or "Tin, ảnh:", and optionally ending with the author's organization.
    /// </summary>
    private static void Byline(TokenView view, bool[] taken, List<EntityMention> output)
    {
        var end = view.Count - 1;
        while (end >= 0 && view.IsChrome(end))
        {
            end--;
        }

        if (end < 0)
        {
            return;
        }

        var start = end;
        while (start > 0 && view.SameLine(start - 1, end))
        {
            start--;
        }

        if (end - start + 1 > MaxBylineTokens)
        {
            return;
        }

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
                else if (names.Count == 0 || !EntityGrammar.TryOrganization(view, first, inTitle: false, out _, out _))
                {
                    // A sentence, not a byline; an organization may only follow the names.
                    return;
                }
                else
                {
                    break;
                }
            }

            segmentStart = k + 1;
        }

        foreach (var (first, last) in names)
        {
            Add(view, first, last, taken, output);
        }
    }

    private static bool IsBylineName(TokenView view, int first, int last)
    {
        var n = last - first + 1;
        if (n > EntityGrammar.MaxNameSyllables || EntityGrammar.StartsNonName(view, first))
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

        return n >= 2 || (EntityGrammar.IsEthnicGivenStart(view, first, out var joined) && joined);
    }

    private static bool FollowsPlaceWord(TokenView view, int index)
    {
        foreach (var word in PlaceWords)
        {
            var n = TokenView.WordCount(word);
            var start = index - n;
            if (start >= 0 && view.SameLine(start, index) && view.IsPhrase(start, word) && (word is not ("TP" or "TX" or "THCS" or "THPT" or "TNCS" or "Bác") || view.Span(start).SequenceEqual(word)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Add(TokenView view, int first, int last, bool[] taken, List<EntityMention> output)
    {
        if (TitleRecognizer.IsTaken(taken, first, last))
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

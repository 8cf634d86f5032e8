using DanVan.Extraction.Text;

namespace DanVan.Extraction.Recognition;

/// <summary>
/// Titles (domain.md §3): [Phó] head [Thường trực | TT] organ [unit place], one mention per title, split at
/// commas and dashes ("Nguyễn Phương Hải - UVBTV - Trưởng Ban Dân vận Thị ủy" gives two). A title counts
/// when a name stands next to its chain of titles (before: "Name, T1, T2"; after: "T1, T2 Name"), when a
/// cue precedes it ("đồng chí Phó Bí thư TT Thị ủy"), or when a complete organization closes it. The
/// expanded form spells out abbreviations; the person is the adjacent name, or for a title standing alone
/// the person named earlier in the text with the same title.
/// </summary>
internal sealed class TitleRecognizer : IEntityRecognizer
{
    public IReadOnlyList<EntityType> Produces { get; } = [EntityType.Title];

    public void Recognize(TokenView view, IReadOnlyList<EntityMention> found, List<EntityMention> output, CancellationToken cancellationToken)
    {
        var taken = EntityGrammar.TakenTokens(view, found);
        var candidates = new List<(int First, int Last, bool Strong)>();
        for (var i = 0; i < view.Count; i++)
        {
            if ((i & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (taken[i] || view.IsChrome(i))
            {
                continue;
            }

            // A title written in lower case counts only right after a name and a separator, and with its organ.
            var lower = view.Kind(i) == TokenKind.Syllable && char.IsLower(view.Span(i)[0]);
            if (lower && !(EntityGrammar.IsSeparator(view, i - 1) && NameBefore(view, i).First >= 0))
            {
                continue;
            }

            if (!EntityGrammar.TryTitle(view, i, lower, out var last, out var strong) || (lower && !strong) || EntityGrammar.IsTaken(taken, i, last))
            {
                continue;
            }

            candidates.Add((i, last, strong));
            i = last;
        }

        // The person each title belongs to, by expanded title, for later mentions of the title alone.
        var holders = new List<(string Expanded, string Person)>();
        var unresolved = new List<int>();
        for (var c = 0; c < candidates.Count;)
        {
            // A chain: titles separated only by a comma or a dash.
            var end = c;
            while (end + 1 < candidates.Count && candidates[end + 1].First == candidates[end].Last + 2
                   && EntityGrammar.IsSeparator(view, candidates[end].Last + 1) && view.SameLine(candidates[end].Last, candidates[end + 1].First))
            {
                end++;
            }

            var chainFirst = candidates[c].First;
            var chainLast = candidates[end].Last;
            string? person = null;
            if (view.SameLine(chainLast, chainLast + 1) && EntityGrammar.TryName(view, chainLast + 1, NameContext.Free, out var nameLast))
            {
                person = EntityGrammar.CanonicalName(view, chainLast + 1, nameLast);
            }
            else if (NameBefore(view, chainFirst) is var (nameFirst, nameLast2) && nameFirst >= 0)
            {
                // "Name, Title", "Name - Title", "Name (Title)", "Name, nguyên Title".
                person = EntityGrammar.CanonicalName(view, nameFirst, nameLast2);
            }
            else if (NameAfterCue(view, chainLast) is var (cuedFirst, cuedLast) && cuedFirst >= 0)
            {
                // "Bí thư Tỉnh ủy, đồng chí Nguyễn Văn A".
                person = EntityGrammar.CanonicalName(view, cuedFirst, cuedLast);
            }

            var cued = EntityGrammar.FollowsCue(view, chainFirst);
            var anyStrong = false;
            for (var k = c; k <= end; k++)
            {
                anyStrong |= candidates[k].Strong;
            }

            for (var k = c; k <= end; k++)
            {
                var (first, last, strong) = candidates[k];
                var accepted = person is not null || cued || strong || (anyStrong && end > c);
                if (!accepted || (first == last && !strong && person is null))
                {
                    continue;
                }

                var span = view.Cover(first, last);
                var expanded = Lexicons.Abbreviations.Expand(view, first, last);
                string? holder = person;
                if (holder is null)
                {
                    holder = FindHolder(holders, expanded, latest: true);
                    if (holder is null)
                    {
                        unresolved.Add(output.Count);
                    }
                }
                else
                {
                    holders.Add((expanded, holder));
                }

                output.Add(new TitleMention(span, view.TextOf(span), expanded, holder));
            }

            c = end + 1;
        }

        // A title alone before anyone is named with it (a headline: "Chủ tịch UBND xã Ia Pếch đối thoại …")
        // belongs to the first person the text later names with it.
        foreach (var index in unresolved)
        {
            var title = (TitleMention)output[index];
            if (FindHolder(holders, title.Expanded, latest: false) is { } holder)
            {
                output[index] = title with { Person = holder };
            }
        }
    }

    /// <summary>
    /// The name a title chain starting at <paramref name="titleFirst"/> follows: "Name, Title", "Name - Title",
    /// "Name (Title)", and with "nguyên" (former) before the title; (-1, -1) when none.
    /// </summary>
    internal static (int First, int Last) NameBefore(TokenView view, int titleFirst)
    {
        var k = titleFirst - 1;
        if (view.Is(k, "nguyên") && view.SameLine(k, titleFirst))
        {
            k--;
        }

        if (EntityGrammar.IsCapWord(view, k) && view.SameLine(k, titleFirst) && k == titleFirst - 1
            && EntityGrammar.TryNameEndingAt(view, k, out var direct) && EntityGrammar.FollowsCue(view, direct))
        {
            // "Đồng chí Nguyễn Văn A Phó Chủ tịch UBND tỉnh phát biểu": nothing between a cued name and its title.
            return (direct, k);
        }

        if ((!EntityGrammar.IsSeparator(view, k) && view.Span(k) is not "(") || !view.SameLine(k - 1, titleFirst))
        {
            return (-1, -1);
        }

        return EntityGrammar.TryNameEndingAt(view, k - 1, out var first) ? (first, k - 1) : (-1, -1);
    }

    /// <summary>A name after the title chain, a comma and a cue: "Phó Chủ tịch UBND tỉnh, đồng chí Y Khiêm Byă"; (-1, -1) when none.</summary>
    internal static (int First, int Last) NameAfterCue(TokenView view, int titleLast)
    {
        if (!EntityGrammar.IsSeparator(view, titleLast + 1) || !view.SameLine(titleLast, titleLast + 1))
        {
            return (-1, -1);
        }

        for (var k = titleLast + 3; k <= titleLast + 4; k++)
        {
            if (view.SameLine(titleLast, k) && EntityGrammar.FollowsCue(view, k) && EntityGrammar.IsCueStartAt(view, titleLast + 2, k)
                && EntityGrammar.TryName(view, k, NameContext.Cued, out var last))
            {
                return (k, last);
            }
        }

        return (-1, -1);
    }

    /// <summary>
    /// The person named with the same title (ignoring case), or with the title and a place after it or
    /// without it ("Chủ tịch UBND xã" and "Chủ tịch UBND xã Ia Pếch"); the latest or the first such person.
    /// </summary>
    private static string? FindHolder(List<(string Expanded, string Person)> holders, string expanded, bool latest)
    {
        string? partial = null;
        for (var n = 0; n < holders.Count; n++)
        {
            var (title, person) = holders[latest ? holders.Count - 1 - n : n];
            if (title.Equals(expanded, StringComparison.OrdinalIgnoreCase))
            {
                return person;
            }

            if (partial is null && (ExtendsWithWords(title, expanded) || ExtendsWithWords(expanded, title)))
            {
                partial = person;
            }
        }

        return partial;
    }

    private static bool ExtendsWithWords(string longer, string shorter) =>
        longer.Length > shorter.Length + 1 && longer[shorter.Length] == ' ' && longer.StartsWith(shorter, StringComparison.OrdinalIgnoreCase);
}

using DanVan.Extraction.Text;

namespace DanVan.Extraction.Recognition;

/// <summary>
/// A list of phrases (one per line in an embedded text file, '#' comments) matched token by token
/// against a <see cref="TokenView"/>, ignoring case, without allocating: entries are bucketed by their
/// lower-cased first letter and compared as spans. Immutable and thread-safe once loaded.
/// </summary>
/// <remarks>
/// Token boundaries must fall on the entry's spaces or next to its punctuation, so "Ban Dân vận"
/// matches the tokens "Ban", "Dân", "vận", "UB MTTQ" matches the one abbreviation token "UB MTTQ",
/// and "LĐ-TB&amp;XH" matches its five tokens written without spaces.
/// </remarks>
internal sealed class PhraseSet
{
    private readonly Dictionary<char, string[]> _byFirst;
    private readonly Dictionary<int, string[]> _byFirstTwo;

    private PhraseSet(IEnumerable<string> phrases)
    {
        var buckets = new Dictionary<char, List<string>>();
        foreach (var phrase in phrases)
        {
            var key = CharClass.ToLowerInvariant(phrase[0]);
            if (!buckets.TryGetValue(key, out var list))
            {
                buckets[key] = list = [];
            }

            if (!list.Contains(phrase, StringComparer.OrdinalIgnoreCase))
            {
                list.Add(phrase);
                Count++;
            }
        }

        // Longest first, so the first entry that matches is the longest match.
        _byFirst = buckets.ToDictionary(b => b.Key, b => b.Value.OrderByDescending(p => p.Length).ToArray());
        _byFirstTwo = _byFirst.Values.SelectMany(v => v).GroupBy(p => KeyOf(p)).ToDictionary(g => g.Key, g => g.ToArray());
    }

    public int Count { get; }

    /// <summary>Loads the entries of an embedded lexicon; with <paramref name="section"/>, only the lines "section:entry".</summary>
    public static PhraseSet Load(string logicalName, string? section = null)
    {
        var phrases = new List<string>();
        foreach (var line in ReadLines(logicalName))
        {
            if (section is null)
            {
                phrases.Add(line);
            }
            else if (line.StartsWith(section, StringComparison.Ordinal) && line.Length > section.Length + 1 && line[section.Length] == ':')
            {
                phrases.Add(line[(section.Length + 1)..].Trim());
            }
        }

        return new PhraseSet(phrases);
    }

    /// <summary>The non-empty, non-comment lines of an embedded lexicon, trimmed.</summary>
    public static IEnumerable<string> ReadLines(string logicalName)
    {
        using var stream = ModelCatalog.Open(logicalName);
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length > 0 && line[0] != '#')
            {
                yield return line;
            }
        }
    }

    /// <summary>The entries that could start at a token beginning with <paramref name="first"/>, longest first.</summary>
    public ReadOnlySpan<string> Candidates(char first) =>
        _byFirst.TryGetValue(CharClass.ToLowerInvariant(first), out var bucket) ? bucket : ReadOnlySpan<string>.Empty;

    /// <summary>The last token of the longest entry spelled from token <paramref name="start"/>, or -1.</summary>
    public int LongestAt(TokenView view, int start)
    {
        var token = view.Span(start);
        if (token.IsEmpty)
        {
            return -1;
        }

        if (!_byFirstTwo.TryGetValue(KeyOf(token), out var bucket))
        {
            return -1;
        }

        var best = -1;
        foreach (var phrase in bucket)
        {
            var last = Match(view, start, phrase);
            if (last > best)
            {
                best = last;
            }
        }

        return best;
    }

    /// <summary>The longest entry spelled from token <paramref name="start"/> (as written in the lexicon) and its last token, or null.</summary>
    public string? LongestEntryAt(TokenView view, int start, out int last)
    {
        last = -1;
        var token = view.Span(start);
        if (token.IsEmpty || !_byFirstTwo.TryGetValue(KeyOf(token), out var bucket))
        {
            return null;
        }

        string? best = null;
        foreach (var phrase in bucket)
        {
            var end = Match(view, start, phrase);
            if (end > last)
            {
                last = end;
                best = phrase;
            }
        }

        return best;
    }

    /// <summary>True when the single token <paramref name="index"/> is an entry.</summary>
    public bool IsEntry(TokenView view, int index) => LongestAt(view, index) == index;

    /// <summary>True when <paramref name="word"/> is an entry (ignoring case).</summary>
    public bool Contains(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty)
        {
            return false;
        }

        foreach (var phrase in Candidates(word[0]))
        {
            if (phrase.AsSpan().Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Bucket key: the first two letters, lower-cased (a one-letter first word has none for the second).</summary>
    private static int KeyOf(ReadOnlySpan<char> text)
    {
        var second = text.Length > 1 && text[1] != ' ' ? CharClass.ToLowerInvariant(text[1]) : '\0';
        return (CharClass.ToLowerInvariant(text[0]) << 16) | second;
    }

    /// <summary>
    /// The last token of <paramref name="phrase"/> when the tokens from <paramref name="start"/> (on one line)
    /// spell it, ignoring case; -1 otherwise.
    /// </summary>
    public static int Match(TokenView view, int start, string phrase)
    {
        var rest = phrase.AsSpan();
        for (var i = start; i < view.Count; i++)
        {
            if (i > start && !view.SameLine(start, i))
            {
                return -1;
            }

            var token = view.Span(i);
            if (!rest.StartsWith(token, StringComparison.OrdinalIgnoreCase))
            {
                return -1;
            }

            rest = rest[token.Length..];
            if (rest.IsEmpty)
            {
                return i;
            }

            if (rest[0] == ' ')
            {
                rest = rest.TrimStart(' ');
                continue;
            }

            // No space in the phrase: the next token must follow without a gap, at a punctuation boundary.
            if (view[i + 1 < view.Count ? i + 1 : i].Start != view[i].End || (char.IsLetterOrDigit(token[^1]) && char.IsLetterOrDigit(rest[0])))
            {
                return -1;
            }
        }

        return -1;
    }
}

/// <summary>
/// Abbreviations and their expansions (embedded <c>abbreviations.txt</c>, "ABBR&lt;TAB&gt;expansion"),
/// matched exactly; expands a token range of a <see cref="TokenView"/>. Immutable and thread-safe.
/// </summary>
internal sealed class AbbreviationTable
{
    private const int MaxJoinedTokens = 7;
    private readonly Dictionary<string, string> _expansions;

    private AbbreviationTable(Dictionary<string, string> expansions) => _expansions = expansions;

    public int Count => _expansions.Count;

    public static AbbreviationTable Load(string logicalName)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in PhraseSet.ReadLines(logicalName))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0)
            {
                throw new InvalidDataException($"{logicalName}: expected 'ABBREVIATION<TAB>expansion' in line '{line}'.");
            }

            map[line[..tab].Trim()] = line[(tab + 1)..].Trim();
        }

        return new AbbreviationTable(map);
    }

    public bool TryExpand(string abbreviation, out string expansion) => _expansions.TryGetValue(abbreviation, out expansion!);

    /// <summary>
    /// The text of tokens <paramref name="first"/>..<paramref name="last"/> with every abbreviation expanded
    /// (the longest run of tokens written without spaces that is an entry), spacing collapsed to single spaces.
    /// </summary>
    public string Expand(TokenView view, int first, int last)
    {
        var builder = new System.Text.StringBuilder();
        for (var k = first; k <= last; k++)
        {
            if (k > first && view[k].Start > view[k - 1].End)
            {
                builder.Append(' ');
            }

            // Longest run of adjacent tokens (no whitespace between them) that is an abbreviation.
            var end = k;
            while (end < last && end - k < MaxJoinedTokens && view[end + 1].Start == view[end].End)
            {
                end++;
            }

            var matched = false;
            if (view.Kind(k) is TokenKind.Abbreviation or TokenKind.Syllable || view.Span(k) is "TP." or "TX.")
            {
                for (var e = end; e >= k && !matched; e--)
                {
                    var text = view.Text.Substring(view[k].Start, view[e].End - view[k].Start);
                    if (_expansions.TryGetValue(text, out var expansion))
                    {
                        builder.Append(expansion);
                        k = e;
                        matched = true;
                    }
                }
            }

            if (!matched)
            {
                builder.Append(view.Span(k));
            }
        }

        return builder.ToString();
    }
}

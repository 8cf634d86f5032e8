namespace DanVan.Extraction.Recognition;

/// <summary>
/// A list of phrases (one per line in an embedded text file, '#' comments) matched against token
/// sequences, longest first, ignoring case. Immutable and thread-safe once loaded.
/// </summary>
internal sealed class PhraseLexicon
{
    private readonly Dictionary<string, string> _byKey;

    // Case-insensitive hashes of every phrase's first word: most tokens start no phrase, and this
    // answers that without building a string.
    private readonly HashSet<int> _firstWordHashes = [];

    private PhraseLexicon(IEnumerable<string> phrases)
    {
        _byKey = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var phrase in phrases)
        {
            var key = Key(phrase);
            _byKey.TryAdd(key, phrase);
            MaxWords = Math.Max(MaxWords, TokenView.WordCount(key));
            var space = key.IndexOf(' ', StringComparison.Ordinal);
            _firstWordHashes.Add(FirstWordHash(space < 0 ? key : key[..space]));
        }
    }

    private static int FirstWordHash(ReadOnlySpan<char> word) => string.GetHashCode(word, StringComparison.OrdinalIgnoreCase);

    public int MaxWords { get; }

    public int Count => _byKey.Count;

    public static PhraseLexicon Load(string logicalName)
    {
        using var stream = ModelCatalog.Open(logicalName);
        using var reader = new StreamReader(stream);
        var phrases = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length > 0 && line[0] != '#')
            {
                phrases.Add(line);
            }
        }

        return new PhraseLexicon(phrases);
    }

    /// <summary>
    /// The longest phrase that the tokens from <paramref name="start"/> spell (token texts joined by single
    /// spaces, punctuation tokens attached as written), or null; <paramref name="last"/> is its last token.
    /// </summary>
    public string? LongestAt(TokenView view, int start, out int last)
    {
        last = -1;
        string? best = null;
        var first = view.Span(start);
        if (first.IsEmpty || !_firstWordHashes.Contains(FirstWordHash(first)))
        {
            return null;
        }

        var builder = new System.Text.StringBuilder();
        for (var i = start; i < view.Count && i < start + (MaxWords * 2) && (i == start || view.SameLine(start, i)); i++)
        {
            var token = view.Span(i);
            var attaches = i > start && view.Kind(i) == Text.TokenKind.Punctuation && token is "," or "-";
            if (i > start && (!attaches || view[i].Start > view[i - 1].End))
            {
                builder.Append(' ');
            }

            foreach (var c in token)
            {
                builder.Append(char.ToLowerInvariant(c));
            }

            if (_byKey.TryGetValue(builder.ToString(), out var phrase))
            {
                best = phrase;
                last = i;
            }
        }

        return best;
    }

    public bool Contains(string phrase) => _byKey.ContainsKey(Key(phrase));

    private static string Key(string phrase)
    {
        var parts = phrase.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', parts);
    }
}

/// <summary>The lexicons the rule recognizers use, loaded once from the embedded models.</summary>
internal static class Lexicons
{
    public const string UnitsResource = "DanVan.Extraction.Models.lexicons/units.txt";
    public const string CampaignsResource = "DanVan.Extraction.Models.lexicons/campaigns.txt";

    private static readonly Lazy<PhraseLexicon> UnitsLazy = new(() => PhraseLexicon.Load(UnitsResource));
    private static readonly Lazy<PhraseLexicon> CampaignsLazy = new(() => PhraseLexicon.Load(CampaignsResource));

    public static PhraseLexicon Units => UnitsLazy.Value;

    public static PhraseLexicon Campaigns => CampaignsLazy.Value;
}

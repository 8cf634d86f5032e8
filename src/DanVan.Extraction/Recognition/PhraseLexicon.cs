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
    public const string SurnamesResource = "DanVan.Extraction.Models.lexicons/surnames.txt";
    public const string EthnicNamesResource = "DanVan.Extraction.Models.lexicons/ethnic-names.txt";
    public const string MiddleNamesResource = "DanVan.Extraction.Models.lexicons/middle-names.txt";
    public const string TitleHeadsResource = "DanVan.Extraction.Models.lexicons/title-heads.txt";
    public const string OrgansResource = "DanVan.Extraction.Models.lexicons/organs.txt";
    public const string QualifiedOrgansResource = "DanVan.Extraction.Models.lexicons/organs-qualified.txt";
    public const string TitleOnlyOrgansResource = "DanVan.Extraction.Models.lexicons/organs-title-only.txt";
    public const string NamedOrgansResource = "DanVan.Extraction.Models.lexicons/organs-named.txt";
    public const string PlaceOpenersResource = "DanVan.Extraction.Models.lexicons/place-openers.txt";
    public const string AdminUnitsResource = "DanVan.Extraction.Models.lexicons/admin-units.txt";
    public const string PlacesResource = "DanVan.Extraction.Models.lexicons/places.txt";
    public const string AbbreviationsResource = "DanVan.Extraction.Models.lexicons/abbreviations.txt";

    private static readonly Lazy<PhraseLexicon> UnitsLazy = new(() => PhraseLexicon.Load(UnitsResource));
    private static readonly Lazy<PhraseLexicon> CampaignsLazy = new(() => PhraseLexicon.Load(CampaignsResource));
    private static readonly Lazy<PhraseSet> SurnamesLazy = new(() => PhraseSet.Load(SurnamesResource));
    private static readonly Lazy<PhraseSet> EthnicPrefixesLazy = new(() => PhraseSet.Load(EthnicNamesResource, "prefix"));
    private static readonly Lazy<PhraseSet> EthnicFamilyNamesLazy = new(() => PhraseSet.Load(EthnicNamesResource, "family"));
    private static readonly Lazy<PhraseSet> MiddleNamesLazy = new(() => PhraseSet.Load(MiddleNamesResource));
    private static readonly Lazy<PhraseSet> TitleHeadsLazy = new(() => PhraseSet.Load(TitleHeadsResource));
    private static readonly Lazy<PhraseSet> OrgansLazy = new(() => PhraseSet.Load(OrgansResource));
    private static readonly Lazy<PhraseSet> QualifiedOrgansLazy = new(() => PhraseSet.Load(QualifiedOrgansResource));
    private static readonly Lazy<PhraseSet> TitleOnlyOrgansLazy = new(() => PhraseSet.Load(TitleOnlyOrgansResource));
    private static readonly Lazy<PhraseSet> NamedOrgansLazy = new(() => PhraseSet.Load(NamedOrgansResource));
    private static readonly Lazy<PhraseSet> PlaceOpenersLazy = new(() => PhraseSet.Load(PlaceOpenersResource));
    private static readonly Lazy<PhraseSet> AdminUnitsLazy = new(() => PhraseSet.Load(AdminUnitsResource));
    private static readonly Lazy<PhraseSet> PlacesLazy = new(() => PhraseSet.Load(PlacesResource));
    private static readonly Lazy<AbbreviationTable> AbbreviationsLazy = new(() => AbbreviationTable.Load(AbbreviationsResource));

    public static PhraseLexicon Units => UnitsLazy.Value;

    public static PhraseLexicon Campaigns => CampaignsLazy.Value;

    /// <summary>Family names written first (Kinh surnames; Ksor, Rơ Mah, Điểu…).</summary>
    public static PhraseSet Surnames => SurnamesLazy.Value;

    /// <summary>Ethnic-minority given-name openers: "Y", "H'", "K'"…</summary>
    public static PhraseSet EthnicPrefixes => EthnicPrefixesLazy.Value;

    /// <summary>Ethnic-minority family names written last: "Niê", "Mlô", "Byă"…</summary>
    public static PhraseSet EthnicFamilyNames => EthnicFamilyNamesLazy.Value;

    /// <summary>Common middle names, for lower-case slips ("Đào quang Minh").</summary>
    public static PhraseSet MiddleNames => MiddleNamesLazy.Value;

    public static PhraseSet TitleHeads => TitleHeadsLazy.Value;

    /// <summary>Organs that are organizations on their own.</summary>
    public static PhraseSet Organs => OrgansLazy.Value;

    /// <summary>Bodies that are organizations only with a unit, a place or "Việt Nam" after them.</summary>
    public static PhraseSet QualifiedOrgans => QualifiedOrgansLazy.Value;

    /// <summary>Bodies that close a title but are not organizations on their own ("Đoàn", "tổ hòa giải").</summary>
    public static PhraseSet TitleOnlyOrgans => TitleOnlyOrgansLazy.Value;

    /// <summary>Bodies followed by their own proper name ("Công ty TNHH …", "Trường THCS …").</summary>
    public static PhraseSet NamedOrgans => NamedOrgansLazy.Value;

    /// <summary>First syllables of Central Highlands place names ("Cư", "Ea", "Krông", "Ia").</summary>
    public static PhraseSet PlaceOpeners => PlaceOpenersLazy.Value;

    public static PhraseSet AdminUnits => AdminUnitsLazy.Value;

    public static PhraseSet Places => PlacesLazy.Value;

    public static AbbreviationTable Abbreviations => AbbreviationsLazy.Value;
}

namespace DanVan.Extraction.Recognition;

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
    public const string DistrictsResource = "DanVan.Extraction.Models.lexicons/districts.txt";
    public const string AbbreviationsResource = "DanVan.Extraction.Models.lexicons/abbreviations.txt";
    public const string ClauseWordsResource = "DanVan.Extraction.Models.lexicons/clause-words.txt";

    private static readonly Lazy<PhraseSet> UnitsLazy = new(() => PhraseSet.Load(UnitsResource));
    private static readonly Lazy<PhraseSet> CampaignsLazy = new(() => PhraseSet.Load(CampaignsResource));
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
    private static readonly Lazy<PhraseSet> DistrictsLazy = new(() => PhraseSet.Load(DistrictsResource));
    private static readonly Lazy<PhraseSet> ClauseWordsLazy = new(() => PhraseSet.Load(ClauseWordsResource));
    private static readonly Lazy<AbbreviationTable> AbbreviationsLazy = new(() => AbbreviationTable.Load(AbbreviationsResource));

    public static PhraseSet Units => UnitsLazy.Value;

    public static PhraseSet Campaigns => CampaignsLazy.Value;

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

    /// <summary>Districts, towns, communes and wards: read as a place only where a place is expected (after an organ or a unit word).</summary>
    public static PhraseSet Districts => DistrictsLazy.Value;

    /// <summary>The longest place at <paramref name="index"/> where a place is expected: <see cref="Places"/> or <see cref="Districts"/>.</summary>
    public static int LongestExpectedPlaceAt(TokenView view, int index) => Math.Max(Places.LongestAt(view, index), Districts.LongestAt(view, index));

    public static AbbreviationTable Abbreviations => AbbreviationsLazy.Value;

    /// <summary>Verbs and describing words that end a figure's counted noun phrase.</summary>
    public static PhraseSet ClauseWords => ClauseWordsLazy.Value;
}

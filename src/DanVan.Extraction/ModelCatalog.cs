using System.Reflection;

namespace DanVan.Extraction;

/// <summary>
/// The one list of language data embedded in the library (from <c>models/</c>), by logical name.
/// A test opens every entry, so a resource the build forgot to embed fails a test, not a user.
/// </summary>
internal static class ModelCatalog
{
    private const string Prefix = "DanVan.Extraction.Models.";

    /// <summary>TCVN3 (VN3, .VnTime fonts) to Unicode, one letter a line.</summary>
    public const string Tcvn3Table = Prefix + "encodings/tcvn3.tsv";

    /// <summary>VNI-Windows (VNI-Times fonts) to Unicode, one letter a line.</summary>
    public const string VniTable = Prefix + "encodings/vni.tsv";

    /// <summary>The word segmenter's trained model (written by <c>danvan train segmenter</c>).</summary>
    public const string SegmenterModel = Prefix + "segmenter/segmenter.bin";

    /// <summary>The word segmenter's hand-written domain lexicon, one word a line.</summary>
    public const string SegmenterDomainLexicon = Prefix + "segmenter/domain-lexicon.txt";

    /// <summary>The word segmenter's hand-written general word list, one word a line (a feature of the model).</summary>
    public const string SegmenterWordList = Prefix + "segmenter/word-list.txt";

    /// <summary>The entity tagger's trained model (written by <c>danvan train tagger</c>).</summary>
    public const string TaggerModel = Prefix + "tagger/tagger.bin";

    /// <summary>Word → most frequent part of speech (written by <c>danvan train word-classes</c>).</summary>
    public const string WordClasses = Prefix + "lexicons/word-classes.tsv";

    /// <summary>Every resource the library loads at run time.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Tcvn3Table,
        VniTable,
        Recognition.Lexicons.UnitsResource,
        Recognition.Lexicons.CampaignsResource,
        Recognition.Lexicons.SurnamesResource,
        Recognition.Lexicons.EthnicNamesResource,
        Recognition.Lexicons.MiddleNamesResource,
        Recognition.Lexicons.TitleHeadsResource,
        Recognition.Lexicons.OrgansResource,
        Recognition.Lexicons.QualifiedOrgansResource,
        Recognition.Lexicons.TitleOnlyOrgansResource,
        Recognition.Lexicons.NamedOrgansResource,
        Recognition.Lexicons.PlaceOpenersResource,
        Recognition.Lexicons.AdminUnitsResource,
        Recognition.Lexicons.PlacesResource,
        Recognition.Lexicons.DistrictsResource,
        Recognition.Lexicons.AbbreviationsResource,
        Recognition.Lexicons.ClauseWordsResource,
        SegmenterModel,
        SegmenterDomainLexicon,
        SegmenterWordList,
        TaggerModel,
        WordClasses,
    ];

    /// <summary>Opens an embedded resource by its logical name; throws when it is missing.</summary>
    public static Stream Open(string logicalName)
    {
        var stream = typeof(ModelCatalog).Assembly.GetManifestResourceStream(logicalName);
        return stream ?? throw new InvalidOperationException($"The embedded resource '{logicalName}' is missing from {typeof(ModelCatalog).Assembly.GetName().Name}.");
    }

    /// <summary>The logical name of a file under <c>models/</c> (path with '/' separators).</summary>
    public static string NameOf(string relativePath) => Prefix + relativePath.Replace('\\', '/');

    internal static IEnumerable<string> Embedded() =>
        typeof(ModelCatalog).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal));

    internal static Assembly Assembly => typeof(ModelCatalog).Assembly;
}

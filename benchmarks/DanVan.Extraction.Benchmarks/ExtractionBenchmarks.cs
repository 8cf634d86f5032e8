using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using DanVan.Extraction.Html;
using DanVan.Extraction.Records;

namespace DanVan.Extraction.Benchmarks;

/// <summary>
/// End to end on the labeled portal pages: HTML bytes → article (page reader) and HTML bytes → meeting
/// record (page reader, normalization, recognition, record), one core. One operation reads all 42 pages;
/// the "pages/s" column gives pages per second, and mean time / 42 is the time per page.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class ExtractionBenchmarks
{
    private static readonly Lazy<byte[][]> PagesLazy = new(() =>
        [.. Directory.EnumerateFiles(Path.Combine(BenchmarkText.RepoRoot, "corpus", "pages"), "*.html", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).Select(File.ReadAllBytes)]);

    private readonly MeetingExtractor _extractor = MeetingExtractor.CreateDefault();
    private byte[][] _pages = [];

    [GlobalSetup]
    public void Setup() => _pages = PagesLazy.Value;

    [Benchmark(Description = "Page → article")]
    public int ReadPages()
    {
        var paragraphs = 0;
        foreach (var page in _pages)
        {
            paragraphs += PageReader.Default.Read(page).Article?.Paragraphs.Count ?? 0;
        }

        return paragraphs;
    }

    [Benchmark(Description = "Page → meeting record")]
    public int ExtractRecords()
    {
        var figures = 0;
        foreach (var page in _pages)
        {
            figures += _extractor.Extract(page).Record?.Figures.Count ?? 0;
        }

        return figures;
    }

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new ThroughputColumn("pages/s", _ => PagesLazy.Value.Length));
    }
}

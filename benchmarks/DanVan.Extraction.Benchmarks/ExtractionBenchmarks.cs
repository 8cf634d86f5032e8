using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using DanVan.Extraction.Html;
using DanVan.Extraction.Records;

namespace DanVan.Extraction.Benchmarks;

/// <summary>
/// End to end on the 42 labeled portal pages of <c>corpus/pages</c>: HTML bytes → article (page reader) and HTML
/// bytes → meeting record (page reader, normalization, recognition, record), one core. One invocation reads every
/// page once and counts as 42 operations, so the mean time and the allocation are per page, averaged over all the
/// pages. The pages are 21–60 KB (mean 35 KB), smaller than the 60–120 KB of a typical portal page: the "bytes/s"
/// column gives the rate in page bytes. Fifteen warm-up iterations, also under <c>--job short</c> (whose three are
/// not enough): the record path runs through hundreds of methods, and with three the short job measured them
/// before the JIT had finished optimizing them — 4 or 8 ms per page from one run to the next for the same code.
/// </summary>
[MemoryDiagnoser]
[WarmupCount(15)]
[Config(typeof(Config))]
public class ExtractionBenchmarks
{
    private const int Pages = 42;

    private static readonly Lazy<byte[][]> PagesLazy = new(() =>
        [.. Directory.EnumerateFiles(Path.Combine(BenchmarkText.RepoRoot, "corpus", "pages"), "*.html", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).Select(File.ReadAllBytes)]);

    private readonly MeetingExtractor _extractor = MeetingExtractor.CreateDefault();
    private byte[][] _pages = [];

    [GlobalSetup]
    public void Setup()
    {
        _pages = PagesLazy.Value;
        if (_pages.Length != Pages)
        {
            throw new InvalidOperationException($"corpus/pages holds {_pages.Length} pages; set {nameof(Pages)} (the operations per invocation) to that number");
        }
    }

    [Benchmark(Description = "Page → article", OperationsPerInvoke = Pages)]
    public int ReadPages()
    {
        var paragraphs = 0;
        foreach (var page in _pages)
        {
            paragraphs += PageReader.Default.Read(page).Article?.Paragraphs.Count ?? 0;
        }

        return paragraphs;
    }

    [Benchmark(Description = "Page → meeting record", OperationsPerInvoke = Pages)]
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
        public Config()
        {
            AddColumn(new ThroughputColumn("pages/s", _ => 1));
            AddColumn(new ThroughputColumn("bytes/s", _ => PagesLazy.Value.Average(p => (double)p.Length)));
        }
    }
}

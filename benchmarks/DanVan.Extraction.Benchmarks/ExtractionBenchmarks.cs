using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using DanVan.Extraction.Html;
using DanVan.Extraction.Records;

namespace DanVan.Extraction.Benchmarks;

/// <summary>
/// End to end on the 42 labeled portal pages of <c>corpus/pages</c>: HTML bytes → article (page reader) and HTML
/// bytes → meeting record (page reader, normalization, recognition, record), one core. One operation reads one
/// page; successive operations go round the pages in path order, so the mean time is the time per page averaged
/// over all of them (each iteration goes round several times), and BenchmarkDotNet's time-based warm-up runs
/// long enough for the JIT to finish optimizing (an operation of all 42 pages was warmed three times only, and
/// the short job then measured partly unoptimized code). The pages are 21–60 KB (mean 35 KB), smaller than the
/// 60–120 KB of a typical portal page: the "bytes/s" column gives the rate in page bytes.
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
    private int _next;

    [GlobalSetup]
    public void Setup() => _pages = PagesLazy.Value;

    [Benchmark(Description = "Page → article")]
    public int ReadPage() => PageReader.Default.Read(NextPage()).Article?.Paragraphs.Count ?? 0;

    [Benchmark(Description = "Page → meeting record")]
    public int ExtractRecord() => _extractor.Extract(NextPage()).Record?.Figures.Count ?? 0;

    private byte[] NextPage()
    {
        var page = _pages[_next];
        _next = _next + 1 == _pages.Length ? 0 : _next + 1;
        return page;
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

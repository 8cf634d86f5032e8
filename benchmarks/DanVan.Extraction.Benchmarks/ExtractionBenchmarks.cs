using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using DanVan.Extraction.Html;
using DanVan.Extraction.Records;

namespace DanVan.Extraction.Benchmarks;

/// <summary>
/// End to end on the 42 labeled portal pages of <c>corpus/pages</c>: HTML bytes → article (page reader) and HTML
/// bytes → meeting record (page reader, normalization, recognition, record), one core. One invocation reads every
/// page once and counts as 42 operations, so the mean time and the allocation are per page, averaged over all the
/// pages. The labeled pages are 21–60 KB (mean 35 KB), smaller than the 60–120 KB of a typical portal page, so the
/// <c>padded</c> input grows each of them to about 100 KB with what fills real portal pages — an inline style sheet,
/// inline scripts, a long menu and a block of related links (ASCII and character references, so it reads the same
/// in every encoding) — around the same article; the "bytes/s" column gives the rate in page bytes. Fifteen warm-up iterations, also under <c>--job short</c> (whose three are
/// not enough): the record path runs through hundreds of methods, and with three the short job measured them
/// before the JIT had finished optimizing them — 4 or 8 ms per page from one run to the next for the same code.
/// </summary>
[MemoryDiagnoser]
[WarmupCount(15)]
[Config(typeof(Config))]
public class ExtractionBenchmarks
{
    private const int Pages = 42;

    private const int PaddedSize = 100 * 1024;

    private static readonly Lazy<byte[][]> PagesLazy = new(() =>
        [.. Directory.EnumerateFiles(Path.Combine(BenchmarkText.RepoRoot, "corpus", "pages"), "*.html", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).Select(File.ReadAllBytes)]);

    private static readonly Lazy<byte[][]> PaddedLazy = new(() => [.. PagesLazy.Value.Select(Pad)]);

    private readonly MeetingExtractor _extractor = MeetingExtractor.CreateDefault();
    private byte[][] _pages = [];

    /// <summary><c>labeled</c>: the pages as saved; <c>padded</c>: each grown to about 100 KB of portal chrome.</summary>
    [Params("labeled", "padded")]
    public string Input { get; set; } = "labeled";

    [GlobalSetup]
    public void Setup()
    {
        _pages = Input == "padded" ? PaddedLazy.Value : PagesLazy.Value;
        if (Input == "padded")
        {
            // The chrome must not change what is read: the same article comes out of every padded page.
            for (var k = 0; k < _pages.Length; k++)
            {
                if (ArticleText(_pages[k]) != ArticleText(PagesLazy.Value[k]))
                {
                    throw new InvalidOperationException($"padding page {k} changed its article");
                }
            }
        }
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

    private static string ArticleText(byte[] page) =>
        PageReader.Default.Read(page).Article is { } article ? article.Title + "\n" + string.Join("\n", article.Paragraphs) : string.Empty;

    /// <summary>
    /// The page with portal chrome added right after its <c>&lt;body&gt;</c> tag until it is about 100 KB: a style
    /// sheet, scripts, a menu of category links and a block of related-article links.
    /// </summary>
    private static byte[] Pad(byte[] page)
    {
        var chrome = new System.Text.StringBuilder();
        var rule = 0;
        while (page.Length + chrome.Length < PaddedSize)
        {
            chrome.Append("<style>");
            for (var k = 0; k < 40; k++, rule++)
            {
                chrome.Append(".mod-").Append(rule).Append(" .item a:hover{color:#0a4f8c;border-bottom:1px solid #ccc;padding:2px 4px;margin:0 0 4px}\n");
            }

            chrome.Append("</style><script>var cfg").Append(rule).Append("={track:true,slots:[1,2,3],region:'vn'};function f")
                .Append(rule).Append("(e){if(e&&e.target){e.target.classList.toggle('open');}}</script>");
            chrome.Append("<ul class=\"menu mega-menu\">");
            for (var k = 0; k < 40; k++)
            {
                chrome.Append("<li class=\"menu-item\"><a href=\"/chuyen-muc/").Append(rule).Append('-').Append(k)
                    .Append("\">Chuy&#234;n m&#7909;c ").Append(k).Append("</a></li>");
            }

            chrome.Append("</ul><div class=\"related-news\"><h3>Tin li&#234;n quan</h3>");
            for (var k = 0; k < 10; k++)
            {
                chrome.Append("<p><a href=\"/tin-tuc/").Append(rule).Append('-').Append(k).Append(".html\">H&#7897;i ngh&#7883; s&#417; k&#7871;t c&#244;ng t&#225;c ")
                    .Append(k).Append("</a> (0").Append(1 + (k % 9)).Append("/1").Append(k % 3).Append("/2023)</p>");
            }

            chrome.Append("</div>");
        }

        var html = System.Text.Encoding.Latin1.GetString(page);
        var body = html.IndexOf("<body", StringComparison.OrdinalIgnoreCase);
        var at = body < 0 ? 0 : html.IndexOf('>', body) + 1;
        var insert = System.Text.Encoding.ASCII.GetBytes(chrome.ToString());
        return [.. page.AsSpan(0, at), .. insert, .. page.AsSpan(at)];
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddColumn(new ThroughputColumn("pages/s", _ => 1));
            AddColumn(new ThroughputColumn("bytes/s", c => (c.Parameters["Input"] as string == "padded" ? PaddedLazy.Value : PagesLazy.Value).Average(p => (double)p.Length)));
        }
    }
}

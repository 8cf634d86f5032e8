using System.Diagnostics;
using System.Globalization;
using System.Text;
using DanVan.Extraction.Html;

namespace DanVan.Extraction.Evaluation;

/// <summary>How one page scored.</summary>
internal sealed record PageOutcome(PageGold Gold, PageReadResult Result, Prf Body, bool Title, bool Published, bool Author, double Milliseconds)
{
    public Article? Article => Result.Article;
}

/// <summary>Averages over a group of pages (per-page values averaged, as the article-extraction benchmarks do).</summary>
internal sealed record PageSummary(string Group, int Pages, double Precision, double Recall, double F1, double TitleAccuracy, double PublishedAccuracy, double AuthorAccuracy, double MillisecondsPerPage)
{
    public static PageSummary Of(string group, IReadOnlyList<PageOutcome> outcomes)
    {
        var n = outcomes.Count;
        if (n == 0)
        {
            return new PageSummary(group, 0, 0, 0, 0, 0, 0, 0, 0);
        }

        double p = 0, r = 0, f = 0, t = 0, d = 0, a = 0, ms = 0;
        foreach (var o in outcomes)
        {
            p += o.Body.Precision;
            r += o.Body.Recall;
            f += o.Body.F1;
            t += o.Title ? 1 : 0;
            d += o.Published ? 1 : 0;
            a += o.Author ? 1 : 0;
            ms += o.Milliseconds;
        }

        return new PageSummary(group, n, p / n, r / n, f / n, t / n, d / n, a / n, ms / n);
    }
}

/// <summary>Runs a <see cref="IPageReader"/> over labeled pages and scores it. Not tied to the CLI so tests use it too.</summary>
internal static class PageEvaluation
{
    public static List<PageOutcome> Run(IPageReader reader, IReadOnlyList<PageGold> pages, CancellationToken cancellationToken = default)
    {
        var outcomes = new List<PageOutcome>(pages.Count);
        // One untimed pass first, so the times are the steady state (the .NET JIT has compiled its tiers),
        // not start-up; the readability comparison script does the same for its side.
        foreach (var gold in pages)
        {
            reader.Read(File.ReadAllBytes(gold.HtmlPath), null, cancellationToken);
        }

        foreach (var gold in pages)
        {
            var bytes = File.ReadAllBytes(gold.HtmlPath);
            var watch = Stopwatch.StartNew();
            var result = reader.Read(bytes, null, cancellationToken);
            var ms = watch.Elapsed.TotalMilliseconds;
            var article = result.Article;
            var body = PageScoring.Overlap(article?.BodyParagraphs() ?? [], gold.Body);
            outcomes.Add(new PageOutcome(
                gold,
                result,
                body,
                PageScoring.SameText(article?.Title, gold.Title),
                PageScoring.SamePublished(article?.Published, gold.Published),
                PageScoring.SameText(article?.Author, gold.Author),
                ms));
        }

        return outcomes;
    }

    /// <summary>Scores texts another extractor wrote (<c>DIR/&lt;kind&gt;/NNN.txt</c>) with the same measure.</summary>
    public static List<(PageGold Gold, Prf Body)> ScoreTexts(IReadOnlyList<PageGold> pages, string directory)
    {
        var result = new List<(PageGold, Prf)>();
        foreach (var gold in pages)
        {
            var kind = Path.GetFileName(Path.GetDirectoryName(gold.HtmlPath)) ?? string.Empty;
            var path = Path.Combine(directory, kind, Path.GetFileNameWithoutExtension(gold.HtmlPath) + ".txt");
            var text = File.Exists(path) ? File.ReadAllText(path, Encoding.UTF8) : string.Empty;
            result.Add((gold, PageScoring.Overlap([text], gold.Body)));
        }

        return result;
    }

    /// <summary>The summary table: overall, then one row per portal kind.</summary>
    public static List<PageSummary> Summarize(IReadOnlyList<PageOutcome> outcomes)
    {
        var rows = new List<PageSummary> { PageSummary.Of("all", outcomes) };
        var kinds = new SortedDictionary<string, List<PageOutcome>>(StringComparer.Ordinal);
        foreach (var o in outcomes)
        {
            if (!kinds.TryGetValue(o.Gold.Portal, out var list))
            {
                kinds[o.Gold.Portal] = list = [];
            }

            list.Add(o);
        }

        foreach (var (kind, list) in kinds)
        {
            rows.Add(PageSummary.Of(kind, list));
        }

        return rows;
    }

    public static string Format(IReadOnlyList<PageSummary> rows)
    {
        var sb = new StringBuilder();
        sb.AppendLine("group       pages  body-P  body-R  body-F1  title  published  author  ms/page");
        foreach (var r in rows)
        {
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{r.Group,-11} {r.Pages,5}  {r.Precision,6:0.000}  {r.Recall,6:0.000}  {r.F1,7:0.000}  {r.TitleAccuracy,5:0.000}  {r.PublishedAccuracy,9:0.000}  {r.AuthorAccuracy,6:0.000}  {r.MillisecondsPerPage,7:0.0}"));
        }

        return sb.ToString();
    }
}

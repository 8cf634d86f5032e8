using DanVan.Extraction.Evaluation;
using DanVan.Extraction.Html;
using Xunit.Abstractions;

namespace DanVan.Extraction.Tests.Html;

/// <summary>
/// The labeled pages of corpus/pages (or $DANVAN_PAGES): the test split must meet the targets
/// (body F1 ≥ 0.98, title and published ≥ 0.98, author ≥ 0.90). Nothing is tuned on the test split.
/// </summary>
public sealed class PageCorpusTests(ITestOutputHelper output)
{
    private static string PagesDirectory =>
        Environment.GetEnvironmentVariable("DANVAN_PAGES") is { Length: > 0 } dir ? dir : Path.Combine(RepoPaths.Corpus, "pages");

    [Fact]
    public void Test_split_meets_the_targets()
    {
        var pages = PageGold.LoadAll(PagesDirectory, "test");
        if (pages.Count == 0)
        {
            output.WriteLine($"SKIPPED: no labeled test pages (*.gold.json with split test) under {PagesDirectory}");
            return;
        }

        var outcomes = PageEvaluation.Run(PageReader.Default, pages);
        var all = PageEvaluation.Summarize(outcomes)[0];
        output.WriteLine(PageEvaluation.Format(PageEvaluation.Summarize(outcomes)));
        var failures = outcomes.Where(o => o.Body.F1 < 0.98 || !o.Title || !o.Published || !o.Author).Select(o => o.Gold.Id);
        var detail = $"pages with a miss: {string.Join(", ", failures)}";
        Assert.True(all.F1 >= 0.98, $"body F1 {all.F1:0.000} < 0.98; {detail}");
        Assert.True(all.TitleAccuracy >= 0.98, $"title accuracy {all.TitleAccuracy:0.000} < 0.98; {detail}");
        Assert.True(all.PublishedAccuracy >= 0.98, $"published accuracy {all.PublishedAccuracy:0.000} < 0.98; {detail}");
        Assert.True(all.AuthorAccuracy >= 0.90, $"author accuracy {all.AuthorAccuracy:0.000} < 0.90; {detail}");
    }

    [Fact]
    public void Every_labeled_page_reads_as_an_article()
    {
        var pages = PageGold.LoadAll(PagesDirectory, null);
        if (pages.Count == 0)
        {
            output.WriteLine($"SKIPPED: no labeled pages under {PagesDirectory}");
            return;
        }

        foreach (var gold in pages)
        {
            var result = PageReader.Default.Read(File.ReadAllBytes(gold.HtmlPath));
            Assert.True(result.IsArticle, $"{gold.Id}: {result.Reason} {result.Message}");
        }
    }
}

using DanVan.Extraction.Evaluation;
using DanVan.Extraction.Recognition;

namespace DanVan.Extraction.Tests.Recognition;

/// <summary>
/// The person a title is attached to, against the gold <c>person</c> attribute of the train and dev articles
/// (the entity evaluation scores spans and expanded forms only). The test split is never read.
/// </summary>
public class TitlePersonCorpusTests
{
    [Theory]
    [InlineData("train")]
    [InlineData("dev")]
    public void Titles_found_at_the_gold_span_name_the_gold_person(string split)
    {
        var articles = CorpusArticleReader.ReadDirectory(Path.Combine(RepoPaths.Corpus, "articles"), split);
        var checkedCount = 0;
        var wrong = new List<string>();
        foreach (var article in articles)
        {
            var titles = EntityRecognizer.Default.Recognize(article.Text, article.Published).OfType<TitleMention>().ToList();
            foreach (var gold in article.Entities.Where(e => e.Type == "title"))
            {
                var found = titles.FirstOrDefault(t => t.Span == gold.Span);
                if (found is null)
                {
                    continue;
                }

                checkedCount++;
                var expected = gold.Attribute("person");
                if (!string.Equals(expected, found.Person ?? string.Empty, StringComparison.Ordinal))
                {
                    wrong.Add($"{article.Id} '{gold.Text}': gold '{expected}', found '{found.Person}'");
                }
            }
        }

        Assert.True(checkedCount > 50, $"only {checkedCount} titles checked");
        Assert.True(wrong.Count <= checkedCount / 50, $"{wrong.Count} of {checkedCount} wrong:\n" + string.Join('\n', wrong));
    }
}

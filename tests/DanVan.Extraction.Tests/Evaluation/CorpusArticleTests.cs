using DanVan.Extraction.Evaluation;

namespace DanVan.Extraction.Tests.Evaluation;

public class CorpusArticleTests
{
    private static string ArticlesDir => Path.Combine(RepoPaths.Corpus, "articles");

    [Fact]
    public void Parses_inline_annotations_into_text_and_spans()
    {
        const string content = "---\nid: 999\nsplit: dev\npublished: 2023-09-21\nspeaker: Nguyễn Hoàng Long | chỉ đạo\n---\n"
            + "[[date:Sáng 20/9|value=2023-09-20|part=morning]], [[org:Ban Dân vận Thành ủy|expanded=Ban Dân vận Thành ủy]] giao ban.\n"
            + "Có [[figure:gần 74.000 suất quà|value=74000|unit=suất quà|qualifier=gần]].";
        var article = CorpusArticleReader.Parse(content, "x.txt");
        Assert.Equal("Sáng 20/9, Ban Dân vận Thành ủy giao ban.\nCó gần 74.000 suất quà.", article.Text);
        Assert.Equal(["date", "org", "figure"], article.Entities.Select(e => e.Type));
        Assert.All(article.Entities, e => Assert.Equal(e.Text, e.Span.Slice(article.Text).ToString()));
        Assert.Equal("morning", article.Entities[0].Attribute("part"));
        Assert.Equal("Nguyễn Hoàng Long | chỉ đạo", article.HeaderValue("speaker"));
        Assert.Equal(new DateOnly(2023, 9, 21), article.Published);
    }

    [Theory]
    [InlineData("[[date:20/9|value=2023-13-01]]", ":6:")]
    [InlineData("x [[person:Hải]] y", "needs attribute 'name'")]
    [InlineData("[[figure:75 lượt|value=bảy|unit=lượt]]", "decimal")]
    [InlineData("[[thing:x|a=b]]", "unknown entity type")]
    [InlineData("[[org:a [[org:b|expanded=b]]|expanded=a]]", "nest")]
    [InlineData("text ]] more", "without '[['")]
    [InlineData("\n\n[[org:Ban", ":8:")]
    public void Reports_format_errors_with_file_and_line(string body, string expected)
    {
        var ex = Assert.Throws<CorpusFormatException>(() => CorpusArticleReader.Parse("---\nid: 1\nsplit: train\npublished: 2020-01-01\n---\n" + body, "bad.txt"));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("bad.txt", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_corpus_article_parses_with_unique_ids_and_consistent_spans()
    {
        var articles = CorpusArticleReader.ReadDirectory(ArticlesDir);
        Assert.NotEmpty(articles);
        Assert.Equal(articles.Count, articles.Select(a => a.Id).Distinct(StringComparer.Ordinal).Count());
        foreach (var article in articles)
        {
            Assert.DoesNotContain("[[", article.Text, StringComparison.Ordinal);
            Assert.All(article.Entities, e => Assert.Equal(e.Text, e.Span.Slice(article.Text).ToString()));
            Assert.Equal(Path.GetFileNameWithoutExtension(article.Path), article.Id);
        }
    }
}

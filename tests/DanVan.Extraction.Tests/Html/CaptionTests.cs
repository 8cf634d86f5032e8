using DanVan.Extraction.Html;

namespace DanVan.Extraction.Tests.Html;

public sealed class CaptionTests
{
    private const string Caption = "Đồng chí Đào Quang Minh, Phó Bí thư Thường trực Thị ủy phát biểu tại hội nghị";

    private static Article Read(string articleHtml)
    {
        var result = PageReader.Default.Read(HtmlBuilder.Utf8(HtmlBuilder.Page(articleHtml)));
        Assert.True(result.IsArticle, result.Message);
        return result.Article!;
    }

    private static void AssertCaptionApart(Article article)
    {
        Assert.Contains(Caption, article.Captions);
        Assert.DoesNotContain(article.BodyParagraphs(), p => p.Contains("phát biểu tại hội nghị", StringComparison.Ordinal));
        Assert.DoesNotContain(Caption, article.Text, StringComparison.Ordinal);
        foreach (var p in HtmlBuilder.Paragraphs)
        {
            Assert.Contains(p, article.BodyParagraphs());
        }
    }

    [Fact]
    public void Figcaption()
    {
        var p = HtmlBuilder.Paragraphs;
        AssertCaptionApart(Read($"<p>{p[0]}</p><p>{p[1]}</p><figure><img src='a.jpg'><figcaption>{Caption}</figcaption></figure><p>{p[2]}</p><p>{p[3]}</p>"));
    }

    [Fact]
    public void Image_table_caption_row()
    {
        var p = HtmlBuilder.Paragraphs;
        AssertCaptionApart(Read($"<p>{p[0]}</p><p>{p[1]}</p><table class='image'><tr><td><img src='a.jpg'></td></tr><tr><td>{Caption}</td></tr></table><p>{p[2]}</p><p>{p[3]}</p>"));
    }

    [Fact]
    public void Centered_italic_line_under_an_image()
    {
        var p = HtmlBuilder.Paragraphs;
        AssertCaptionApart(Read($"<p>{p[0]}</p><p style='text-align:center'><img src='a.jpg'></p><p style='text-align:center'><em>{Caption}</em></p><p>{p[1]}</p><p>{p[2]}</p><p>{p[3]}</p>"));
    }

    [Fact]
    public void Plain_line_between_an_image_and_a_paragraph()
    {
        var p = HtmlBuilder.Paragraphs;
        AssertCaptionApart(Read($"<p>{p[0]}</p><p>{p[1]}</p><div><img src='a.jpg'></div><div>{Caption}</div><p>{p[2]}</p><p>{p[3]}</p>"));
    }

    [Fact]
    public void Caption_lines_in_copied_text()
    {
        var p = HtmlBuilder.Paragraphs;
        var result = PageReader.Default.ReadText($"{HtmlBuilder.Title}\n{p[0]}\n{p[1]}\n{Caption}\n{p[2]}\n{p[3]}\n");
        Assert.True(result.IsArticle);
        AssertCaptionApart(result.Article!);
    }

    [Fact]
    public void A_sentence_under_an_image_stays_in_the_body()
    {
        var p = HtmlBuilder.Paragraphs;
        var article = Read($"<p>{p[0]}</p><p><img src='a.jpg'></p><p>{p[1]}</p><p>{p[2]}</p><p>{p[3]}</p>");
        Assert.Empty(article.Captions);
        Assert.Equal(p, article.BodyParagraphs());
    }
}

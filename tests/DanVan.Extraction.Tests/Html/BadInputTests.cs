using System.Text;
using DanVan.Extraction.Html;

namespace DanVan.Extraction.Tests.Html;

/// <summary>Inputs that are not articles: each gives a result with a reason, never an exception.</summary>
public sealed class BadInputTests
{
    [Fact]
    public void Garbage_bytes_are_not_text()
    {
        var random = new Random(1234);
        var bytes = new byte[4096];
        random.NextBytes(bytes);
        var result = PageReader.Default.Read(bytes);
        Assert.False(result.IsArticle);
        Assert.Equal(NotArticleReason.NotText, result.Reason);
        Assert.False(string.IsNullOrEmpty(result.Message));
    }

    [Fact]
    public void Printable_garbage_is_no_article()
    {
        var random = new Random(99);
        var sb = new StringBuilder();
        for (var i = 0; i < 5000; i++)
        {
            sb.Append((char)random.Next(0x21, 0x7E));
        }

        var result = PageReader.Default.Read(Encoding.ASCII.GetBytes(sb.ToString()));
        Assert.False(result.IsArticle);
        Assert.Equal(NotArticleReason.NoArticleText, result.Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t  ")]
    public void Empty_page(string html)
    {
        var result = PageReader.Default.Read(Encoding.UTF8.GetBytes(html));
        Assert.Equal(NotArticleReason.Empty, result.Reason);
        Assert.Equal(NotArticleReason.Empty, PageReader.Default.ReadText(html).Reason);
    }

    [Fact]
    public void Page_without_an_article()
    {
        var html = HtmlBuilder.Page("<ul><li><a href='/1'>Tin tức</a></li><li><a href='/2'>Sự kiện</a></li></ul>");
        var result = PageReader.Default.Read(HtmlBuilder.Utf8(html));
        Assert.False(result.IsArticle);
        Assert.Equal(NotArticleReason.NoArticleText, result.Reason);
    }

    [Fact]
    public void Twenty_megabyte_page_is_refused_as_too_large()
    {
        var filler = new string('x', 20 * 1024 * 1024);
        var result = PageReader.Default.Read(Encoding.ASCII.GetBytes("<html><body><p>" + filler + "</p></body></html>"));
        Assert.Equal(NotArticleReason.TooLarge, result.Reason);
        Assert.Contains("MaxBytes", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Large_page_under_the_limit_is_read_when_the_limit_is_raised()
    {
        // Regression: more than 200,000 blocks before the article once cut the walk short and lost the article.
        var padding = string.Concat(Enumerable.Repeat("<div><a href='/x'>Mục</a></div>\n", 210_000));
        var html = HtmlBuilder.Page(HtmlBuilder.BodyParagraphs()).Replace("<body>", "<body>" + padding, StringComparison.Ordinal);
        var result = PageReader.Default.Read(HtmlBuilder.Utf8(html), new PageReadOptions { MaxBytes = 64 * 1024 * 1024 });
        Assert.True(result.IsArticle, result.Message);
        Assert.Equal(HtmlBuilder.Paragraphs, result.Article!.BodyParagraphs());
    }

    [Fact]
    public void Ten_thousand_deep_nesting_neither_crashes_nor_hangs()
    {
        const int depth = 10_000;
        var sb = new StringBuilder("<html><body>");
        for (var i = 0; i < depth; i++)
        {
            sb.Append("<div>");
        }

        sb.Append(HtmlBuilder.BodyParagraphs());
        for (var i = 0; i < depth; i++)
        {
            sb.Append("</div>");
        }

        sb.Append("</body></html>");
        var result = PageReader.Default.Read(HtmlBuilder.Utf8(sb.ToString()));

        // Whatever the parser makes of such a tree, the reader answers with a result.
        Assert.True(result.IsArticle || result.Reason != NotArticleReason.None);
        if (result.IsArticle)
        {
            Assert.Contains(HtmlBuilder.Paragraphs[0], result.Article!.BodyParagraphs());
        }
    }

    [Fact]
    public void Ten_thousand_deep_inline_nesting()
    {
        var sb = new StringBuilder("<html><body><p>");
        for (var i = 0; i < 10_000; i++)
        {
            sb.Append("<span><b>");
        }

        sb.Append("chữ");
        sb.Append("</p></body></html>");
        var result = PageReader.Default.Read(HtmlBuilder.Utf8(sb.ToString()));
        Assert.False(result.IsArticle);
        Assert.Equal(NotArticleReason.NoArticleText, result.Reason);
    }

    [Fact]
    public void Frameset_only()
    {
        const string html = "<html><head><title>Cổng thông tin</title></head><frameset cols='20%,80%'><frame src='menu.aspx'><frame src='tin-tuc.aspx?id=12'></frameset></html>";
        var result = PageReader.Default.Read(Encoding.UTF8.GetBytes(html));
        Assert.Equal(NotArticleReason.Frameset, result.Reason);
        Assert.Equal("tin-tuc.aspx?id=12", result.RedirectUrl);
    }

    [Fact]
    public void Meta_refresh_redirect()
    {
        const string html = "<html><head><meta http-equiv='refresh' content='0; url=https://danvan.example.vn/tin/123'></head><body>Đang chuyển trang…</body></html>";
        var result = PageReader.Default.Read(Encoding.UTF8.GetBytes(html));
        Assert.Equal(NotArticleReason.Redirect, result.Reason);
        Assert.Equal("https://danvan.example.vn/tin/123", result.RedirectUrl);
    }

    [Fact]
    public void Cancellation_is_respected()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => PageReader.Default.Read(HtmlBuilder.Utf8(HtmlBuilder.Page(HtmlBuilder.BodyParagraphs())), null, cts.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => PageReader.Default.ReadText("Một dòng.", null, cts.Token));
    }

    [Fact]
    public void Null_input_is_an_argument_error()
    {
        Assert.Throws<ArgumentNullException>(() => PageReader.Default.Read(null!));
        Assert.Throws<ArgumentNullException>(() => PageReader.Default.ReadText(null!));
    }

    [Fact]
    public void Broken_markup_and_json_ld_still_read()
    {
        var head = "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"headline\": </script>";
        var html = HtmlBuilder.Page(HtmlBuilder.BodyParagraphs() + "<p><b><i>unclosed", head).Replace("</body></html>", string.Empty, StringComparison.Ordinal);
        var result = PageReader.Default.Read(HtmlBuilder.Utf8(html));
        Assert.True(result.IsArticle, result.Message);
        Assert.Equal(HtmlBuilder.Title, result.Article!.Title);
    }
}

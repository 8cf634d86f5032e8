using DanVan.Extraction.Html;

namespace DanVan.Extraction.Tests.Html;

public sealed class BylineTests
{
    private const string Body =
        "Sáng 20/9, Ban Dân vận Thành ủy tổ chức Hội nghị giao ban công tác dân vận 09 tháng đầu năm, triển khai nhiệm vụ 03 tháng cuối năm.\n" +
        "Hội nghị đã thảo luận, thống nhất các giải pháp trọng tâm trong thời gian tới để hoàn thành nhiệm vụ được giao.\n";

    private static Article Read(string ending)
    {
        var result = PageReader.Default.ReadText(Body + ending);
        Assert.True(result.IsArticle, result.Message);
        return result.Article!;
    }

    [Theory]
    [InlineData("Thanh Trúc", "Thanh Trúc")]
    [InlineData("T/h: H’Loan- Xuân Trí", "H’Loan- Xuân Trí")]
    [InlineData("Minh Khang\nTrung tâm VHTT và Truyền thông thành phố", "Minh Khang")]
    [InlineData("Ksor H'Bơ Khăp", "Ksor H'Bơ Khăp")]
    [InlineData("Tin, ảnh: Ngọc Hân", "Ngọc Hân")]
    [InlineData("Nguồn: Thu Hằng", "Thu Hằng")]
    [InlineData("Minh Khang - Trung tâm VHTT thành phố", "Minh Khang")]
    [InlineData("Thanh Trúc\n\n    EmailPrintAa", "Thanh Trúc")]
    [InlineData("Y Thịnh - Ngọc Hân", "Y Thịnh - Ngọc Hân")]
    [InlineData("H’Loan- Xuân Trí", "H’Loan- Xuân Trí")]
    [InlineData("Đàng Thị Mỹ, Quang Huy", "Đàng Thị Mỹ, Quang Huy")]
    [InlineData("Thanh Trúc - Hồng Nhung (Trung tâm VHTT thị xã)", "Thanh Trúc - Hồng Nhung")]
    public void Byline_is_taken_out_of_the_body(string ending, string author)
    {
        var article = Read(ending);
        Assert.Equal(author, article.Author);
        Assert.Equal(2, article.BodyParagraphs().Count);
        Assert.DoesNotContain(article.BodyParagraphs(), p => p.Contains(author, StringComparison.Ordinal));
    }

    [Fact]
    public void A_labeled_byline_before_the_body_and_a_bracketed_one_after_it()
    {
        var labeled = PageReader.Default.ReadText("Tác giả: Ngọc Hân\n" + Body).Article!;
        Assert.Equal("Ngọc Hân", labeled.Author);
        Assert.Equal(2, labeled.BodyParagraphs().Count);

        var onTop = PageReader.Default.ReadText("Thanh Trúc\n" + Body).Article!;
        Assert.Equal("Thanh Trúc", onTop.Author);
        Assert.Equal(2, onTop.BodyParagraphs().Count);

        var bracketed = PageReader.Default.ReadText(Body.TrimEnd('\n') + " (Thanh Trúc)").Article!;
        Assert.Equal("Thanh Trúc", bracketed.Author);
        Assert.EndsWith("được giao.", bracketed.BodyParagraphs()[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_source_naming_an_organization_is_dropped_without_author()
    {
        var article = Read("Nguồn: Hội Nông dân huyện Hương Khê");
        Assert.Null(article.Author);
        Assert.Equal(2, article.BodyParagraphs().Count);
    }

    [Theory]
    [InlineData("Hội nghị kết thúc tốt đẹp.")]
    [InlineData("Ban Dân Vận Thành Ủy")]
    public void Sentences_and_organizations_are_no_byline(string ending)
    {
        var article = Read(ending);
        Assert.Null(article.Author);
    }

    [Theory]
    [InlineData("Thanh Trúc", true)]
    [InlineData("Ksor H'Bơ Khăp", true)]
    [InlineData("Nguyễn Hoàng Long", true)]
    [InlineData("Tin mới nhất", false)]
    [InlineData("Trung tâm VHTT", false)]
    [InlineData("Thành phố", false)]
    [InlineData("Một hai ba bốn năm sáu", false)]
    public void Person_names(string text, bool expected) => Assert.Equal(expected, Bylines.IsPersonName(text));
}

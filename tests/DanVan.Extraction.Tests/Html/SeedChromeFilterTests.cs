using DanVan.Extraction.Html;

namespace DanVan.Extraction.Tests.Html;

/// <summary>
/// The five seeds (text copied from portal pages, chrome included) through the text reader: every body sentence
/// stays, datelines / bylines / counters become metadata or go, chrome never reaches the body.
/// </summary>
public sealed class SeedChromeFilterTests
{
    public static TheoryData<string> Seeds() => ["000", "001", "002", "003", "004"];

    private static string SeedText(string prefix)
    {
        var file = RepoPaths.SeedFiles().FirstOrDefault(f => Path.GetFileName(f).StartsWith(prefix + "_", StringComparison.Ordinal));
        Assert.True(file is not null, $"seed {prefix}_*.txt missing under {RepoPaths.Seeds}");
        return File.ReadAllText(file);
    }

    private static Article Read(string prefix)
    {
        var result = PageReader.Default.ReadText(SeedText(prefix));
        Assert.True(result.IsArticle, $"seed {prefix}: {result.Reason} {result.Message}");
        return result.Article!;
    }

    private static bool InBody(Article article, string fragment) =>
        article.BodyParagraphs().Any(p => p.Contains(fragment, StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_body_sentence_is_kept(string prefix)
    {
        var article = Read(prefix);
        var body = string.Join("\n", article.BodyParagraphs());

        // A body sentence: a line of the seed that ends with a period and is long enough to be prose.
        var sentences = SeedText(prefix).Split('\n')
            .Select(l => l.Replace('\u00A0', ' ').Trim())
            .Where(l => l.EndsWith('.') && l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 8)
            .ToList();
        Assert.NotEmpty(sentences);
        foreach (var sentence in sentences)
        {
            var collapsed = string.Join(' ', sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            Assert.True(body.Contains(collapsed, StringComparison.Ordinal), $"seed {prefix}: body sentence lost: {collapsed[..Math.Min(60, collapsed.Length)]}…");
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Chrome_does_not_reach_the_body(string prefix)
    {
        var article = Read(prefix);
        foreach (var p in article.BodyParagraphs())
        {
            Assert.DoesNotContain("Tin mới nhất", p, StringComparison.Ordinal);
            Assert.DoesNotContain("đang online", p, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Thống kê truy cập", p, StringComparison.Ordinal);
            Assert.DoesNotContain("EmailPrintAa", p, StringComparison.Ordinal);
            Assert.DoesNotContain("Số lượt xem", p, StringComparison.Ordinal);
            Assert.DoesNotContain("Tất cả2743745", p, StringComparison.Ordinal);
            Assert.NotEqual("100%", p);
            Assert.NotEqual("°", p);
            Assert.NotEqual("Video", p);
        }

        Assert.DoesNotContain(article.Captions, c => c.Contains("online", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Seed_001_dateline_caption_and_news_list()
    {
        var article = Read("001");
        Assert.Equal(new PublishedDate(new DateTime(2021, 1, 29), DatePrecision.Date), article.Published);
        Assert.False(InBody(article, "Đăng ngày"));
        Assert.False(InBody(article, "4:39 CH"));
        Assert.False(InBody(article, "bồi dưỡng nghiệp vụ công tác cho cán bộ hội cơ sở"));
        Assert.Contains(article.Captions, c => c.EndsWith("phát biểu tại hội nghị", StringComparison.Ordinal));
        Assert.False(InBody(article, "phát biểu tại hội nghị"));
        Assert.Equal("Ban Dân vận Thị ủy tổng kết công tác Dân vận năm 2020", article.Title);
    }

    [Fact]
    public void Seed_002_dateline_with_counter_and_byline_with_unit_line()
    {
        var article = Read("002");
        Assert.Equal(new PublishedDate(new DateTime(2023, 9, 21, 11, 14, 0), DatePrecision.Minute), article.Published);
        Assert.Equal("Minh Khang", article.Author);
        Assert.False(InBody(article, "Minh Khang"));
        Assert.False(InBody(article, "Trung tâm VHTT và Truyền thông"));
        Assert.True(InBody(article, "Sáng 20/9, Ban Dân vận Thành ủy"));
    }

    [Fact]
    public void Seed_003_th_byline()
    {
        var article = Read("003");
        Assert.Equal("H’Loan- Xuân Trí", article.Author);
        Assert.False(InBody(article, "T/h"));
    }

    [Fact]
    public void Seed_004_update_dateline_byline_and_toolbar()
    {
        var article = Read("004");
        Assert.Equal(new PublishedDate(new DateTime(2019, 10, 1, 18, 47, 0), DatePrecision.Minute), article.Published);
        Assert.Equal("Thanh Trúc", article.Author);
        Assert.False(InBody(article, "Thanh Trúc"));
        Assert.False(InBody(article, "Cập nhật lúc"));
    }

    [Fact]
    public void Decomposed_text_gives_the_same_article_in_NFC()
    {
        var composed = PageReader.Default.ReadText(SeedText("001")).Article!;
        var decomposed = PageReader.Default.ReadText(SeedText("001").Normalize(System.Text.NormalizationForm.FormD)).Article!;
        Assert.Equal(composed.Text, decomposed.Text);
        Assert.Equal(composed.Published, decomposed.Published);
        Assert.Equal(composed.Captions, decomposed.Captions);
        Assert.True(decomposed.Text.IsNormalized(System.Text.NormalizationForm.FormC));
    }

    [Fact]
    public void Seed_000_captions_are_kept_apart()
    {
        var article = Read("000");
        Assert.Contains(article.Captions, c => c.StartsWith("Đồng chí Phan Duy Vĩnh", StringComparison.Ordinal));
        Assert.False(InBody(article, "Đồng chí Phan Duy Vĩnh"));
        Assert.Null(article.Author);
    }
}

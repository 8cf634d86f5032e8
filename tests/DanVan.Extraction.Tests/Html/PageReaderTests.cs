using DanVan.Extraction.Html;

namespace DanVan.Extraction.Tests.Html;

public sealed class PageReaderTests
{
    private static Article Read(string html, PageReadOptions? options = null)
    {
        var result = PageReader.Default.Read(HtmlBuilder.Utf8(html), options);
        Assert.True(result.IsArticle, result.Message);
        return result.Article!;
    }

    [Fact]
    public void Article_is_found_among_chrome()
    {
        var article = Read(HtmlBuilder.Page(HtmlBuilder.BodyParagraphs() + "<p>Thanh Trúc</p><div class='tools'>EmailPrintAa</div>"));
        Assert.Equal(HtmlBuilder.Title, article.Title);
        Assert.Equal(new PublishedDate(new DateTime(2021, 1, 29), DatePrecision.Date), article.Published);
        Assert.Equal("Thanh Trúc", article.Author);
        Assert.Equal(HtmlBuilder.Paragraphs, article.BodyParagraphs());
        Assert.Equal("utf-8", article.Encoding.Name);
        Assert.Equal("meta", article.Encoding.Source);
    }

    [Fact]
    public void The_site_header_date_is_not_the_article_date()
    {
        var html = HtmlBuilder.Page(HtmlBuilder.BodyParagraphs())
            .Replace("<h1 class=\"title\">", "<div class=\"topbar\">Thứ Sáu, 06/04/2018</div><h1 class=\"title\">", StringComparison.Ordinal);
        Assert.Contains("06/04/2018", html, StringComparison.Ordinal);
        var article = Read(html);
        Assert.Equal("2021-01-29", article.Published.ToString());
    }

    [Fact]
    public void Author_and_time_spans_side_by_side_and_comments_after_the_article()
    {
        var p = HtmlBuilder.Paragraphs;
        var html = $$"""
            <html><head><meta charset="utf-8"><title>{{HtmlBuilder.Title}} | Báo điện tử</title></head><body>
            <div class="nav"><a href="/">Trang chủ</a> <a href="/ct">Chính trị</a></div>
            <article><h1>{{HtmlBuilder.Title}}</h1>
            <div class="meta"><span class="author">Hữu Tài</span><span class="time">Thứ Sáu, 08/04/2022 - 16:30</span></div>
            {{HtmlBuilder.BodyParagraphs()}}</article>
            <section><h3>Bình luận (2)</h3><div class="item"><span class="author">Nguyễn Quốc Bảo (Gia Nghĩa)</span><span class="date">19:12 08/04/2022</span>
            <p>Đoàn viên xã tôi đã đến từng nhà hướng dẫn bà con, rất đáng ghi nhận.</p></div></section>
            </body></html>
            """;
        var article = Read(html);
        Assert.Equal("Hữu Tài", article.Author);
        Assert.Equal("2022-04-08T16:30", article.Published.ToString());
        Assert.Equal(p, article.BodyParagraphs());
    }

    [Fact]
    public void Offsets_point_into_the_clean_text()
    {
        var article = Read(HtmlBuilder.Page(HtmlBuilder.BodyParagraphs()));
        Assert.Equal(article.Title, article.TitleSpan!.Value.Slice(article.Text).ToString());
        for (var i = 0; i < article.Paragraphs.Count; i++)
        {
            Assert.Equal(article.Paragraphs[i], article.ParagraphSpans[i].Slice(article.Text).ToString());
        }

        Assert.Equal(string.Join("\n", [article.Title!, .. article.BodyParagraphs()]), article.Text);
    }

    [Fact]
    public void Metadata_from_meta_json_ld_and_canonical()
    {
        const string head = """
            <meta property="og:title" content="Ban Dân vận Thị ủy tổng kết công tác dân vận năm 2020">
            <meta property="og:site_name" content="Cổng thông tin điện tử thị xã Buôn Hồ">
            <link rel="canonical" href="https://buonho.example.vn/tin-tuc/tong-ket-2020">
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Ban Dân vận Thị ủy tổng kết công tác dân vận năm 2020","datePublished":"2021-01-29T01:30:00Z","author":{"@type":"Person","name":"Thanh Trúc"}}</script>
            """;
        var article = Read(HtmlBuilder.Page(HtmlBuilder.BodyParagraphs(), head));
        Assert.Equal("https://buonho.example.vn/tin-tuc/tong-ket-2020", article.Url);
        Assert.Equal("Cổng thông tin điện tử thị xã Buôn Hồ", article.Site);
        Assert.Equal("Thanh Trúc", article.Author);

        // The visible dateline has the day; the JSON-LD adds the time (01:30 UTC = 08:30 in Vietnam).
        Assert.Equal("2021-01-29T08:30", article.Published.ToString());
    }

    [Fact]
    public void Lists_inside_the_article_are_kept()
    {
        var p = HtmlBuilder.Paragraphs;
        var article = Read(HtmlBuilder.Page($"<p>{p[0]}</p><p>{p[1]}</p><ul><li>Tiếp tục đẩy mạnh phong trào thi đua “Dân vận khéo” trên các lĩnh vực;</li><li>Nâng cao chất lượng đội ngũ cán bộ làm công tác dân vận ở cơ sở.</li></ul><p>{p[2]}</p><p>{p[3]}</p>"));
        Assert.Contains("Nâng cao chất lượng đội ngũ cán bộ làm công tác dân vận ở cơ sở.", article.BodyParagraphs());
        Assert.DoesNotContain(article.BodyParagraphs(), x => x.Contains("Hội Liên hiệp Phụ nữ", StringComparison.Ordinal));
    }

    [Fact]
    public void Old_table_layout_with_br_separated_paragraphs()
    {
        var p = HtmlBuilder.Paragraphs;
        var html = $$"""
            <html><head><meta charset="utf-8"><title>Cổng thông tin - {{HtmlBuilder.Title}}</title></head><body>
            <table width="980"><tr><td colspan="2"><img src="banner.jpg"></td></tr>
            <tr><td width="200" valign="top"><a href="/">Trang chủ</a><br><a href="/gt">Giới thiệu</a><br><a href="/tt">Tin tức - Sự kiện</a><br>
              <b>Thống kê truy cập</b><br>Đang online: 12<br>Tổng số: 102.334</td>
            <td valign="top"><font size="4"><b>{{HtmlBuilder.Title}}</b></font><br>
              <i>Cập nhật lúc: 18:47 01/10/2019</i><br><br>
              {{p[0]}}<br><br>{{p[1]}}<br><br>{{p[2]}}<br><br>{{p[3]}}<br><br>
              <div align="right"><b>Thanh Trúc</b></div>
              <a href="javascript:print()">In bài</a> | <a href="mailto:">Gửi email</a> | <a href="#top">Về đầu trang</a>
            </td></tr></table></body></html>
            """;
        var article = Read(html);
        Assert.Equal(HtmlBuilder.Title, article.Title);
        Assert.Equal("2019-10-01T18:47", article.Published.ToString());
        Assert.Equal("Thanh Trúc", article.Author);
        Assert.Equal(p, article.BodyParagraphs());
    }

    [Fact]
    public void A_subheading_that_is_also_a_sidebar_word_does_not_end_the_article()
    {
        var p = HtmlBuilder.Paragraphs;
        var article = Read(HtmlBuilder.Page($"<p>{p[0]}</p><p>{p[1]}</p><h3>Sự kiện</h3><p>{p[2]}</p><p>{p[3]}</p>"));
        Assert.Equal(p, article.BodyParagraphs());
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Paragraphs_written_as_divs(int count)
    {
        var p = HtmlBuilder.Paragraphs.Take(count).ToArray();
        // No class names to help: the container is a plain div among plain divs.
        var html = HtmlBuilder.Page(string.Concat(p.Select(x => $"<div>{x}</div>")))
            .Replace(" class=\"content\"", string.Empty, StringComparison.Ordinal)
            .Replace(" class=\"left\"", string.Empty, StringComparison.Ordinal)
            .Replace(" class=\"main\"", string.Empty, StringComparison.Ordinal);
        var article = Read(html);
        Assert.Equal(p, article.BodyParagraphs());
    }

    [Fact]
    public void Windows_1258_page_is_decoded()
    {
        var html = HtmlBuilder.Page(HtmlBuilder.BodyParagraphs()).Replace("charset=\"utf-8\"", "charset=\"windows-1258\"", StringComparison.Ordinal);
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var bytes = System.Text.Encoding.GetEncoding(1258).GetBytes(ToWindows1258Form(html));
        var result = PageReader.Default.Read(bytes);
        Assert.True(result.IsArticle, result.Message);
        Assert.Equal(HtmlBuilder.Title, result.Article!.Title);
        Assert.Equal("windows-1258", result.Article.Encoding.Name);
    }

    /// <summary>windows-1258 writes â, ê, ô, ơ, ư, ă, đ as letters and the five tone marks as combining characters.</summary>
    private static string ToWindows1258Form(string text)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var c in text)
        {
            var decomposed = c.ToString().Normalize(System.Text.NormalizationForm.FormD);
            var tone = decomposed.FirstOrDefault(m => m is '\u0300' or '\u0301' or '\u0303' or '\u0309' or '\u0323');
            if (tone == default)
            {
                sb.Append(c);
                continue;
            }

            sb.Append(decomposed.Replace(tone.ToString(), string.Empty, StringComparison.Ordinal).Normalize(System.Text.NormalizationForm.FormC)).Append(tone);
        }

        return sb.ToString();
    }

    [Fact]
    public void Site_hint_names_the_content_element()
    {
        var p = HtmlBuilder.Paragraphs;
        var html = HtmlBuilder.Page($"<div id='body-text'><p>{p[0]}</p><p>{p[1]}</p></div><div class='extra'><p>{p[2]}</p></div>");
        var options = new PageReadOptions
        {
            Url = new Uri("https://buonho.example.vn/a"),
            SiteHints = new Dictionary<string, string> { ["buonho.example.vn"] = "#body-text" },
        };
        var article = Read(html, options);
        Assert.Equal([p[0], p[1]], article.BodyParagraphs());
    }
}

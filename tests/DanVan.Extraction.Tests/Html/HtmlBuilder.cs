using System.Text;

namespace DanVan.Extraction.Tests.Html;

/// <summary>Builds small portal-like pages for tests: chrome around an article body.</summary>
internal static class HtmlBuilder
{
    public const string Title = "Ban Dân vận Thị ủy tổng kết công tác dân vận năm 2020";

    public static readonly string[] Paragraphs =
    [
        "Ngày 28/1/2021, Ban Dân vận Thị ủy tổ chức hội nghị tổng kết công tác dân vận năm 2020, triển khai phương hướng nhiệm vụ năm 2021.",
        "Năm 2020, hệ thống dân vận từ thị xã đến cơ sở làm tốt công tác tuyên truyền, vận động nhân dân thực hiện nhiệm vụ chính trị, phát triển kinh tế - xã hội.",
        "Phát biểu chỉ đạo tại hội nghị, đồng chí Phó Bí thư Thường trực Thị ủy yêu cầu trong thời gian tới, công tác dân vận cần bám sát cơ sở, nắm chắc tình hình nhân dân.",
        "Tại hội nghị, có 7 tập thể và 6 cá nhân được tặng giấy khen của UBND thị xã vì có thành tích xuất sắc trong công tác dân vận năm 2020.",
    ];

    /// <summary>A full page: menu, title, dateline, <paramref name="articleHtml"/>, related news, counters, footer.</summary>
    public static string Page(string articleHtml, string head = "") =>
        $$"""
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>{{Title}} - Cổng thông tin điện tử thị xã</title>{{head}}</head>
        <body>
        <div class="menu"><ul><li><a href="/">Trang chủ</a></li><li><a href="/tt">Tin tức</a></li><li><a href="/dv">Dân vận</a></li></ul></div>
        <div class="main">
          <div class="left">
            <h1 class="title">{{Title}}</h1>
            <div class="date">Đăng ngày 29 - 01 - 2021</div>
            <div class="content">{{articleHtml}}</div>
            <div class="related"><h3>Tin liên quan</h3><ul>
              <li><a href="/a">Hội Liên hiệp Phụ nữ thị xã bồi dưỡng nghiệp vụ công tác cho cán bộ hội cơ sở</a> (23/09/2021 4:39 CH)</li>
              <li><a href="/b">Đại hội đại biểu Phụ nữ thị xã lần thứ 23, nhiệm kỳ 2021 - 2026</a> (28/07/2021 5:29 CH)</li>
            </ul></div>
          </div>
          <div class="right"><h3>Thống kê truy cập</h3><div>Đang online: 33</div><div>Tất cả: 2743745</div></div>
        </div>
        <div class="footer">Bản quyền thuộc Ban Dân vận Thị ủy. Ghi rõ nguồn khi phát hành lại thông tin từ website này.</div>
        </body></html>
        """;

    public static string BodyParagraphs() => string.Concat(Paragraphs.Select(p => $"<p>{p}</p>\n"));

    public static byte[] Utf8(string html) => Encoding.UTF8.GetBytes(html);
}

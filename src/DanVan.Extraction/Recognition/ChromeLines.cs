namespace DanVan.Extraction.Recognition;

/// <summary>What a line of article text is, for the recognizers: content, or page chrome that carries no entities.</summary>
internal enum ChromeLineKind
{
    Content,

    /// <summary>A dateline, view counter, visitor counter, toolbar or zoom residue.</summary>
    Chrome,

    /// <summary>"Tin mới nhất", "Tin liên quan"…: a list of other articles follows; nothing after it is this article.</summary>
    ListHeading,
}

/// <summary>Line-level recognition of page chrome in plain article text (datelines, counters, related-news headings).</summary>
internal static class ChromeLines
{
    private static readonly System.Buffers.SearchValues<char> Digits = System.Buffers.SearchValues.Create("0123456789");

    private static readonly string[] ListHeadings =
    [
        "Tin mới nhất", "Tin liên quan", "Tin khác", "Các tin khác", "Tin cùng chuyên mục", "Bài viết mới",
        "Tin đã đưa", "Tin bài liên quan", "Các tin đã đưa", "Xem thêm", "Đọc nhiều", "Tin xem nhiều",
    ];

    private static readonly string[] ChromeStarts =
    [
        "Đăng ngày", "Ngày đăng", "Cập nhật lúc", "Cập nhật ngày", "Ngày cập nhật", "Số lượt xem", "Lượt xem", "Lượt đọc",
        "Thống kê truy cập", "Đang online", "Đang truy cập", "Tất cả", "Hôm nay", "Hôm qua", "Trong tuần", "Trong tháng",
        "Về đầu trang", "In bài", "Gửi email", "Chia sẻ", "Bình luận", "Bản quyền", "Email", "Print",
    ];

    public static ChromeLineKind Classify(ReadOnlySpan<char> line)
    {
        line = line.Trim();
        if (line.IsEmpty)
        {
            return ChromeLineKind.Content;
        }

        foreach (var heading in ListHeadings)
        {
            if (line.Equals(heading, StringComparison.OrdinalIgnoreCase) || (line.StartsWith(heading, StringComparison.OrdinalIgnoreCase) && line.Length <= heading.Length + 2))
            {
                return ChromeLineKind.ListHeading;
            }
        }

        foreach (var start in ChromeStarts)
        {
            if (line.StartsWith(start, StringComparison.OrdinalIgnoreCase) && line.Length <= start.Length + 40)
            {
                return ChromeLineKind.Chrome;
            }
        }

        if (line.Contains("người đang online", StringComparison.OrdinalIgnoreCase) || line.Contains("Số lượt xem", StringComparison.OrdinalIgnoreCase)
            || line.Contains("EmailPrint", StringComparison.Ordinal))
        {
            return ChromeLineKind.Chrome;
        }

        // A dateline: "Thứ Bảy, 28/09/2024", "Chủ nhật, 20/9/2020 | 08:15".
        if ((line.StartsWith("Thứ ", StringComparison.OrdinalIgnoreCase) || line.StartsWith("Chủ nhật", StringComparison.OrdinalIgnoreCase))
            && line.Length <= 40 && line.IndexOfAny(Digits) is > 0 and < 16)
        {
            return ChromeLineKind.Chrome;
        }

        // A line with no letters at all other than date/time markers: "18:47 01/10/2019", "100%", "°".
        var letters = 0;
        foreach (var c in line)
        {
            if (char.IsLetter(c))
            {
                letters++;
            }
        }

        return letters <= 4 && line.Length <= 40 ? ChromeLineKind.Chrome : ChromeLineKind.Content;
    }
}

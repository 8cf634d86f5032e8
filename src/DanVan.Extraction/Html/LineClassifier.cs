using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace DanVan.Extraction.Html;

/// <summary>What one line (a text line, or an HTML block) of a page is.</summary>
internal enum LineKind
{
    /// <summary>Article text, or text that may be.</summary>
    Content,

    /// <summary>The heading of a chrome section ("Tin mới nhất", "Tin liên quan", "Thống kê truy cập"): what follows is not the article.</summary>
    SectionHeading,

    /// <summary>A chrome line on its own (counters, toolbars, share buttons, copyright, a "100%" zoom widget).</summary>
    Chrome,

    /// <summary>A dateline: the line is a date-time with its label ("Đăng ngày …", "Cập nhật lúc: …").</summary>
    Dateline,

    /// <summary>An item of a news list: a headline ending with its date, "… (23/09/2021 4:39 CH)".</summary>
    ListedItem,
}

/// <summary>
/// The line-level chrome classifier shared by the HTML reader (one call per block) and the text reader
/// (one call per line). Words and phrases come from Vietnamese portal chrome; matching is on the
/// normalized, lower-cased key, so tone-mark style and quotes do not matter. Thread-safe.
/// </summary>
internal static partial class LineClassifier
{
    /// <summary>Headings of page sections that are not the article. The whole line must be one of these.</summary>
    private static readonly FrozenSet<string> SectionHeadings = Keys(
        "Tin mới nhất", "Tin mới", "Tin mới hơn", "Tin cũ hơn", "Các tin cũ hơn", "Các tin mới hơn", "Tin liên quan", "Các tin liên quan",
        "Tin khác", "Các tin khác", "Tin tức khác", "Các tin tức khác", "Tin bài khác", "Các bài khác", "Bài khác", "Tin đã đưa", "Các tin đã đưa",
        "Tin cùng chuyên mục", "Cùng chuyên mục", "Tin cùng loại", "Tin cùng chủ đề", "Bài viết liên quan", "Bài liên quan",
        "Bài viết khác", "Các bài viết khác", "Xem thêm", "Đọc thêm", "Có thể bạn quan tâm", "Bình luận", "Ý kiến bạn đọc",
        "Gửi bình luận", "Gửi ý kiến", "Ý kiến của bạn", "Viết bình luận", "Liên kết website", "Liên kết web", "Liên kết",
        "Thống kê truy cập", "Thống kê", "Lượt truy cập", "Số lượt truy cập", "Video", "Video clip", "Thư viện ảnh", "Thư viện video",
        "Tin xem nhiều", "Tin đọc nhiều", "Đọc nhiều nhất", "Xem nhiều nhất", "Tin nổi bật", "Tin tiêu điểm", "Tin tiêu biểu",
        "Tin hoạt động", "Văn bản mới", "Văn bản", "Lịch công tác", "Tags", "Từ khóa", "Quảng cáo", "Tiện ích", "Đường dây nóng",
        "Thăm dò ý kiến", "Bản đồ hành chính", "Chuyên mục", "Danh mục", "Tin ảnh", "Thông báo", "Tin trong tỉnh", "Sự kiện",
        "Tin cùng sự kiện", "Tin tức - Sự kiện", "Góp ý", "Hỏi đáp", "Related posts", "Related articles", "Leave a reply",
        "Comments", "Recent posts", "Latest news");

    /// <summary>Section headings that may also head a part of an article ("Sự kiện", "Video"): in HTML they do not end it.</summary>
    private static readonly FrozenSet<string> WeakSectionHeadings = Keys(
        "Thông báo", "Sự kiện", "Văn bản", "Chuyên mục", "Danh mục", "Liên kết", "Thống kê", "Video", "Video clip", "Tin ảnh",
        "Góp ý", "Hỏi đáp", "Tiện ích", "Quảng cáo", "Tags", "Từ khóa", "Tin hoạt động", "Tin trong tỉnh", "Lịch công tác");

    /// <summary>Chrome words a toolbar is glued from ("EmailPrintAa", "In bài | Chia sẻ", "Gửi email"): letters only, lower-case.</summary>
    private static readonly string[] ToolbarWords =
    [
        "email", "e-mail", "mail", "print", "in", "inbài", "intrang", "bảnin", "aa", "a", "chiasẻ", "share", "tweet", "like", "facebook",
        "zalo", "twitter", "gửi", "gửiemail", "gửibài", "gửitin", "lưu", "lưutin", "lưubài", "phóngto", "thunhỏ", "cỡchữ", "font",
        "về", "đầu", "trang", "vềđầutrang", "lênđầutrang", "quaylại", "trởvề", "trangchủ", "bìnhluận", "thích", "copylink", "sao",
        "chép", "liênkết", "top", "back", "home", "pdf", "word", "tải", "vềmáy", "nghe", "đọcbài", "đọc", "bài", "xem", "cỡ", "chữ",
        "tăng", "giảm", "mặcđịnh", "normal", "small", "large", "chitiết", "details",
    ];

    /// <summary>Lines that start with these are page footer or widget text.</summary>
    private static readonly string[] ChromePrefixes =
    [
        "bản quyền", "copyright", "©", "giấy phép", "chịu trách nhiệm", "trưởng ban biên tập", "ghi rõ nguồn", "trang chủ »", "trang chủ >",
        "trang chủ /", "trang chủ|", "bạn đang ở", "vị trí:", "xem tiếp", "đọc tiếp", "chi tiết »", "xem chi tiết", "đăng nhập", "đăng ký",
        "tìm kiếm", "cơ quan chủ quản", "địa chỉ:", "điện thoại:", "fax:", "email:", "e-mail:", "website:", "hotline", "designed by", "powered by",
        "thiết kế bởi", "phát triển bởi", "ghi chú:", "chia sẻ:", "chia sẻ bài", "share:", "tags:", "từ khóa:", "từ khoá:", "bình luận (",
        "lượt xem", "số lượt xem", "lượt đọc", "đang online", "đang truy cập", "đã truy cập", "tổng truy cập", "tổng lượt truy cập",
        "hôm nay:", "hôm qua:", "tuần này:", "tháng này:", "trong tuần:", "trong tháng:", "tất cả:", "tổng số:", "online:", "truy cập:",
    ];

    private static readonly char[] BareTrim = [':', '.', ' ', '»', '>', '|', '-'];

    public static LineKind Classify(string line) => Classify(line, TextClean.Key(line));

    /// <summary>True for a section heading that may head part of an article too; <paramref name="key"/> is <see cref="TextClean.Key"/> of the line.</summary>
    public static bool IsWeakSection(string key) => WeakSectionHeadings.Contains(key.Trim().TrimEnd(':', '.', ' ').Trim());

    public static LineKind Classify(string line, string key)
    {
        // The kind depends on the line alone (the key is made from it): one classification per line and page.
        var memo = LineMemo.Current;
        if (memo is null)
        {
            return ClassifyCore(line, key);
        }

        if (!memo.TryGetKind(line, out var kind))
        {
            kind = ClassifyCore(line, key);
            memo.AddKind(line, kind);
        }

        return kind;
    }

    private static LineKind ClassifyCore(string line, string key)
    {
        var bare = key.Trim().TrimEnd(BareTrim).Trim();
        if (bare.Length == 0)
        {
            return LineKind.Chrome;
        }

        if (SectionHeadings.Contains(bare) || CountedSectionRegex().IsMatch(bare))
        {
            return LineKind.SectionHeading;
        }

        if (!TextClean.HasLetter(key))
        {
            if (Datelines.TryParse(line, key, out var numeric) && numeric.IsWholeLine)
            {
                return LineKind.Dateline;
            }

            // "100%", "°", "|", "1 2 3 »": nothing a sentence is made of.
            return LineKind.Chrome;
        }

        if (CounterRegex().IsMatch(bare))
        {
            return LineKind.Chrome;
        }

        foreach (var prefix in ChromePrefixes)
        {
            if (bare.StartsWith(prefix, StringComparison.Ordinal))
            {
                return LineKind.Chrome;
            }
        }

        if (Datelines.IsLabelOnly(bare))
        {
            return LineKind.Chrome;
        }

        if (key.Length <= 60 && IsToolbar(TextClean.LettersKey(line)))
        {
            return LineKind.Chrome;
        }

        if (ListedItemRegex().IsMatch(bare) || (key.Length < 300 && LeadingDateItemRegex().IsMatch(bare)))
        {
            return LineKind.ListedItem;
        }

        if (Datelines.TryParse(line, key, out var dateline) && dateline.IsWholeLine)
        {
            return LineKind.Dateline;
        }

        return LineKind.Content;
    }

    /// <summary>True when the letters of the line can be cut into toolbar words only ("emailprintaa" = email + print + aa).</summary>
    internal static bool IsToolbar(string letters)
    {
        if (letters.Length == 0 || letters.Length > 60)
        {
            return letters.Length == 0;
        }

        Span<bool> reach = stackalloc bool[letters.Length + 1];
        reach[0] = true;
        for (var i = 0; i < letters.Length; i++)
        {
            if (!reach[i])
            {
                continue;
            }

            foreach (var word in ToolbarWords)
            {
                if (string.CompareOrdinal(letters, i, word, 0, word.Length) == 0 && i + word.Length <= letters.Length)
                {
                    reach[i + word.Length] = true;
                }
            }

            // Digits glued to a widget ("Đang online33") are counters.
            if (char.IsDigit(letters[i]))
            {
                reach[i + 1] = true;
            }
        }

        return reach[letters.Length];
    }

    private static FrozenSet<string> Keys(params string[] phrases)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in phrases)
        {
            set.Add(TextClean.Key(p));
        }

        return set.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>Visitor counters: "642 người đang online", "Đang online33", "Tất cả2743745", "Số lượt xem 523", "Lượt xem: 1.204".</summary>
    [GeneratedRegex(@"^(?:[\d.,]+\s*(?:người|khách|thành viên|lượt)?\s*đang\s*(?:online|trực tuyến|truy cập|xem)|(?:khách|thành viên|người)?\s*đang\s*(?:online|trực tuyến|truy cập)\s*:?\s*[\d.,]*|(?:tất cả|tổng số|tổng cộng|tổng|hôm nay|hôm qua|tuần này|tuần trước|tháng này|tháng trước|năm nay|trong ngày|trong tuần|trong tháng|online|khách|thành viên|truy cập|lượt truy cập|đã truy cập|số lượt truy cập|tổng lượt truy cập|lượt xem|số lượt xem|lượt đọc|lượt bình luận|bình luận|views?)\s*:?\s*[\d.,]+(?:\s*lượt)?|[\d.,]+\s*(?:lượt xem|lượt đọc|views?|bình luận|comments?))$", RegexOptions.CultureInvariant)]
    private static partial Regex CounterRegex();

    /// <summary>"Bình luận (2)", "Ý kiến bạn đọc (5)": a section heading with its count.</summary>
    [GeneratedRegex(@"^(?:bình luận|ý kiến bạn đọc|ý kiến|comments?|phản hồi)\s*\(\s*\d+\s*\)$", RegexOptions.CultureInvariant)]
    private static partial Regex CountedSectionRegex();

    /// <summary>A headline followed by its date in brackets or after a dash: a news list item.</summary>
    [GeneratedRegex(@"(?:\(\s*\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?(?:\s*[-,|]?\s*\d{1,2}[:h]\d{2}(?::\d{2})?(?:\s*(?:sa|ch|am|pm))?)?\s*\)|\s[-|]\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{4}(?:\s+\d{1,2}:\d{2}(?:\s*(?:sa|ch|am|pm))?)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex ListedItemRegex();

    /// <summary>"(23/09/2021) Headline …" or "23/09/2021 - Headline": a dated list item.</summary>
    [GeneratedRegex(@"^\(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\)\s*\S", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingDateItemRegex();
}

using DanVan.Extraction.Html;

namespace DanVan.Extraction.Tests.Html;

public sealed class DatelineTests
{
    [Theory]
    [InlineData("Đăng ngày 29 - 01 - 2021", "2021-01-29")]
    [InlineData("Cập nhật lúc: 18:47 01/10/2019", "2019-10-01T18:47")]
    [InlineData("2023-09-21 11:14:10 Số lượt xem 523", "2023-09-21T11:14")]
    [InlineData("23/09/2021 4:39 CH", "2021-09-23T16:39")]
    [InlineData("23/09/2021 4:39 SA", "2021-09-23T04:39")]
    [InlineData("28/07/2021 12:05 CH", "2021-07-28T12:05")]
    [InlineData("28/07/2021 12:05 SA", "2021-07-28T00:05")]
    [InlineData("Thứ Hai, 20/09/2023", "2023-09-20")]
    [InlineData("Thứ Hai, 20/09/2023 | 08:15", "2023-09-20T08:15")]
    [InlineData("Ngày đăng: 05/3/2022 - 14h30", "2022-03-05T14:30")]
    [InlineData("ngày 28 tháng 1 năm 2021", "2021-01-28")]
    [InlineData("Chủ nhật, 02/10/2022, 07:05 (GMT+7)", "2022-10-02T07:05")]
    [InlineData("Được đăng ngày Thứ năm, 10 Tháng 1 2019 15:22", "2019-01-10T15:22")]
    public void Whole_line_datelines(string line, string expected)
    {
        Assert.True(Datelines.TryParse(line, out var match), line);
        Assert.Equal(expected, match.Date.ToString());
        Assert.True(match.IsWholeLine, line);
        Assert.Equal(LineKind.Dateline, LineClassifier.Classify(line));
    }

    [Theory]
    [InlineData("Đăng vào")]
    [InlineData("bởi")]
    [InlineData("Cập nhật lúc:")]
    public void Labels_left_alone_are_chrome(string line) => Assert.Equal(LineKind.Chrome, LineClassifier.Classify(line));

    [Fact]
    public void Update_lines_are_marked()
    {
        Assert.True(Datelines.TryParse("Cập nhật lúc: 18:47 01/10/2019", out var update));
        Assert.True(update.IsUpdate);
        Assert.True(Datelines.TryParse("Đăng ngày 29 - 01 - 2021", out var posted));
        Assert.False(posted.IsUpdate);
    }

    [Theory]
    [InlineData("Ngày 28/1/2021, Ban Dân vận Thị ủy tổ chức tổng kết công tác dân vận năm 2020.")]
    [InlineData("Hội Liên hiệp Phụ nữ thị xã bồi dưỡng nghiệp vụ cho cán bộ hội cơ sở(23/09/2021 4:39 CH)")]
    public void A_date_inside_a_sentence_or_news_item_is_no_dateline(string line)
    {
        Assert.NotEqual(LineKind.Dateline, LineClassifier.Classify(line));
    }

    [Fact]
    public void News_list_items_with_dates_are_listed_items()
    {
        Assert.Equal(LineKind.ListedItem, LineClassifier.Classify("Đại hội đại biểu Phụ nữ thị xã lần thứ 23, nhiệm kỳ 2021 - 2026(28/07/2021 5:29 CH)"));
    }

    [Theory]
    [InlineData("2023-09-21T11:14:10+07:00", "2023-09-21T11:14")]
    [InlineData("2023-09-21T04:14:10Z", "2023-09-21T11:14")]
    [InlineData("2023-09-21", "2023-09-21")]
    [InlineData("2023-09-21 11:14", "2023-09-21T11:14")]
    public void Machine_dates_are_read_in_Vietnam_time(string value, string expected)
    {
        Assert.True(Datelines.TryParseMachine(value, out var date));
        Assert.Equal(expected, date.ToString());
    }

    [Fact]
    public void Invalid_dates_are_refused()
    {
        Assert.False(Datelines.TryParse("Đăng ngày 31 - 02 - 2021", out _));
        Assert.False(Datelines.TryParse("Số lượt xem 523", out _));
    }
}

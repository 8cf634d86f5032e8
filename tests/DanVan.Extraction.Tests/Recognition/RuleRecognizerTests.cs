using System.Globalization;
using DanVan.Extraction.Recognition;

namespace DanVan.Extraction.Tests.Recognition;

public class RuleRecognizerTests
{
    private static readonly DateOnly Published = new(2023, 9, 21);

    private static List<T> Find<T>(string text, DateOnly? published = null)
        where T : EntityMention => [.. EntityRecognizer.Default.Recognize(text, published ?? Published).OfType<T>()];

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("Ngày 28/1/2021, hội nghị khai mạc.", "28/1/2021", "2021-01-28")]
    [InlineData("Sáng 20/9, Ban Dân vận Thành ủy tổ chức hội nghị.", "Sáng 20/9", "2023-09-20")]
    [InlineData("Chiều 18/9 tại hội trường.", "Chiều 18/9", "2023-09-18")]
    [InlineData("Hạn chót ngày 29 - 01 - 2021 nộp báo cáo.", "29 - 01 - 2021", "2021-01-29")]
    [InlineData("Ngày 28 tháng 1 năm 2021 hội nghị diễn ra.", "28 tháng 1 năm 2021", "2021-01-28")]
    [InlineData("Hoàn thành trước 31/12/2023.", "31/12/2023", "2023-12-31")]
    [InlineData("Họp ngày 2023-09-19 tại phường.", "2023-09-19", "2023-09-19")]
    public void Reads_dates(string text, string mention, string iso)
    {
        var date = Assert.Single(Find<DateMention>(text));
        Assert.Equal(mention, date.Text);
        Assert.Equal(D(iso), date.Value);
    }

    [Fact]
    public void A_date_without_a_year_is_not_after_the_publication()
    {
        var date = Assert.Single(Find<DateMention>("Ngày 28/12, hội nghị tổng kết.", new DateOnly(2021, 1, 5)));
        Assert.Equal(new DateOnly(2020, 12, 28), date.Value);
        Assert.True(date.YearInferred);
        var deadline = Assert.Single(Find<DateMention>("Hoàn thành trước 30/9.", new DateOnly(2021, 9, 10)));
        Assert.Equal(new DateOnly(2021, 9, 30), deadline.Value);
    }

    [Fact]
    public void A_day_range_gives_both_days_with_the_year_of_the_second()
    {
        var dates = Find<DateMention>("Đợt cao điểm từ 17/10 – 18/11/2017 trên toàn tỉnh.", new DateOnly(2018, 2, 1));
        Assert.Equal([new DateOnly(2017, 10, 17), new DateOnly(2017, 11, 18)], dates.Select(d => d.Value));
    }

    [Theory]
    [InlineData("Chỉ thị số 02/CT-UBND của tỉnh.")]
    [InlineData("Đã có 45/52 xã đạt chuẩn.")]
    [InlineData("Hoàn thành 9/9 huyện, thị xã.")]
    [InlineData("Cập nhật lúc: 18:47 01/10/2019")]
    public void Does_not_read_dates_where_there_are_none(string text) => Assert.Empty(Find<DateMention>(text));

    [Theory]
    [InlineData("Kết quả quý III/2019 khả quan.", "quý III/2019", "2019-07-01", "2019-09-30")]
    [InlineData("Giao ban qúy 2 năm 2021.", "qúy 2 năm 2021", "2021-04-01", "2021-06-30")]
    [InlineData("Công tác dân vận 09 tháng đầu năm 2023 đạt kết quả.", "09 tháng đầu năm 2023", "2023-01-01", "2023-09-30")]
    [InlineData("Nhiệm vụ 03 tháng cuối năm 2023.", "03 tháng cuối năm 2023", "2023-10-01", "2023-12-31")]
    [InlineData("Tổng kết công tác năm 2020.", "năm 2020", "2020-01-01", "2020-12-31")]
    [InlineData("Kết quả tháng 9/2023 tốt.", "tháng 9/2023", "2023-09-01", "2023-09-30")]
    [InlineData("Mô hình giai đoạn 2017 - 2020.", "giai đoạn 2017 - 2020", "2017-01-01", "2020-12-31")]
    [InlineData("Đại hội nhiệm kỳ 2021 – 2026 thành công.", "nhiệm kỳ 2021 – 2026", "2021-01-01", "2026-12-31")]
    [InlineData("Tổng kết năm học 2022 - 2023.", "năm học 2022 - 2023", "2022-09-01", "2023-05-31")]
    [InlineData("Chiến dịch hè 2023 sôi nổi.", "hè 2023", "2023-06-01", "2023-08-31")]
    [InlineData("tổng kết chiến dịch Thanh niên tình nguyện hè năm 2024.", "hè năm 2024", "2024-06-01", "2024-08-31")]
    public void Reads_periods(string text, string mention, string start, string end)
    {
        var period = Assert.Single(Find<PeriodMention>(text));
        Assert.Equal(mention, period.Text);
        Assert.Equal(D(start), period.Start);
        Assert.Equal(D(end), period.End);
    }

    [Fact]
    public void A_period_without_a_year_takes_it_from_the_text_then_the_publication_date()
    {
        var periods = Find<PeriodMention>("Báo cáo kết quả quý III, triển khai quý IV. Quý III/2019, Ban Dân vận đã làm tốt.", new DateOnly(2021, 1, 1));
        Assert.All(periods, p => Assert.Equal(2019, p.Start.Year));
        var alone = Assert.Single(Find<PeriodMention>("Trong quý I, việc lãnh đạo đạt kết quả.", new DateOnly(2021, 4, 10)));
        Assert.Equal(new DateOnly(2021, 1, 1), alone.Start);
        Assert.True(alone.YearInferred);
    }

    [Fact]
    public void Open_ended_and_excluded_periods()
    {
        var open = Assert.Single(Find<PeriodMention>("Từ năm 2000 đến nay, tỉnh đã xây dựng nhiều mô hình."));
        Assert.Null(open.End);
        Assert.Empty(Find<PeriodMention>("Thực hiện Luật Thực hiện dân chủ ở cơ sở năm 2022 và 5 năm qua, từ đầu năm đến nay."));
    }

    [Theory]
    [InlineData("đã tiếp 75 lượt với 85 công dân", new[] { "75 lượt", "85 công dân" }, new[] { "75", "85" }, new[] { "lượt", "công dân" })]
    [InlineData("với gần 74.000 suất quà trị giá hơn 33 tỉ đồng", new[] { "gần 74.000 suất quà", "hơn 33 tỉ đồng" }, new[] { "74000", "33000000000" }, new[] { "suất quà", "đồng" })]
    [InlineData("tổng giá trị trên 20 tỷ đồng", new[] { "trên 20 tỷ đồng" }, new[] { "20000000000" }, new[] { "đồng" })]
    [InlineData("hỗ trợ 1,5 tỷ đồng", new[] { "1,5 tỷ đồng" }, new[] { "1500000000" }, new[] { "đồng" })]
    [InlineData("mỗi hộ 40 triệu/nhà", new[] { "40 triệu/nhà" }, new[] { "40000000" }, new[] { "đồng" })]
    [InlineData("tỷ lệ đạt 85%", new[] { "85%" }, new[] { "85" }, new[] { "%" })]
    [InlineData("có 45/52 xã đạt chuẩn", new[] { "45/52 xã" }, new[] { "45" }, new[] { "xã" })]
    [InlineData("với 113 mô hình trên các lĩnh vực", new[] { "113 mô hình" }, new[] { "113" }, new[] { "mô hình" })]
    [InlineData("duy trì 487 Tổ nhân dân tự quản", new[] { "487 Tổ nhân dân tự quản" }, new[] { "487" }, new[] { "tổ nhân dân tự quản" })]
    [InlineData("tổ chức 12 cuộc giám sát và 35 doanh nghiệp tham gia", new[] { "12 cuộc giám sát", "35 doanh nghiệp" }, new[] { "12", "35" }, new[] { "cuộc giám sát", "doanh nghiệp" })]
    [InlineData("có 3.270 đồng chí tham dự", new[] { "3.270 đồng chí" }, new[] { "3270" }, new[] { "đồng chí" })]
    [InlineData("giúp 46 hộ hội viên thoát nghèo", new[] { "46 hộ hội viên" }, new[] { "46" }, new[] { "hộ hội viên" })]
    [InlineData("làm mới 6 km đường bê tông nông thôn, lắp 40 bóng đèn", new[] { "6 km đường bê tông nông thôn", "40 bóng đèn" }, new[] { "6", "40" }, new[] { "km đường bê tông nông thôn", "bóng đèn" })]
    [InlineData("cán bộ Đoàn của 15 xã, thị trấn và các chi đoàn", new[] { "15 xã, thị trấn" }, new[] { "15" }, new[] { "xã, thị trấn" })]
    [InlineData("bàn giao 9 căn nhà Đại đoàn kết cho hộ nghèo", new[] { "9 căn nhà Đại đoàn kết" }, new[] { "9" }, new[] { "căn nhà đại đoàn kết" })]
    [InlineData("mở 10 lớp tập huấn chăm sóc cà phê cho 300 hội viên mới", new[] { "10 lớp tập huấn", "300 hội viên" }, new[] { "10", "300" }, new[] { "lớp tập huấn", "hội viên" })]
    [InlineData("có 9 tổ tiết kiệm và vay vốn ủy thác", new[] { "9 tổ tiết kiệm và vay vốn" }, new[] { "9" }, new[] { "tổ tiết kiệm và vay vốn" })]
    [InlineData("hơn 2.600 lượt đoàn viên, thanh niên tham gia", new[] { "hơn 2.600 lượt đoàn viên, thanh niên" }, new[] { "2600" }, new[] { "lượt đoàn viên, thanh niên" })]
    [InlineData("vận động 48 tỷ đồng vốn vay", new[] { "48 tỷ đồng" }, new[] { "48000000000" }, new[] { "đồng" })]
    [InlineData("trao 9 tập thể, 12 cá nhân", new[] { "9 tập thể", "12 cá nhân" }, new[] { "9", "12" }, new[] { "tập thể", "cá nhân" })]
    [InlineData("hòa giải 8 vụ mâu thuẫn, duy trì 12 tổ hòa giải hoạt động định kỳ", new[] { "8 vụ mâu thuẫn", "12 tổ hòa giải" }, new[] { "8", "12" }, new[] { "vụ mâu thuẫn", "tổ hòa giải" })]
    [InlineData("trao hơn 5 ngàn khẩu trang. Sản lượng ước đạt 118 nghìn tấn thóc", new[] { "hơn 5 ngàn khẩu trang", "ước đạt 118 nghìn tấn thóc" }, new[] { "5000", "118000" }, new[] { "khẩu trang", "tấn thóc" })]
    [InlineData("giải ngân trên 30 tỷ vốn vay và 2 triệu tiền mặt", new[] { "trên 30 tỷ", "2 triệu" }, new[] { "30000000000", "2000000" }, new[] { "đồng", "đồng" })]
    [InlineData("có 5 buôn giữ được nét văn hóa, 18 hộ giao nộp vũ khí, 2 tập thể dẫn đầu", new[] { "5 buôn", "18 hộ", "2 tập thể" }, new[] { "5", "18", "2" }, new[] { "buôn", "hộ", "tập thể" })]
    [InlineData("tổ chức 46 cuộc kiểm tra, giám sát và 12 lớp dạy nghề", new[] { "46 cuộc kiểm tra, giám sát", "12 lớp dạy nghề" }, new[] { "46", "12" }, new[] { "cuộc kiểm tra, giám sát", "lớp dạy nghề" })]
    [InlineData("vận động dồn điền đổi thửa 1.250 ha đất nông nghiệp", new[] { "1.250 ha đất nông nghiệp" }, new[] { "1250" }, new[] { "ha đất nông nghiệp" })]
    [InlineData("trao 2.850 suất quà dịp Tết cho 9 tổ dân phố, tổng số tiền 60 triệu/căn", new[] { "2.850 suất quà", "9 tổ dân phố", "60 triệu/căn" }, new[] { "2850", "9", "60000000" }, new[] { "suất quà", "tổ dân phố", "đồng" })]
    [InlineData("cùng bí thư Đoàn 12/12 xã, thị trấn và 115 hội viên đến từ 6/6 thôn", new[] { "12/12 xã, thị trấn", "115 hội viên", "6/6 thôn" }, new[] { "12", "115", "6" }, new[] { "xã, thị trấn", "hội viên", "thôn" })]
    [InlineData("tranh chấp giữa 3 hộ ở làng Dơr 2 kéo dài, vận động 4 hộ kinh doanh lấn chiếm hành lang", new[] { "3 hộ", "4 hộ kinh doanh" }, new[] { "3", "4" }, new[] { "hộ", "hộ kinh doanh" })]
    [InlineData("trao 1,2 tấn hàng hoá cho bà con", new[] { "1,2 tấn hàng hoá" }, new[] { "1.2" }, new[] { "tấn hàng hóa" })]
    [InlineData("hỗ trợ 412 hộ đồng bào S'tiêng, 86 hộ đồng bào Xơ Đăng, Ba Na và cấp 4.600 mã QR", new[] { "412 hộ đồng bào S'tiêng", "86 hộ đồng bào Xơ Đăng, Ba Na", "4.600 mã QR" }, new[] { "412", "86", "4600" }, new[] { "hộ đồng bào s'tiêng", "hộ đồng bào xơ đăng, ba na", "mã qr" })]
    [InlineData("trên 70.000 người sinh sống, khoảng 50 người tham gia bảo hiểm y tế", new[] { "trên 70.000 người", "khoảng 50 người" }, new[] { "70000", "50" }, new[] { "người", "người" })]
    [InlineData("thực hiện 1.046 lượt tuần tra, phát hiện và xử lý 58 vụ vi phạm, thu giữ gần 40 m3 gỗ", new[] { "1.046 lượt tuần tra", "58 vụ vi phạm", "gần 40 m3 gỗ" }, new[] { "1046", "58", "40" }, new[] { "lượt tuần tra", "vụ vi phạm", "m3 gỗ" })]
    [InlineData("tổ chức 46 cuộc kiểm tra, giám sát việc thực hiện chính sách, tiêm 45.000 liều vắc-xin", new[] { "46 cuộc kiểm tra, giám sát", "45.000 liều vắc-xin" }, new[] { "46", "45000" }, new[] { "cuộc kiểm tra, giám sát", "liều vắc-xin" })]
    [InlineData("gieo sạ 820 ha bằng giống mới, trả lời bằng văn bản 4 kiến nghị còn lại", new[] { "820 ha", "4 kiến nghị" }, new[] { "820", "4" }, new[] { "ha", "kiến nghị" })]
    [InlineData("hòa giải thành 168/185 vụ mâu thuẫn, tranh chấp nhỏ, trồng 2.400 cây dọc trục xóm", new[] { "168/185 vụ mâu thuẫn, tranh chấp", "2.400 cây" }, new[] { "168", "2400" }, new[] { "vụ mâu thuẫn, tranh chấp", "cây" })]
    public void Reads_figures(string text, string[] mentions, string[] values, string[] units)
    {
        var figures = Find<FigureMention>(text);
        Assert.Equal(mentions, figures.Select(f => f.Text));
        Assert.Equal(values, figures.Select(f => f.Value.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(units, figures.Select(f => f.Unit));
    }

    [Theory]
    [InlineData("Chỉ thị số 02/CT-UBND ngày 5/3")]
    [InlineData("hướng tới 90 năm thành lập Đảng")]
    [InlineData("Đại hội lần thứ XII, khóa IX, Cụm 2")]
    [InlineData("trong 5 năm qua")]
    [InlineData("năm 2019, 2020")]
    [InlineData("hàng chục tỷ đồng")]
    [InlineData("2023-09-21 11:14:10 Số lượt xem 523")]
    [InlineData("642 người đang online")]
    [InlineData("vận động tiêm vắc xin mũi 3, tổ chức đợt 2 cho tổ dân phố 4 và làng 5")]
    [InlineData("tổ tuần tra đêm cùng dân quân, mỗi tuần 3 buổi")]
    [InlineData("duy trì sinh hoạt 2 buổi/tháng")]
    [InlineData("cuộc vận động “Xây dựng gia đình 5 không 3 sạch”")]
    public void Does_not_read_figures_where_there_are_none(string text) => Assert.Empty(Find<FigureMention>(text));

    [Fact]
    public void Quoted_and_unquoted_campaigns_are_one_campaign()
    {
        var campaigns = Find<CampaignMention>("Phong trào thi đua “ Dân vận khéo” và phong trào thi đua \"dân vận khéo\", điển hình Dân vận khéo.");
        Assert.Equal(3, campaigns.Count);
        Assert.All(campaigns, c => Assert.Equal("Dân vận khéo", c.Name));
        Assert.Equal(["Dân vận khéo", "dân vận khéo", "Dân vận khéo"], campaigns.Select(c => c.Text));
    }

    [Fact]
    public void Campaigns_after_cues_and_in_lists()
    {
        var campaigns = Find<CampaignMention>("Nhân rộng các mô hình hay như “Hũ gạo tình thương”, “Nuôi heo đất” và “Tổ tự quản”; thực hiện phương châm “Dân biết, dân bàn”.");
        Assert.Equal(["Hũ gạo tình thương", "Nuôi heo đất", "Tổ tự quản"], campaigns.Select(c => c.Name));
    }

    [Fact]
    public void Spans_refer_to_the_original_text()
    {
        const string text = "Trong  qúy III/2019,\u00A0gần 74.000 suất quà được trao; phong trào “Dân vận khoẻ”.";
        foreach (var mention in EntityRecognizer.Default.Recognize(text, Published))
        {
            Assert.Equal(mention.Text, text.Substring(mention.Span.Start, mention.Span.Length));
        }

        Assert.Contains(EntityRecognizer.Default.Recognize(text, Published), m => m.Text == "qúy III/2019");
    }

    [Theory]
    [InlineData("")]
    [InlineData("!!! ??? ...")]
    [InlineData("quý")]
    [InlineData("năm")]
    [InlineData("30/2/2021 và 31/4")]
    [InlineData("99999999999999999999999999999999999 tỷ đồng")]
    [InlineData("“")]
    public void Bad_input_gives_a_defined_result(string text)
    {
        var mentions = EntityRecognizer.Default.Recognize(text, Published);
        Assert.All(mentions, m => Assert.Equal(m.Text, text.Substring(m.Span.Start, m.Span.Length)));
    }
}

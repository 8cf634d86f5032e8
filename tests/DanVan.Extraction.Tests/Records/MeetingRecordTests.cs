using System.Text.Json;
using DanVan.Extraction.Records;

namespace DanVan.Extraction.Tests.Records;

public class MeetingRecordTests
{
    private static readonly MeetingExtractor Extractor = MeetingExtractor.CreateDefault();

    private static MeetingRecord Seed(string prefix, DateOnly? published)
    {
        var file = RepoPaths.SeedFiles().Single(f => Path.GetFileName(f).StartsWith(prefix, StringComparison.Ordinal));
        return Extractor.ExtractText(File.ReadAllText(file), new ExtractionOptions { Published = published, SourcePath = file });
    }

    [Fact]
    public void Seed_002_meeting_fields()
    {
        var record = Seed("002", new DateOnly(2023, 9, 21));
        Assert.Equal(MeetingKind.GiaoBan, record.Meeting.Kind);
        Assert.Equal("2023-09-20", record.Meeting.Date?.Value);
        Assert.Equal("Sáng 20/9", record.Meeting.Date?.Text);
        Assert.Equal(("2023-01-01", "2023-09-30"), (record.Meeting.Reviewed?.Start, record.Meeting.Reviewed?.End));
        Assert.Equal(("2023-10-01", "2023-12-31"), (record.Meeting.Planned?.Start, record.Meeting.Planned?.End));
        Assert.Equal("Ban Dân vận Thành ủy", record.Meeting.Organizer?.Expanded);
        Assert.Equal(["Trương Ngọc Trang"], record.Meeting.Chairs);
        Assert.Contains(record.Speakers, s => s.Person == "Nguyễn Hoàng Long" && s.Role == SpeakerRole.ChiDao);
        Assert.Equal("thành phố", record.Meeting.Level);
    }

    [Fact]
    public void Seed_000_title_alone_resolves_to_the_person_named_with_it()
    {
        var record = Seed("000", null);
        Assert.Contains(record.Speakers, s => s.Person == "Dương Thanh Hòa" && s.Role == SpeakerRole.KetLuan);
        Assert.Contains(record.Speakers, s => s.Person == "Nguyễn Phương Hải" && s.Role == SpeakerRole.BaoCao);
        var hoa = Assert.Single(record.Persons, p => p.Name == "Dương Thanh Hòa");
        Assert.Contains(hoa.Titles, t => t.Expanded == "Phó Bí thư Thường trực Thị ủy");
    }

    [Fact]
    public void Seed_001_name_variants_merge_into_one_person()
    {
        var record = Seed("001", new DateOnly(2021, 1, 29));
        var minh = Assert.Single(record.Persons, p => p.Name == "Đào Quang Minh");
        Assert.Equal(3, minh.Mentions.Count);
        Assert.Contains(minh.Mentions, m => m.Text == "Đào quang Minh");
        Assert.Contains(record.Speakers, s => s.Person == "Đào Quang Minh" && s.Role == SpeakerRole.ChiDao);
    }

    [Fact]
    public void Seed_000_reviews_the_third_quarter_and_plans_the_fourth()
    {
        var record = Seed("000", null);
        Assert.Equal(("2019-07-01", "2019-09-30"), (record.Meeting.Reviewed?.Start, record.Meeting.Reviewed?.End));
        Assert.Equal(("2019-10-01", "2019-12-31"), (record.Meeting.Planned?.Start, record.Meeting.Planned?.End));
    }

    [Fact]
    public void Seed_001_year_end_review_with_awards()
    {
        var record = Seed("001", new DateOnly(2021, 1, 29));
        Assert.Equal(MeetingKind.TongKet, record.Meeting.Kind);
        Assert.Equal("2021-01-28", record.Meeting.Date?.Value);
        Assert.Equal("2020-01-01", record.Meeting.Reviewed?.Start);
        Assert.Equal("2021-01-01", record.Meeting.Planned?.Start);
        Assert.Equal([("giấy khen", 7m, "tập thể"), ("giấy khen", 6m, "cá nhân")], record.Awards.Select(a => (a.Award, a.Count, a.Recipients)));
    }

    [Fact]
    public void Seed_004_quarterly_briefing()
    {
        var record = Seed("004", new DateOnly(2019, 10, 1));
        Assert.Equal(MeetingKind.GiaoBan, record.Meeting.Kind);
        Assert.Equal("2019-07-01", record.Meeting.Reviewed?.Start);
        Assert.Contains(record.Sections, s => s.Label == SectionLabel.Shortcomings && record.Text[s.Start..s.End].StartsWith("Bên cạnh", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_offset_points_at_its_text_in_the_input()
    {
        foreach (var file in RepoPaths.SeedFiles())
        {
            var text = File.ReadAllText(file);
            var record = Extractor.ExtractText(text);
            Assert.Same(text, record.Text);
            foreach (var f in record.Figures)
            {
                Assert.Equal(f.Text, text[f.Start..f.End]);
                Assert.Equal(f.Sentence.Text, text[f.Sentence.Start..f.Sentence.End]);
            }

            Assert.All(record.Periods, p => Assert.Equal(p.Text, text[p.TextStart..p.TextEnd]));
            Assert.All(record.Campaigns, c => Assert.Equal(c.Text, text[c.Start..c.End]));
            Assert.All(record.Sections, s => Assert.True(s.Start < s.End && s.End <= text.Length));
            Assert.Equal(record.Meeting.Chairs.Count, record.Meeting.ChairMentions.Count);
            Assert.All(record.Meeting.ChairMentions, c => Assert.Equal(c.Text, text[c.Start..c.End]));
            Assert.All(record.Speakers, s => Assert.Equal(s.Mention.Text, text[s.Mention.Start..s.Mention.End]));
            Assert.All(record.Speakers, s => Assert.InRange(s.Mention.Start, s.Sentence.Start, s.Sentence.End));
            foreach (var a in record.Awards)
            {
                Assert.Equal(a.CountText.Text, text[a.CountText.Start..a.CountText.End]);
                Assert.True(a.GiverText is null || a.GiverText.Text == text[a.GiverText.Start..a.GiverText.End]);
            }
        }
    }

    [Fact]
    public void Chairs_speakers_and_awards_point_at_the_words_that_name_them()
    {
        var text = "Hội Nông dân huyện Cư M'gar tổng kết năm 2023\n\n"
                   + "Sáng 9/1, Hội Nông dân huyện Cư M'gar tổ chức hội nghị tổng kết công tác Hội năm 2023. Ông Y Khoa Niê, Chủ tịch Hội Nông dân huyện chủ trì hội nghị. "
                   + "Phát biểu chỉ đạo, bà Nguyễn Thị Hạnh, Phó Bí thư Huyện ủy đề nghị các cấp Hội tiếp tục đồng hành với nông dân. "
                   + "Dịp này, UBND huyện tặng giấy khen cho 6 tập thể.";
        var record = Extractor.ExtractText(text, new ExtractionOptions { Published = new DateOnly(2024, 1, 10) });
        var chair = Assert.Single(record.Meeting.ChairMentions);
        Assert.Equal("Y Khoa Niê", chair.Text);
        var speaker = Assert.Single(record.Speakers);
        Assert.Equal(("Nguyễn Thị Hạnh", SpeakerRole.ChiDao), (speaker.Mention.Text, speaker.Role));
        var award = Assert.Single(record.Awards);
        Assert.Equal(("UBND huyện", "6 tập thể"), (award.GiverText?.Text, award.CountText.Text));
    }

    [Fact]
    public void Json_is_camel_case_with_vietnamese_names_unescaped()
    {
        var record = Seed("002", new DateOnly(2023, 9, 21));
        var json = RecordJson.Serialize(record, indented: false);
        Assert.DoesNotContain('\n', json);
        using var doc = JsonDocument.Parse(json);
        var meeting = doc.RootElement.GetProperty("meeting");
        Assert.Equal("giao ban", meeting.GetProperty("kind").GetString());
        Assert.Equal("2023-09-20", meeting.GetProperty("date").GetProperty("value").GetString());
        Assert.Contains("\"Sáng 20/9\"", json, StringComparison.Ordinal);
        Assert.True(doc.RootElement.GetProperty("figures").GetArrayLength() >= 3);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n ")]
    [InlineData("!!!")]
    [InlineData("Tin mới nhất\nHội nghị giao ban quý I")]
    public void Empty_or_odd_text_gives_an_empty_record(string text)
    {
        var record = Extractor.ExtractText(text);
        Assert.NotNull(record.Meeting);
        Assert.Empty(record.Speakers);
    }
}

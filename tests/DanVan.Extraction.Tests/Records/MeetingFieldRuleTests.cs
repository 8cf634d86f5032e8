using DanVan.Extraction.Records;

namespace DanVan.Extraction.Tests.Records;

/// <summary>Meeting kind and reviewed-period rules on short articles written for these tests.</summary>
public class MeetingFieldRuleTests
{
    private static readonly MeetingExtractor Extractor = MeetingExtractor.CreateDefault();

    private static MeetingRecord Extract(string text, DateOnly published) =>
        Extractor.ExtractText(text, new ExtractionOptions { Published = published });

    [Fact]
    public void A_dialogue_labelled_with_its_year_reviews_no_period()
    {
        var record = Extract(
            "Huyện Krông Năng đối thoại với nông dân năm 2022\n\n"
            + "Sáng 14/6, UBND huyện Krông Năng phối hợp với Hội Nông dân huyện tổ chức hội nghị đối thoại giữa người đứng đầu chính quyền với nông dân năm 2022. "
            + "Tại buổi đối thoại, bà con nêu 17 ý kiến về giá phân bón và vốn vay.",
            new DateOnly(2022, 6, 15));
        Assert.Equal(MeetingKind.DoiThoai, record.Meeting.Kind);
        Assert.Null(record.Meeting.Reviewed);
    }

    [Fact]
    public void A_dialogue_that_reviews_results_keeps_its_period()
    {
        var record = Extract(
            "Phường Tân Lợi đối thoại, đánh giá kết quả thực hiện Quy chế dân chủ năm 2022\n\n"
            + "Sáng 10/1/2023, Đảng ủy phường Tân Lợi tổ chức hội nghị đối thoại, đánh giá kết quả thực hiện Quy chế dân chủ ở cơ sở năm 2022.",
            new DateOnly(2023, 1, 11));
        Assert.Equal(MeetingKind.DoiThoai, record.Meeting.Kind);
        Assert.Equal(("2022-01-01", "2022-12-31"), (record.Meeting.Reviewed?.Start, record.Meeting.Reviewed?.End));
    }

    [Fact]
    public void A_feature_story_names_its_body_but_no_meeting_kind_or_date()
    {
        var record = Extract(
            "Kon Tum: Hội Nông dân giúp nhau làm nhà\n\n"
            + "Những năm qua, Hội Nông dân huyện Sa Thầy vận động hội viên góp công, góp vật liệu giúp hộ khó khăn làm nhà. "
            + "Theo ông A Phiu, Chủ tịch Hội, tính đến 15/8/2024 đã có 42 căn nhà được bàn giao. "
            + "Các chi hội duy trì gặp mặt, đối thoại với hội viên mỗi quý một lần.",
            new DateOnly(2024, 8, 20));
        Assert.Equal(MeetingKind.Other, record.Meeting.Kind);
        Assert.Null(record.Meeting.Date);
        Assert.Equal("Hội Nông dân huyện Sa Thầy", record.Meeting.Organizer?.Expanded);
        Assert.Equal(("huyện", "Sa Thầy"), (record.Meeting.Level, record.Meeting.Place));
    }

    [Fact]
    public void Rolling_out_a_model_is_not_a_launch_meeting()
    {
        var record = Extract(
            "Phụ nữ xã Hòa Khánh giữ sạch đường làng\n\n"
            + "Mô hình “Con đường hoa” do Hội LHPN xã Hòa Khánh triển khai từ năm 2020 đến nay đã trồng hơn 3 km hoa dọc các tuyến đường liên thôn.",
            new DateOnly(2023, 4, 2));
        Assert.Equal(MeetingKind.Other, record.Meeting.Kind);
    }

    [Fact]
    public void A_launch_meeting_names_its_kind_after_the_meeting_noun()
    {
        var record = Extract(
            "Huyện đoàn Ia Grai triển khai nhiệm vụ năm 2024\n\n"
            + "Chiều 5/1, Huyện đoàn Ia Grai tổ chức hội nghị triển khai nhiệm vụ công tác Đoàn và phong trào thanh thiếu nhi năm 2024.",
            new DateOnly(2024, 1, 6));
        Assert.Equal(MeetingKind.TrienKhai, record.Meeting.Kind);
        Assert.Null(record.Meeting.Reviewed);
        Assert.Equal(("2024-01-01", "2024-12-31"), (record.Meeting.Planned?.Start, record.Meeting.Planned?.End));
    }

    [Fact]
    public void A_festival_that_celebrates_an_anniversary_is_not_a_themed_meeting()
    {
        var record = Extract(
            "Ngày hội Đại đoàn kết ở thôn 3\n\n"
            + "Ngày 15/11, Ban Công tác Mặt trận thôn 3, xã Ea Knuếc tổ chức Ngày hội Đại đoàn kết toàn dân tộc, chào mừng kỷ niệm 92 năm Ngày truyền thống Mặt trận Tổ quốc Việt Nam.",
            new DateOnly(2022, 11, 16));
        Assert.Equal(MeetingKind.Other, record.Meeting.Kind);
    }

    [Fact]
    public void Speakers_after_a_paragraph_announces_contributions_are_contributors_until_the_paragraph_ends()
    {
        var record = Extract(
            "Ban Dân vận Huyện ủy Đắk Song sơ kết mô hình dân vận khéo\n\n"
            + "Sáng 12/7, Ban Dân vận Huyện ủy Đắk Song tổ chức hội nghị sơ kết 5 năm thực hiện phong trào thi đua “Dân vận khéo”.\n\n"
            + "Tại hội nghị, nhiều tập thể, cá nhân đã trình bày tham luận. Ông Điểu Khanh, già làng bon Bu Boong kể lại việc vận động bà con giữ rừng. "
            + "Bà Trần Thị Hoa, Chủ tịch Hội LHPN xã Nam Bình giới thiệu mô hình nuôi heo đất giúp hội viên nghèo.\n\n"
            + "Ông Lê Văn Hùng, Chủ tịch UBND huyện cho biết huyện sẽ dành 2 tỷ đồng cho các mô hình mới.",
            new DateOnly(2022, 7, 13));
        Assert.Contains(record.Speakers, s => s.Person == "Điểu Khanh" && s.Role == SpeakerRole.ThamLuan);
        Assert.Contains(record.Speakers, s => s.Person == "Trần Thị Hoa" && s.Role == SpeakerRole.ThamLuan);
        Assert.Contains(record.Speakers, s => s.Person == "Lê Văn Hùng" && s.Role == SpeakerRole.PhatBieu);
    }

    [Fact]
    public void A_feature_story_without_a_meeting_has_no_speakers_from_interview_verbs()
    {
        var record = Extract(
            "Phụ nữ xã Hòa Khánh giữ sạch đường làng\n\n"
            + "Mô hình “Con đường hoa” do Hội LHPN xã Hòa Khánh triển khai từ năm 2020. Bà Nguyễn Thị Lan, Chủ tịch Hội LHPN xã cho biết mỗi chi hội nhận chăm sóc một tuyến đường.",
            new DateOnly(2023, 4, 2));
        Assert.Empty(record.Speakers);
    }

    [Fact]
    public void Each_clause_of_an_award_sentence_has_its_own_giver()
    {
        var record = Extract(
            "Hội Cựu chiến binh tỉnh Đắk Nông tổng kết năm 2023\n\n"
            + "Sáng 10/1, Hội Cựu chiến binh tỉnh Đắk Nông tổ chức hội nghị tổng kết công tác Hội năm 2023. "
            + "Dịp này, UBND tỉnh tặng bằng khen cho 6 tập thể, 9 cá nhân; Hội CCB tỉnh tặng giấy khen cho 14 tập thể, 21 cá nhân có thành tích xuất sắc. "
            + "Ngoài ra, 3 tập thể được tặng Bằng khen của Chủ tịch UBND tỉnh.",
            new DateOnly(2024, 1, 11));
        var awards = record.Awards.Select(a => (a.Giver, a.Award, a.Count, a.Recipients)).ToList();
        Assert.Equal(
            [
                ("Ủy ban nhân dân tỉnh", "bằng khen", 6m, "tập thể"), ("Ủy ban nhân dân tỉnh", "bằng khen", 9m, "cá nhân"),
                ("Hội Cựu chiến binh tỉnh", "giấy khen", 14m, "tập thể"), ("Hội Cựu chiến binh tỉnh", "giấy khen", 21m, "cá nhân"),
                ("Chủ tịch Ủy ban nhân dân tỉnh", "bằng khen", 3m, "tập thể"),
            ],
            awards);
    }

    [Fact]
    public void A_numbered_ward_is_the_place()
    {
        var record = Extract(
            "Đảng ủy Phường 7 giao ban công tác dân vận quý II\n\n"
            + "Chiều 3/7, Đảng ủy Phường 7 tổ chức hội nghị giao ban công tác dân vận quý II/2024.",
            new DateOnly(2024, 7, 4));
        Assert.Equal(("phường", "Phường 7"), (record.Meeting.Level, record.Meeting.Place));
    }

    [Fact]
    public void A_role_that_opens_the_sentence_is_what_the_first_person_after_the_comma_does()
    {
        var record = Extract(
            "Ban Dân vận Huyện ủy Cư Jút giao ban quý III\n\n"
            + "Sáng 5/10, Ban Dân vận Huyện ủy Cư Jút tổ chức hội nghị giao ban công tác dân vận quý III/2023. "
            + "Kết luận hội nghị, đồng chí Lê Thị Mai tiếp thu ý kiến chỉ đạo và giao nhiệm vụ cho các cơ quan.",
            new DateOnly(2023, 10, 6));
        var speaker = Assert.Single(record.Speakers);
        Assert.Equal(("Lê Thị Mai", SpeakerRole.KetLuan), (speaker.Person, speaker.Role));
    }

    [Fact]
    public void The_body_whose_anniversary_is_celebrated_is_not_the_organizer()
    {
        var record = Extract(
            "Hội Nông dân huyện Krông Búk biểu dương nông dân giỏi\n\n"
            + "Ngày 14/10/2020, nhân kỷ niệm 90 năm Ngày thành lập Hội Nông dân Việt Nam, Hội Nông dân huyện Krông Búk tổ chức hội nghị biểu dương nông dân sản xuất, kinh doanh giỏi.",
            new DateOnly(2020, 10, 15));
        Assert.Equal("Hội Nông dân huyện Krông Búk", record.Meeting.Organizer?.Expanded);
    }
}

using DanVan.Extraction.Recognition;

namespace DanVan.Extraction.Tests.Recognition;

/// <summary>Persons, titles and organizations in sentences written for these tests (invented people).</summary>
public class NameTitleOrganizationTests
{
    private static List<T> Find<T>(string text)
        where T : EntityMention => [.. EntityRecognizer.Default.Recognize(text, new DateOnly(2024, 5, 10)).OfType<T>()];

    private static string[] Names(string text) => [.. Find<PersonMention>(text).Select(p => p.Name)];

    [Fact]
    public void Titles_after_a_name_split_at_dashes()
    {
        const string text = "Đồng chí Trần Văn Bình - UVBTV - Trưởng Ban Dân vận Huyện ủy phát biểu khai mạc.";
        Assert.Equal(["Trần Văn Bình"], Names(text));
        var titles = Find<TitleMention>(text);
        Assert.Equal(["UVBTV", "Trưởng Ban Dân vận Huyện ủy"], titles.Select(t => t.Text));
        Assert.Equal("Ủy viên Ban Thường vụ", titles[0].Expanded);
        Assert.All(titles, t => Assert.Equal("Trần Văn Bình", t.Person));
        Assert.Empty(Find<OrganizationMention>(text));
    }

    [Theory]
    [InlineData("Ban Dân vận Huyện ủy Lý Sơn tổ chức hội nghị giao ban.", "Ban Dân vận Huyện ủy Lý Sơn")]
    [InlineData("Hội Nông dân huyện Châu Phú phối hợp với các xã.", "Hội Nông dân huyện Châu Phú")]
    [InlineData("Ban Dân vận Thành ủy Điện Biên Phủ tổng kết công tác năm.", "Ban Dân vận Thành ủy Điện Biên Phủ")]
    public void A_district_after_an_organ_is_its_place_not_a_person(string text, string organization)
    {
        Assert.Equal([organization], Find<OrganizationMention>(text).Select(o => o.Text));
        Assert.Empty(Names(text));
    }

    [Fact]
    public void A_byline_that_spells_a_district_is_still_a_person()
    {
        Assert.Equal(["Thanh Hà"], Names("Theo chị Thanh Hà, mô hình đã giúp nhiều hộ thoát nghèo."));
    }

    [Fact]
    public void Titles_before_a_name_split_at_commas()
    {
        const string text = "Phát biểu tại buổi làm việc, Phó bí thư Thường trực Huyện ủy, Trưởng ban Tổ chức Huyện ủy Lê Thị Hồng Nhung đề nghị các xã rà soát.";
        Assert.Equal(["Lê Thị Hồng Nhung"], Names(text));
        var titles = Find<TitleMention>(text);
        Assert.Equal(["Phó bí thư Thường trực Huyện ủy", "Trưởng ban Tổ chức Huyện ủy"], titles.Select(t => t.Text));
        Assert.All(titles, t => Assert.Equal("Lê Thị Hồng Nhung", t.Person));
    }

    [Theory]
    [InlineData("Dự có ông Võ Minh Tâm, Phó Chủ tịch TT UBND huyện.", "Phó Chủ tịch TT UBND huyện", "Phó Chủ tịch Thường trực Ủy ban nhân dân huyện")]
    [InlineData("Dự có bà Đặng Thị Lan, Chủ tịch UB MTTQ huyện.", "Chủ tịch UB MTTQ huyện", "Chủ tịch Ủy ban Mặt trận Tổ quốc huyện")]
    [InlineData("Dự có bà Quách Thị Yến, Chủ tịch Hội LHPN xã.", "Chủ tịch Hội LHPN xã", "Chủ tịch Hội Liên hiệp Phụ nữ xã")]
    [InlineData("Dự có ông Cao Văn Thịnh, Ủy viên BTV Huyện ủy.", "Ủy viên BTV Huyện ủy", "Ủy viên Ban Thường vụ Huyện ủy")]
    [InlineData("Dự có ông Mai Đức Hùng, Chủ tịch LĐLĐ tỉnh.", "Chủ tịch LĐLĐ tỉnh", "Chủ tịch Liên đoàn Lao động tỉnh")]
    [InlineData("Dự có ông Tạ Quang Khải, Chủ tịch Hội CCB phường.", "Chủ tịch Hội CCB phường", "Chủ tịch Hội Cựu chiến binh phường")]
    [InlineData("Dự có ông Lý Văn Sáng, Phó Chủ tịch HĐND TX Buôn Hồ.", "Phó Chủ tịch HĐND TX Buôn Hồ", "Phó Chủ tịch Hội đồng nhân dân thị xã Buôn Hồ")]
    public void Abbreviations_in_titles_are_expanded(string text, string title, string expanded)
    {
        var found = Assert.Single(Find<TitleMention>(text));
        Assert.Equal(title, found.Text);
        Assert.Equal(expanded, found.Expanded);
    }

    [Theory]
    [InlineData("Phát biểu chỉ đạo, Phó Chủ tịch UBND tỉnh, đồng chí Y Khiêm Niê đánh giá cao kết quả.", "Phó Chủ tịch UBND tỉnh", "Y Khiêm Niê")]
    [InlineData("Dự có ông Lại Văn Hòa (Chủ tịch Hội Nông dân huyện) và nhiều hội viên.", "Chủ tịch Hội Nông dân huyện", "Lại Văn Hòa")]
    public void Titles_attach_across_a_cue_or_a_parenthesis(string text, string title, string person)
    {
        var found = Assert.Single(Find<TitleMention>(text));
        Assert.Equal(title, found.Text);
        Assert.Equal(person, found.Person);
        Assert.Equal([person], Names(text));
    }

    [Fact]
    public void A_name_before_the_title_wins_over_a_cued_name_after_it()
    {
        const string text = "Dự có ông Hàn Văn Tư, Chủ tịch UBND xã, ông Khổng Minh Đạt, Trưởng thôn Tân Lập.";
        var titles = Find<TitleMention>(text);
        Assert.Equal(["Hàn Văn Tư", "Khổng Minh Đạt"], titles.Select(t => t.Person));
    }

    [Fact]
    public void Photo_credits_and_former_titles()
    {
        const string text = "Ông Tôn Thất Mỹ, nguyên Bí thư Chi bộ thôn Phú Xuân chia sẻ kinh nghiệm.\nẢnh: Thái Bảo";
        Assert.Equal(["Tôn Thất Mỹ", "Thái Bảo"], Names(text));
        var title = Assert.Single(Find<TitleMention>(text));
        Assert.Equal(("Bí thư Chi bộ thôn Phú Xuân", "Tôn Thất Mỹ"), (title.Text, title.Person));
    }

    [Fact]
    public void A_lower_case_title_after_a_name_counts()
    {
        const string text = "Ông Hứa Văn Tài, chủ tịch UBND xã cho biết, xã đã hoàn thành chỉ tiêu; chủ tịch UBND các xã cùng dự.";
        var title = Assert.Single(Find<TitleMention>(text));
        Assert.Equal(("chủ tịch UBND xã", "chủ tịch Ủy ban nhân dân xã", "Hứa Văn Tài"), (title.Text, title.Expanded, title.Person));
    }

    [Fact]
    public void A_cued_name_directly_before_its_title()
    {
        const string text = "Đồng chí Vương Đình Huệ Phó Chủ tịch UBND tỉnh phát biểu chỉ đạo.";
        Assert.Equal(["Vương Đình Huệ"], Names(text));
        Assert.Equal("Vương Đình Huệ", Assert.Single(Find<TitleMention>(text)).Person);
    }

    [Fact]
    public void A_title_alone_belongs_to_the_person_named_earlier_with_it()
    {
        const string text = "Đồng chí Hồ Quang Vũ, Phó Bí thư TT Huyện ủy dự hội nghị.\n\nKết thúc hội nghị, đồng chí Phó Bí thư TT Huyện ủy yêu cầu các xã làm tốt công tác vận động.";
        var titles = Find<TitleMention>(text);
        Assert.Equal(2, titles.Count);
        Assert.All(titles, t => Assert.Equal("Hồ Quang Vũ", t.Person));
        Assert.Equal(["Hồ Quang Vũ"], Names(text));
    }

    [Fact]
    public void A_headline_title_belongs_to_the_person_named_later_with_it()
    {
        const string text = "Chủ tịch UBND xã Hòa Phong đối thoại với nông dân\n\nÔng Phí Văn Lực, Chủ tịch UBND xã Hòa Phong chủ trì buổi đối thoại.";
        var titles = Find<TitleMention>(text);
        Assert.Equal(2, titles.Count);
        Assert.All(titles, t => Assert.Equal("Phí Văn Lực", t.Person));
    }

    [Theory]
    [InlineData("Theo chị Bích Hạnh, mô hình đã giúp nhiều hộ thoát nghèo.", "Bích Hạnh")]
    [InlineData("Ông Kha Văn Dũng cho biết thêm về kết quả.", "Kha Văn Dũng")]
    [InlineData("Bà Tăng Thị Mến trình bày báo cáo.", "Tăng Thị Mến")]
    [InlineData("Kết luận, đồng chí Âu Minh Nhật đánh giá cao kết quả.", "Âu Minh Nhật")]
    public void Names_after_cues_without_the_cue(string text, string name)
    {
        var person = Assert.Single(Find<PersonMention>(text));
        Assert.Equal(name, person.Name);
        Assert.Equal(name, person.Text);
    }

    [Fact]
    public void Lists_of_attendees_with_their_titles()
    {
        const string text = "Tham dự có các đồng chí: Phạm Minh Châu, Bí thư Đảng ủy xã; Ngô Thị Bảo Ngọc, Chủ tịch UBND xã và Bùi Đức Lộc, Chủ tịch Ủy ban MTTQ xã.";
        Assert.Equal(["Phạm Minh Châu", "Ngô Thị Bảo Ngọc", "Bùi Đức Lộc"], Names(text));
        var titles = Find<TitleMention>(text);
        Assert.Equal(["Phạm Minh Châu", "Ngô Thị Bảo Ngọc", "Bùi Đức Lộc"], titles.Select(t => t.Person));
        Assert.Equal("Chủ tịch Ủy ban Mặt trận Tổ quốc xã", titles[2].Expanded);
    }

    [Fact]
    public void Ethnic_minority_names()
    {
        const string text = "Dự hội nghị có đồng chí Y Điêng Mlô, Phó Chủ tịch UBND huyện; bà H’Mai Niê, Chủ tịch Hội LHPN huyện; ông Ksor Thuân, Trưởng thôn Plei Ring và ông Rơ Mah Hlim.";
        var persons = Find<PersonMention>(text);
        Assert.Equal(["Y Điêng Mlô", "H'Mai Niê", "Ksor Thuân", "Rơ Mah Hlim"], persons.Select(p => p.Name));
        Assert.Equal("H’Mai Niê", persons[1].Text);
        Assert.Contains(Find<TitleMention>(text), t => t.Text == "Trưởng thôn Plei Ring" && t.Person == "Ksor Thuân");
    }

    [Fact]
    public void An_ethnic_family_name_written_last_makes_a_name_without_a_cue()
    {
        Assert.Equal(["Ama Kông Niê"], Names("Hội nghị ghi nhận gia đình Ama Kông Niê giữ rừng tốt."));
    }

    [Theory]
    [InlineData("Kết luận, đồng chí Lê văn Thành, Chủ tịch UBND phường yêu cầu các khu phố hoàn thành chỉ tiêu.", "Lê văn Thành", "Lê Văn Thành")]
    [InlineData("Đồng chí Trịnh thị Thu Trang phát biểu.", "Trịnh thị Thu Trang", "Trịnh Thị Thu Trang")]
    public void Lowercase_slips_are_names_with_canonical_capitals(string text, string written, string name)
    {
        var person = Assert.Single(Find<PersonMention>(text));
        Assert.Equal(written, person.Text);
        Assert.Equal(name, person.Name);
    }

    [Theory]
    [InlineData("Đoàn TNCS Hồ Chí Minh phường ra quân dọn vệ sinh.")]
    [InlineData("Hội nông dân xã Nguyễn Trãi trồng cây trên đường Lê Thánh Tông.")]
    [InlineData("Học sinh Trường THCS Nguyễn Du tham gia ngày hội ở TP Hồ Chí Minh.")]
    [InlineData("Đồng bào Chu Ru ở Lâm Đồng giữ gìn nghề dệt.")]
    [InlineData("Bài và ảnh: N.T.H")]
    public void Names_inside_organizations_places_and_initials_are_not_persons(string text)
    {
        Assert.Empty(Find<PersonMention>(text));
    }

    [Fact]
    public void Byline_with_a_summary_marker_gives_two_persons()
    {
        const string text = "Hội nghị kết thúc trong không khí phấn khởi.\n\nT/h: Hoài An- Minh Châu\n";
        Assert.Equal(["Hoài An", "Minh Châu"], Names(text));
    }

    [Fact]
    public void Byline_followed_by_the_authors_organization()
    {
        const string text = "Các đơn vị cam kết thực hiện tốt nhiệm vụ.\n\nNgọc Bích\nTrung tâm VHTT và Truyền thông huyện\n\nTin liên quan\n\nHội Nông dân huyện Đức Phong tổng kết năm";
        Assert.Equal(["Ngọc Bích"], Names(text));
        var organization = Assert.Single(Find<OrganizationMention>(text));
        Assert.Equal("Trung tâm Văn hóa Thông tin và Truyền thông huyện", organization.Expanded);
    }

    [Fact]
    public void A_sentence_at_the_end_is_not_a_byline()
    {
        Assert.Empty(Find<PersonMention>("Hội nghị kết thúc.\n\nMinh Châu Hòa Bình Thịnh Vượng Ấm No Hạnh Phúc"));
    }

    [Fact]
    public void Standalone_organizations_with_expansions()
    {
        const string text = "Ban Dân vận Huyện ủy phối hợp với UB MTTQ huyện, Hội Liên hiệp Phụ nữ huyện và Ủy ban MTTQ Việt Nam tỉnh tổ chức hội nghị; Đảng bộ xã đạt trong sạch vững mạnh.";
        var organizations = Find<OrganizationMention>(text);
        Assert.Equal(["Ban Dân vận Huyện ủy", "UB MTTQ huyện", "Hội Liên hiệp Phụ nữ huyện", "Ủy ban MTTQ Việt Nam tỉnh", "Đảng bộ xã"], organizations.Select(o => o.Text));
        Assert.Equal(
            ["Ban Dân vận Huyện ủy", "Ủy ban Mặt trận Tổ quốc huyện", "Hội Liên hiệp Phụ nữ huyện", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Đảng bộ xã"],
            organizations.Select(o => o.Expanded));
    }

    [Theory]
    [InlineData("Các cấp Mặt trận huyện đã vận động nhân dân.")]
    [InlineData("Cử tri bầu đại biểu Quốc hội khóa mới.")]
    [InlineData("Lãnh đạo UBND các xã cùng dự.")]
    [InlineData("Ông Hứa Văn Tài, Chủ tịch UBND huyện phát biểu.")]
    public void Generic_bodies_and_organs_inside_titles_are_not_organizations(string text)
    {
        Assert.Empty(Find<OrganizationMention>(text));
    }

    [Fact]
    public void Spans_point_into_the_original_text_with_old_style_tone_marks()
    {
        const string text = "Đồng chí Đỗ Hữu Tâm - Trưởng Ban Dân vận Thị uỷ chủ trì.";
        var title = Assert.Single(Find<TitleMention>(text));
        Assert.Equal("Trưởng Ban Dân vận Thị uỷ", title.Text);
        Assert.Equal(title.Text, text.Substring(title.Span.Start, title.Span.Length));
        Assert.Equal("Trưởng Ban Dân vận Thị ủy", title.Expanded);
    }

    [Fact]
    public void Military_ranks_are_titles()
    {
        const string text = "Thượng tá Lò Văn Sính, Chỉ huy trưởng Ban Chỉ huy Quân sự huyện báo cáo tình hình.";
        var titles = Find<TitleMention>(text);
        Assert.Equal(["Thượng tá", "Chỉ huy trưởng Ban Chỉ huy Quân sự huyện"], titles.Select(t => t.Text));
        Assert.All(titles, t => Assert.Equal("Lò Văn Sính", t.Person));
        Assert.Equal(["Lò Văn Sính"], Names(text));
    }

    [Fact]
    public void Empty_and_nameless_text_give_nothing()
    {
        Assert.Empty(Find<EntityMention>(string.Empty));
        Assert.DoesNotContain(Find<EntityMention>("công tác dân vận được quan tâm."), m => m.Type is EntityType.Person or EntityType.Title or EntityType.Organization);
    }
}

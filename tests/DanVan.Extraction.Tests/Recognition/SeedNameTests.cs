using DanVan.Extraction.Recognition;

namespace DanVan.Extraction.Tests.Recognition;

/// <summary>The persons, titles and organizations of the five seed articles (domain.md §2, read from ../shared).</summary>
public class SeedNameTests
{
    private static IReadOnlyList<EntityMention> Recognize(string seedPrefix)
    {
        var file = RepoPaths.SeedFiles().Single(f => Path.GetFileName(f).StartsWith(seedPrefix, StringComparison.Ordinal));
        return EntityRecognizer.Default.Recognize(File.ReadAllText(file));
    }

    [Theory]
    [InlineData("000", "Nguyễn Phương Hải", "Nguyễn Phương Hải")]
    [InlineData("000", "Phan Duy Vĩnh", "Phan Duy Vĩnh")]
    [InlineData("000", "Nguyễn Thế Anh", "Nguyễn Thế Anh")]
    [InlineData("000", "Dương Thanh Hòa", "Dương Thanh Hòa")]
    [InlineData("001", "Đào quang Minh", "Đào Quang Minh")]
    [InlineData("002", "Nguyễn Hoàng Long", "Nguyễn Hoàng Long")]
    [InlineData("002", "Trương Ngọc Trang", "Trương Ngọc Trang")]
    [InlineData("002", "Minh Khang", "Minh Khang")]
    [InlineData("003", "Lưu Văn Trung", "Lưu Văn Trung")]
    [InlineData("003", "H’Loan", "H'Loan")]
    [InlineData("003", "Xuân Trí", "Xuân Trí")]
    [InlineData("004", "Nguyễn Văn Hải", "Nguyễn Văn Hải")]
    [InlineData("004", "Trần Quang Tuấn", "Trần Quang Tuấn")]
    [InlineData("004", "Thanh Trúc", "Thanh Trúc")]
    public void Seed_persons(string seed, string text, string name)
    {
        Assert.Contains(Recognize(seed), m => m is PersonMention p && p.Text == text && p.Name == name);
    }

    [Theory]
    [InlineData("000", "UVBTV", "Ủy viên Ban Thường vụ", "Nguyễn Phương Hải")]
    [InlineData("000", "Trưởng Ban Dân vận Thị ủy", "Trưởng Ban Dân vận Thị ủy", "Nguyễn Phương Hải")]
    [InlineData("000", "Phó Chủ tịch TT UBND thị xã", "Phó Chủ tịch Thường trực Ủy ban nhân dân thị xã", "Phan Duy Vĩnh")]
    [InlineData("000", "Chủ tịch UB MTTQ thị xã", "Chủ tịch Ủy ban Mặt trận Tổ quốc thị xã", "Nguyễn Thế Anh")]
    [InlineData("000", "Phó Bí thư TT Thị ủy", "Phó Bí thư Thường trực Thị ủy", "Dương Thanh Hòa")]
    [InlineData("003", "Phó bí thư Thường trực Tỉnh ủy", "Phó bí thư Thường trực Tỉnh ủy", "Lưu Văn Trung")]
    [InlineData("003", "Trưởng ban Nội chính Tỉnh ủy", "Trưởng ban Nội chính Tỉnh ủy", "Lưu Văn Trung")]
    public void Seed_titles(string seed, string text, string expanded, string person)
    {
        Assert.Contains(Recognize(seed), m => m is TitleMention t && t.Text == text && t.Expanded == expanded && t.Person == person);
    }

    [Fact]
    public void Seed_000_title_alone_is_the_earlier_holder()
    {
        // "Kết luận hội nghị, đồng chí Phó Bí thư TT Thị ủy đề nghị …" is Dương Thanh Hòa.
        var titles = Recognize("000").OfType<TitleMention>().Where(t => t.Text == "Phó Bí thư TT Thị ủy").ToList();
        Assert.Equal(2, titles.Count);
        Assert.All(titles, t => Assert.Equal("Dương Thanh Hòa", t.Person));
    }

    [Theory]
    [InlineData("001", "Ban Dân vận Thị ủy", "Ban Dân vận Thị ủy")]
    [InlineData("001", "UBND thị xã", "Ủy ban nhân dân thị xã")]
    [InlineData("002", "Ban Dân vận Thành ủy", "Ban Dân vận Thành ủy")]
    [InlineData("002", "Trung tâm VHTT và Truyền thông thành phố", "Trung tâm Văn hóa Thông tin và Truyền thông thành phố")]
    [InlineData("003", "Đảng bộ tỉnh", "Đảng bộ tỉnh")]
    [InlineData("004", "Thường trực Thị ủy", "Thường trực Thị ủy")]
    public void Seed_organizations(string seed, string text, string expanded)
    {
        Assert.Contains(Recognize(seed), m => m is OrganizationMention o && o.Text == text && o.Expanded == expanded);
    }

    [Fact]
    public void Seed_000_organ_inside_a_title_is_not_an_organization()
    {
        Assert.DoesNotContain(Recognize("000"), m => m is OrganizationMention o && o.Text.Contains("MTTQ", StringComparison.Ordinal));
    }
}

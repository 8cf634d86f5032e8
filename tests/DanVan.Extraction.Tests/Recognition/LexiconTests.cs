using DanVan.Extraction.Recognition;

namespace DanVan.Extraction.Tests.Recognition;

/// <summary>The embedded language data: every catalog entry opens, every embedded file is in the catalog, the tables hold what domain.md §3 lists.</summary>
public class LexiconTests
{
    [Fact]
    public void Every_catalog_entry_opens_and_every_embedded_model_is_listed()
    {
        foreach (var name in ModelCatalog.All)
        {
            using var stream = ModelCatalog.Open(name);
            Assert.True(stream.Length > 0, name);
        }

        Assert.Empty(ModelCatalog.Embedded().Except(ModelCatalog.All));
    }

    [Fact]
    public void Name_and_organ_lexicons_load()
    {
        Assert.True(Lexicons.Surnames.Count >= 30);
        Assert.True(Lexicons.Surnames.Contains("Nguyễn") && Lexicons.Surnames.Contains("Quách") && Lexicons.Surnames.Contains("Ksor"));
        Assert.True(Lexicons.EthnicPrefixes.Contains("Y") && Lexicons.EthnicPrefixes.Contains("H'"));
        Assert.True(Lexicons.EthnicFamilyNames.Contains("Niê") && Lexicons.EthnicFamilyNames.Contains("Êban"));
        Assert.False(Lexicons.EthnicFamilyNames.Contains("prefix:Y"));
        Assert.True(Lexicons.TitleHeads.Contains("Chánh Văn phòng") && Lexicons.TitleHeads.Contains("Thiếu tướng"));
        Assert.True(Lexicons.Organs.Contains("Ban Dân vận") && Lexicons.Organs.Contains("UB MTTQ"));
        Assert.True(Lexicons.QualifiedOrgans.Contains("Đảng bộ"));
        Assert.True(Lexicons.AdminUnits.Contains("thị trấn") && Lexicons.AdminUnits.Contains("TP."));
    }

    [Theory]
    [InlineData("UBND", "Ủy ban nhân dân")]
    [InlineData("HĐND", "Hội đồng nhân dân")]
    [InlineData("MTTQ", "Mặt trận Tổ quốc")]
    [InlineData("UB MTTQ", "Ủy ban Mặt trận Tổ quốc")]
    [InlineData("BTV", "Ban Thường vụ")]
    [InlineData("UVBTV", "Ủy viên Ban Thường vụ")]
    [InlineData("TT", "Thường trực")]
    [InlineData("BCH", "Ban Chấp hành")]
    [InlineData("HLHPN", "Hội Liên hiệp Phụ nữ")]
    [InlineData("CCB", "Cựu chiến binh")]
    [InlineData("LĐLĐ", "Liên đoàn Lao động")]
    [InlineData("VHTT", "Văn hóa Thông tin")]
    [InlineData("TP.", "thành phố")]
    [InlineData("TX", "thị xã")]
    public void Abbreviation_table_has_the_domain_entries(string abbreviation, string expansion)
    {
        Assert.True(Lexicons.Abbreviations.TryExpand(abbreviation, out var found));
        Assert.Equal(expansion, found);
    }

    [Fact]
    public void Multi_token_abbreviations_expand_as_one()
    {
        var view = new TokenView("Phó Giám đốc Sở LĐ-TB&XH tỉnh", null);
        Assert.Equal("Phó Giám đốc Sở Lao động - Thương binh và Xã hội tỉnh", Lexicons.Abbreviations.Expand(view, 0, view.Count - 1));
    }
}

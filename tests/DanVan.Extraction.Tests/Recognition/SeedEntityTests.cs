using DanVan.Extraction.Recognition;

namespace DanVan.Extraction.Tests.Recognition;

/// <summary>The periods, figures and campaigns that domain.md §2 lists for the five seed articles (read from ../shared).</summary>
public class SeedEntityTests
{
    private static IReadOnlyList<EntityMention> Recognize(string seedPrefix, DateOnly? published)
    {
        var file = RepoPaths.SeedFiles().Single(f => Path.GetFileName(f).StartsWith(seedPrefix, StringComparison.Ordinal));
        return EntityRecognizer.Default.Recognize(File.ReadAllText(file), published);
    }

    [Theory]
    [InlineData("000", null, "quý III/2019", "2019-07-01..2019-09-30")]
    [InlineData("000", null, "qúy IV", "2019-10-01..2019-12-31")]
    [InlineData("001", "2021-01-29", "năm 2020", "2020-01-01..2020-12-31")]
    [InlineData("001", "2021-01-29", "giai đoạn 2017 - 2020", "2017-01-01..2020-12-31")]
    [InlineData("002", "2023-09-21", "09 tháng đầu năm 2023", "2023-01-01..2023-09-30")]
    [InlineData("002", "2023-09-21", "03 tháng cuối năm 2023", "2023-10-01..2023-12-31")]
    [InlineData("003", null, "quý I", "2021-01-01..2021-03-31")]
    [InlineData("004", "2019-10-01", "quý III năm 2019", "2019-07-01..2019-09-30")]
    public void Seed_periods(string seed, string? published, string text, string value)
    {
        var mentions = Recognize(seed, published is null ? null : DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(mentions, m => m.Type == EntityType.Period && m.Text.Equals(text, StringComparison.OrdinalIgnoreCase) && m.NormalizedValue == value);
    }

    [Theory]
    [InlineData("000", "75 lượt", "75 lượt")]
    [InlineData("000", "85 công dân", "85 công dân")]
    [InlineData("003", "gần 74.000 suất quà", "74000 suất quà")]
    [InlineData("003", "hơn 33 tỉ đồng", "33000000000 đồng")]
    [InlineData("003", "gần 500 tấn gạo", "500 tấn gạo")]
    [InlineData("004", "trên 20 tỷ đồng", "20000000000 đồng")]
    [InlineData("002", "113 mô hình", "113 mô hình")]
    [InlineData("002", "487 Tổ nhân dân tự quản", "487 tổ nhân dân tự quản")]
    public void Seed_figures(string seed, string text, string value)
    {
        Assert.Contains(Recognize(seed, null), m => m.Type == EntityType.Figure && m.Text == text && m.NormalizedValue == value);
    }

    [Theory]
    [InlineData("000", "Dân vận khéo")]
    [InlineData("000", "Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh")]
    [InlineData("001", "Dân vận khéo")]
    [InlineData("002", "Mỗi người dân - Mỗi ngày một việc góp phần làm sạch môi trường")]
    [InlineData("002", "10 phút góp phần làm sạch thành phố")]
    [InlineData("004", "Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh")]
    public void Seed_campaigns(string seed, string name)
    {
        Assert.Contains(Recognize(seed, null), m => m.Type == EntityType.Campaign && ((CampaignMention)m).Name == name);
    }

    [Fact]
    public void Seed_chrome_carries_no_entities()
    {
        // "Số lượt xem 523", "Đang online33", "Tất cả2743745", "642 người đang online" and the "Tin mới nhất" list.
        foreach (var seed in new[] { "001", "002" })
        {
            Assert.DoesNotContain(Recognize(seed, null), m => m.Text.Contains("523", StringComparison.Ordinal) || m.Text.Contains("33", StringComparison.Ordinal) && m.Type == EntityType.Figure && m.Text.Length <= 3
                || m.Text.Contains("642", StringComparison.Ordinal) || m.Text.Contains("2743745", StringComparison.Ordinal) || m.Text.Contains("2021 - 2026", StringComparison.Ordinal));
        }
    }
}

using System.Text;
using DanVan.Extraction.Text;

namespace DanVan.Extraction.Tests.Text;

public class TextNormalizerTests
{
    private static string N(string text, NormalizationOptions? options = null) => new TextNormalizer(options).Normalize(text).Text;

    [Theory]
    [InlineData("hoà", "hòa")]
    [InlineData("Thị uỷ", "Thị ủy")]
    [InlineData("thuỷ lợi", "thủy lợi")]
    [InlineData("khoẻ", "khỏe")]
    [InlineData("qúy III", "quý III")]
    [InlineData("Qúy", "Quý")]
    [InlineData("HOÀ BÌNH", "HÒA BÌNH")]
    [InlineData("hoàng", "hoàng")]
    [InlineData("toán", "toán")]
    [InlineData("huỳnh", "huỳnh")]
    [InlineData("ngoài", "ngoài")]
    [InlineData("người", "người")]
    [InlineData("giữ gìn", "giữ gìn")]
    [InlineData("mía múa", "mía múa")]
    [InlineData("khuỷu", "khuỷu")]
    [InlineData("Ðào", "Đào")]
    public void Places_tone_marks_in_the_new_style(string input, string expected) => Assert.Equal(expected, N(input));

    [Theory]
    [InlineData("hòa", "hoà")]
    [InlineData("Thị ủy", "Thị uỷ")]
    [InlineData("qúy", "quý")]
    [InlineData("toán", "toán")]
    public void Old_style_is_an_option(string input, string expected) =>
        Assert.Equal(expected, N(input, new NormalizationOptions { ToneMarks = ToneMarkStyle.Old }));

    [Theory]
    [InlineData("café crème")]
    [InlineData("Hồ Chí Minh")]
    [InlineData("Ksor H'Bơ Khăp")]
    public void Leaves_words_that_are_not_misplaced_alone(string text) => Assert.Equal(text.Replace('’', '\''), N(text));

    [Fact]
    public void Composes_decomposed_text()
    {
        var nfd = "Trưởng Ban Dân vận Thị ủy".Normalize(NormalizationForm.FormD);
        Assert.NotEqual("Trưởng Ban Dân vận Thị ủy", nfd);
        Assert.Equal("Trưởng Ban Dân vận Thị ủy", N(nfd));
    }

    [Fact]
    public void Cleans_spaces_and_invisible_characters()
    {
        Assert.Equal("công tác dân vận\nThống kê", N("  công\u00A0\u00A0tác  dân\u200B vận\u00AD \r\n\t Thống kê  "));
    }

    [Fact]
    public void Folds_quotes_and_dashes_for_matching()
    {
        Assert.Equal("\"Dân vận khéo\" 2017 - 2020, H'Loan", N("“Dân vận khéo” 2017 – 2020, H’Loan"));
        Assert.Equal("“Dân vận khéo” 2017 – 2020", N("“Dân vận khéo” 2017 – 2020", new NormalizationOptions { FoldQuotesAndDashes = false }));
    }

    [Fact]
    public void Spans_map_back_to_the_original_text()
    {
        var original = "Đồng chí\u00A0\u00A0Dương Thanh Hoà - Phó Bí thư\u200B TT Thị uỷ";
        var normalized = TextNormalizer.Default.Normalize(original);
        Assert.Equal("Đồng chí Dương Thanh Hòa - Phó Bí thư TT Thị ủy", normalized.Text);
        Assert.Equal("Dương Thanh Hoà", Original(normalized, "Dương Thanh Hòa"));
        Assert.Equal("Thị uỷ", Original(normalized, "Thị ủy"));
        Assert.Equal("Phó Bí thư", Original(normalized, "Phó Bí thư"));
    }

    [Fact]
    public void Spans_in_decomposed_text_map_to_whole_clusters()
    {
        var original = "Ban Dân vận " + "Thị ủy".Normalize(NormalizationForm.FormD) + " họp";
        var normalized = TextNormalizer.Default.Normalize(original);
        Assert.Equal("Ban Dân vận Thị ủy họp", normalized.Text);
        Assert.Equal("Thị ủy".Normalize(NormalizationForm.FormD), Original(normalized, "Thị ủy"));
        Assert.Equal("ủy".Normalize(NormalizationForm.FormD), Original(normalized, "ủy"));
        Assert.Equal("họp", Original(normalized, "họp"));
    }

    [Fact]
    public void Unchanged_text_is_returned_as_is()
    {
        const string text = "Ban Dân vận Thị ủy tổng kết công tác năm 2020.";
        var normalized = TextNormalizer.Default.Normalize(text);
        Assert.Same(text, normalized.Text);
        Assert.Equal(new TextSpan(4, 3), normalized.ToOriginal(new TextSpan(4, 3)));
    }

    [Fact]
    public void Bad_input_gives_a_defined_result()
    {
        Assert.Equal(string.Empty, N(string.Empty));
        Assert.Equal(string.Empty, N("\u200B\uFEFF \u00AD"));
        Assert.Equal("!?.,", N("!?.,"));
        Assert.Equal("a\uD800b", N("a\uD800b"));
        Assert.Equal("x \uDC00", N("x \uDC00"));
        var big = new string('á', 10_000_000);
        Assert.Equal(big.Length, N(big).Length);
    }

    [Fact]
    public void Mixed_nfc_and_nfd_normalize_to_one_form()
    {
        var mixed = "Thị ủy " + "Thị ủy".Normalize(NormalizationForm.FormD) + " Thị uỷ";
        Assert.Equal("Thị ủy Thị ủy Thị ủy", N(mixed));
    }

    private static string Original(NormalizedText normalized, string fragment)
    {
        var at = normalized.Text.IndexOf(fragment, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{fragment}' not in '{normalized.Text}'");
        var span = normalized.ToOriginal(new TextSpan(at, fragment.Length));
        return span.Slice(normalized.Original).ToString();
    }
}

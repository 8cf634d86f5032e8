using DanVan.Extraction.Text;

namespace DanVan.Extraction.Tests.Text;

/// <summary>Regression: a derived text whose positions are one-for-one but whose characters changed.</summary>
public sealed class DerivedTextBuilderTests
{
    [Fact]
    public void Changed_characters_at_the_same_positions_are_kept()
    {
        const string original = "ab";
        var builder = new DerivedTextBuilder(original.Length);
        builder.Append('x', 0, 1);
        builder.Append('b', 1, 2);

        var (text, map) = builder.Build(original.Length, original);

        Assert.Equal("xb", text);
        Assert.True(map.IsIdentity);
    }

    [Fact]
    public void Unchanged_text_is_the_original_instance()
    {
        const string original = "ab";
        var builder = new DerivedTextBuilder(original.Length);
        builder.AppendCopy(original, 0);

        var (text, map) = builder.Build(original.Length, original);

        Assert.Same(original, text);
        Assert.True(map.IsIdentity);
    }

    [Theory]
    [InlineData("“Dân vận khéo”", "\"Dân vận khéo\"")]
    [InlineData("Ðảng", "Đảng")]
    public void Normalizer_rewrites_one_for_one_characters(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Default.Normalize(input).Text);
}

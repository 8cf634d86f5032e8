using DanVan.Extraction.Text;

namespace DanVan.Extraction.Tests.Text;

/// <summary>The casing tables that stand in for the runtime's per-character casing on hot paths.</summary>
public sealed class CharClassTests
{
    [Fact]
    public void Case_tables_give_the_runtime_invariant_casing_for_every_character()
    {
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            Assert.Equal(char.ToLowerInvariant(c), CharClass.ToLowerInvariant(c));
            Assert.Equal(char.ToUpperInvariant(c), CharClass.ToUpperInvariant(c));
        }
    }

    [Theory]
    [InlineData('Ặ', 'ặ')]
    [InlineData('Đ', 'đ')]
    [InlineData('Ư', 'ư')]
    [InlineData('A', 'a')]
    public void Vietnamese_capitals_lower_to_their_small_letters(char upper, char lower)
    {
        Assert.Equal(lower, CharClass.ToLowerInvariant(upper));
        Assert.Equal(upper, CharClass.ToUpperInvariant(lower));
    }

    [Fact]
    public void String_lowering_matches_the_runtime_below_and_above_the_table()
    {
        var below = new string(Enumerable.Range(0, 0x2000).Select(i => (char)i).ToArray());
        Assert.Equal(below.ToLowerInvariant(), CharClass.ToLowerInvariant(below));
        foreach (var text in (string[])["", "ĐẢNG BỘ Huyện Krông Pắc", "ⅫⒶ Ω", "𐐀𐐁 Ặ", new string('Ế', 600)])
        {
            Assert.Equal(text.ToLowerInvariant(), CharClass.ToLowerInvariant(text));
        }
    }

    [Fact]
    public void Nfc_check_agrees_with_the_runtime_for_every_character_next_to_letters_marks_and_jamo()
    {
        char[] neighbours = ['a', 'A', 'ơ', '\u0301', '\u0323', '\u1100', '\u1161', '\u11A8', '\u2000'];
        for (var i = 0; i < 0x2200; i++)
        {
            var c = (char)i;
            if (char.IsSurrogate(c))
            {
                continue;
            }

            foreach (var n in neighbours)
            {
                foreach (var text in (string[])[c.ToString(), string.Concat(c, n), string.Concat(n, c)])
                {
                    Assert.True(
                        text.IsNormalized(System.Text.NormalizationForm.FormC) == CharClass.IsNormalizedFormC(text),
                        $"U+{i:X4} next to U+{(int)n:X4}");
                }
            }
        }
    }
}

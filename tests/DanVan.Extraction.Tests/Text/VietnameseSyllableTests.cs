using System.Text;
using DanVan.Extraction.Text;

namespace DanVan.Extraction.Tests.Text;

/// <summary>The spelling check that legacy detection relies on.</summary>
public sealed class VietnameseSyllableTests
{
    [Theory]
    [InlineData("người")]
    [InlineData("nghiêng")]
    [InlineData("giữa")]
    [InlineData("gìn")]
    [InlineData("quyết")]
    [InlineData("khuyên")]
    [InlineData("thuở")]
    [InlineData("oanh")]
    [InlineData("ếch")]
    [InlineData("xoong")]
    [InlineData("Huyện")]
    [InlineData("ĐẢNG")]
    [InlineData("ủy")]
    [InlineData("kỹ")]
    [InlineData("được")]
    [InlineData("hội")]
    [InlineData("vận")]
    [InlineData("mặt")]
    [InlineData("Việt")]
    public void Vietnamese_syllables_are_valid(string word)
    {
        Assert.True(VietnameseSyllable.IsValid(word));
        Assert.True(VietnameseSyllable.IsValid(word.Normalize(NormalizationForm.FormD)));
        Assert.True(VietnameseSyllable.IsValid(LegacyTestEncoding.DecomposeTones(word)));
    }

    [Theory]
    [InlineData("café")]
    [InlineData("crème")]
    [InlineData("naïve")]
    [InlineData("façade")]
    [InlineData("ngha")]
    [InlineData("ko")]
    [InlineData("ka")]
    [InlineData("ce")]
    [InlineData("ghà")]
    [InlineData("tàc")]
    [InlineData("hảt")]
    [InlineData("aín")]
    [InlineData("ăi")]
    [InlineData("hôôn")]
    [InlineData("q")]
    [InlineData("")]
    [InlineData("oddd")]
    [InlineData("óá")]
    public void Other_words_are_not(string word) => Assert.False(VietnameseSyllable.IsValid(word));

    [Fact]
    public void Every_toned_letter_is_a_syllable_on_its_own_or_after_a_consonant()
    {
        foreach (var letter in LegacyTestEncoding.LowercaseLetters)
        {
            if (letter is "đ")
            {
                continue;
            }

            // Each vowel letter with its tone: "m" + letter + "n" reads as a syllable for the closed-only vowels.
            var open = "m" + letter;
            var closed = "m" + letter + "n";
            Assert.True(VietnameseSyllable.IsValid(open) || VietnameseSyllable.IsValid(closed), letter);
        }
    }

    [Theory]
    [InlineData("Aù", "Á")]
    [InlineData("aÙ", "á")]
    [InlineData("ÖÙ", "Ứ")]
    public void Vni_marks_of_the_other_case_follow_the_base(string legacy, string expected) =>
        Assert.Equal(expected, LegacyText.ConvertWith(LegacyEncodingTable.Vni, legacy));
}

using DanVan.Extraction.Text;

namespace DanVan.Extraction.Tests.Text;

public class SyllableTokenizerTests
{
    private static (string Text, TokenKind Kind)[] Tokens(string text) =>
        [.. SyllableTokenizer.ToList(text).Select(t => (t.ToString(text), t.Kind))];

    [Theory]
    [InlineData("Ban", TokenKind.Syllable)]
    [InlineData("H’Loan", TokenKind.Syllable)]
    [InlineData("M'Nông", TokenKind.Syllable)]
    [InlineData("74.000", TokenKind.Number)]
    [InlineData("1,5", TokenKind.Number)]
    [InlineData("2.743.745", TokenKind.Number)]
    [InlineData("2019", TokenKind.Number)]
    [InlineData("28/1/2021", TokenKind.DateTime)]
    [InlineData("20/9", TokenKind.DateTime)]
    [InlineData("18:47", TokenKind.DateTime)]
    [InlineData("11:14:10", TokenKind.DateTime)]
    [InlineData("2023-09-21", TokenKind.DateTime)]
    [InlineData("29-01-2021", TokenKind.DateTime)]
    [InlineData("TP.", TokenKind.Abbreviation)]
    [InlineData("tp.", TokenKind.Abbreviation)]
    [InlineData("T/h", TokenKind.Abbreviation)]
    [InlineData("UBND", TokenKind.Abbreviation)]
    [InlineData("HĐND", TokenKind.Abbreviation)]
    [InlineData("UB MTTQ", TokenKind.Abbreviation)]
    [InlineData("v.v.", TokenKind.Abbreviation)]
    [InlineData("K.M", TokenKind.Abbreviation)]
    [InlineData("https://danvan.vn/tin-tuc/a-1.html", TokenKind.Url)]
    [InlineData("www.gialai.gov.vn", TokenKind.Url)]
    [InlineData("baodaklak.vn", TokenKind.Url)]
    [InlineData("bandanvan@daklak.gov.vn", TokenKind.Email)]
    [InlineData("285B", TokenKind.Other)]
    [InlineData(",", TokenKind.Punctuation)]
    [InlineData("...", TokenKind.Punctuation)]
    [InlineData("./.", TokenKind.Punctuation)]
    public void Whole_input_is_one_token_of_the_expected_kind(string text, TokenKind kind)
    {
        var tokens = Tokens(text);
        Assert.Equal([(text, kind)], tokens);
    }

    [Fact]
    public void Splits_a_sentence_of_the_genre()
    {
        const string text = "Sáng 20/9, Ban Dân vận Thành ủy tổ chức giao ban quý III/2019 với gần 74.000 suất quà.";
        Assert.Equal(
            [
                ("Sáng", TokenKind.Syllable), ("20/9", TokenKind.DateTime), (",", TokenKind.Punctuation),
                ("Ban", TokenKind.Syllable), ("Dân", TokenKind.Syllable), ("vận", TokenKind.Syllable),
                ("Thành", TokenKind.Syllable), ("ủy", TokenKind.Syllable), ("tổ", TokenKind.Syllable),
                ("chức", TokenKind.Syllable), ("giao", TokenKind.Syllable), ("ban", TokenKind.Syllable),
                ("quý", TokenKind.Syllable), ("III", TokenKind.Abbreviation), ("/", TokenKind.Punctuation),
                ("2019", TokenKind.Number), ("với", TokenKind.Syllable), ("gần", TokenKind.Syllable),
                ("74.000", TokenKind.Number), ("suất", TokenKind.Syllable), ("quà", TokenKind.Syllable),
                (".", TokenKind.Punctuation),
            ],
            Tokens(text));
    }

    [Theory]
    [InlineData("Đang online33", new[] { "Đang", "online", "33" })]
    [InlineData("Tất cả2743745", new[] { "Tất", "cả", "2743745" })]
    [InlineData("năm 2017-2020", new[] { "năm", "2017", "-", "2020" })]
    [InlineData("Chỉ thị số 02/CT-UBND", new[] { "Chỉ", "thị", "số", "02", "/", "CT", "-", "UBND" })]
    [InlineData("năm 2019.", new[] { "năm", "2019", "." })]
    [InlineData("74.000,", new[] { "74.000", "," })]
    [InlineData("'Dân vận khéo'", new[] { "'", "Dân", "vận", "khéo", "'" })]
    [InlineData("Covid-19", new[] { "Covid", "-", "19" })]
    [InlineData("don't", new[] { "don", "'", "t" })]
    public void Separates_fused_and_quoted_tokens(string text, string[] expected)
    {
        Assert.Equal(expected, Tokens(text).Select(t => t.Text));
    }

    [Fact]
    public void Offsets_point_into_the_text_and_never_overlap()
    {
        const string text = "  Đồng chí\u00A0Nguyễn Phương Hải -\tUVBTV\r\n(đã tiếp 75 lượt với 85 công dân).\u200B";
        var previousEnd = 0;
        foreach (var token in SyllableTokenizer.ToList(text))
        {
            Assert.True(token.Start >= previousEnd);
            Assert.True(token.Length > 0);
            Assert.False(token.Slice(text).ContainsAny(" \t\r\n\u00A0\u200B"));
            previousEnd = token.End;
        }

        Assert.Equal(18, SyllableTokenizer.Count(text));
    }

    [Fact]
    public void Tokenizing_allocates_nothing()
    {
        var text = string.Concat(Enumerable.Repeat("Ngày 28/1/2021, UBND TP. Buôn Ma Thuột trao 1,5 tỷ đồng (74.000 suất quà) cho H’Loan; xem https://a.vn. ", 500));
        SyllableTokenizer.Count(text);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var count = SyllableTokenizer.Count(text);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(count > 10_000);
        Assert.Equal(0, allocated);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \r\n\t ")]
    [InlineData("\u200B\u00AD\uFEFF")]
    public void Empty_or_blank_text_has_no_tokens(string text)
    {
        Assert.Empty(SyllableTokenizer.ToList(text));
    }

    [Fact]
    public void Punctuation_only_text_is_punctuation_tokens()
    {
        var tokens = Tokens("!?;:,-–—\"“”()");
        Assert.All(tokens, t => Assert.Equal(TokenKind.Punctuation, t.Kind));
        Assert.Equal(13, tokens.Length);
    }

    [Fact]
    public void Lone_surrogates_and_binary_characters_become_other_tokens()
    {
        var text = "a\uD800b \uDC00 \u0001\u0002 😀 x";
        var tokens = SyllableTokenizer.ToList(text);
        Assert.Equal(text.Length, text.Length);
        Assert.Contains(tokens, t => t.Kind == TokenKind.Other && t.ToString(text) == "\uD800");
        Assert.Contains(tokens, t => t.Kind == TokenKind.Other && t.ToString(text) == "\uDC00");
        Assert.Contains(tokens, t => t.Kind == TokenKind.Other && t.ToString(text) == "😀");
        Assert.Equal("x", tokens[^1].ToString(text));
    }

    [Fact]
    public void Decomposed_letters_stay_inside_their_syllable()
    {
        var nfd = "Thị ủy hòa".Normalize(System.Text.NormalizationForm.FormD);
        var tokens = SyllableTokenizer.ToList(nfd);
        Assert.Equal(3, tokens.Count);
        Assert.All(tokens, t => Assert.Equal(TokenKind.Syllable, t.Kind));
        Assert.Equal(nfd.Length, tokens[^1].End);
    }

    [Fact]
    public void A_ten_megabyte_single_line_is_tokenized_to_the_end()
    {
        var text = new string('a', 5_000_000) + " " + new string('9', 5_000_000);
        var tokens = SyllableTokenizer.ToList(text);
        Assert.Equal([new Token(0, 5_000_000, TokenKind.Syllable), new Token(5_000_001, 5_000_000, TokenKind.Number)], tokens);
    }
}

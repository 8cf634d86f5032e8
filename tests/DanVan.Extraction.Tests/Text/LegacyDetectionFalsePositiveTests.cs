using System.Text;
using DanVan.Extraction.Text;

namespace DanVan.Extraction.Tests.Text;

/// <summary>Text that is not TCVN3 or VNI must come through untouched: Western Latin-1, Unicode Vietnamese, windows-1258.</summary>
public sealed class LegacyDetectionFalsePositiveTests
{
    static LegacyDetectionFalsePositiveTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public static TheoryData<string> WesternTexts => new()
    {
        "Café crème à Paris",
        "naïve façade",
        "Le café où l'on a dîné était près de la côte; ça coûte cher, mais c'est déjà l'été à Noël.",
        "Ils ont mangé une crème brûlée, puis une pâte à choux; la fenêtre était ouverte sur la forêt.",
        "Über die Brücke gehen Müller und Schäfer; dort trinken sie Kaffee mit Sahne.",
        "A naïve résumé of the café’s rôle: the señor and his protégé met at the château.",
        "El niño pasó el año en España; não há informação sobre a situação em São Paulo.",
        "Copyright © 2024 Société Générale® – tous droits réservés. Prix: 12,50 € (±5 %), 3 m² à 20 °C.",
    };

    // Ordinary Vietnamese written for these tests (not from the seeds).
    public static TheoryData<string> VietnameseTexts => new()
    {
        "Chiều 15/3, Ủy ban MTTQ xã tổ chức hội nghị đối thoại giữa người đứng đầu cấp ủy với Nhân dân.",
        "Cà phê và bánh mì là bữa sáng quen thuộc của nhiều người ở thành phố.",
        "Bà con nông dân góp gần 2.000 ngày công, hiến hơn 3.500 m² đất để làm đường giao thông.",
        "Các đại biểu thống nhất cao với dự thảo báo cáo, đồng thời đề xuất nhiều giải pháp thiết thực.",
        "Hòa, Thủy và Khỏe cùng đến dự lễ khai giảng năm học mới tại trường Tiểu học Kim Đồng.",
        "Bà mê cà phê, có lý thì kí tên; mã số ghi rõ.",
    };

    [Theory]
    [MemberData(nameof(WesternTexts))]
    public void Western_text_is_not_repaired(string text)
    {
        Assert.False(LegacyText.TryRepair(text, out var repaired, out _, out var kind));
        Assert.Same(text, repaired);
        Assert.Equal(TextEncodingKind.Unicode, kind);
        Assert.Equal(TextEncodingKind.Unicode, TextNormalizer.Default.Normalize(text).SourceEncoding);
    }

    [Theory]
    [MemberData(nameof(WesternTexts))]
    public void Western_latin1_bytes_decode_as_latin1(string text)
    {
        var bytes = Encoding.GetEncoding(1252).GetBytes(text);
        foreach (var declared in new string?[] { null, "iso-8859-1", "windows-1252" })
        {
            Assert.True(VietnameseTextDecoder.TryDecode(bytes, declared, out var decoded, out var error), error);
            Assert.Equal(TextEncodingKind.Latin1, decoded.Encoding);
            Assert.Equal(text, decoded.Text);
        }
    }

    [Theory]
    [MemberData(nameof(WesternTexts))]
    public void Western_utf8_bytes_decode_as_unicode(string text)
    {
        Assert.True(VietnameseTextDecoder.TryDecode(Encoding.UTF8.GetBytes(text), null, out var decoded, out var error), error);
        Assert.Equal(TextEncodingKind.Unicode, decoded.Encoding);
        Assert.Equal(text, decoded.Text);
    }

    [Theory]
    [MemberData(nameof(VietnameseTexts))]
    public void Unicode_vietnamese_is_not_repaired_in_nfc_or_nfd(string text)
    {
        foreach (var form in new[] { NormalizationForm.FormC, NormalizationForm.FormD })
        {
            var input = text.Normalize(form);
            Assert.False(LegacyText.TryRepair(input, out var repaired, out _, out _));
            Assert.Same(input, repaired);
            var normalized = TextNormalizer.Default.Normalize(input);
            Assert.Equal(TextEncodingKind.Unicode, normalized.SourceEncoding);
            Assert.Equal(text, normalized.Text);
        }
    }

    [Theory]
    [MemberData(nameof(VietnameseTexts))]
    public void Utf8_vietnamese_bytes_decode_as_unicode(string text)
    {
        foreach (var declared in new string?[] { null, "utf-8" })
        {
            Assert.True(VietnameseTextDecoder.TryDecode(Encoding.UTF8.GetBytes(text), declared, out var decoded, out var error), error);
            Assert.Equal(TextEncodingKind.Unicode, decoded.Encoding);
            Assert.Equal(text, decoded.Text);
        }
    }

    [Theory]
    [MemberData(nameof(VietnameseTexts))]
    public void Windows1258_vietnamese_is_not_taken_for_tcvn3_or_vni(string text)
    {
        var bytes = LegacyTestEncoding.Windows1258Bytes(text);
        foreach (var declared in new string?[] { null, "windows-1258", "windows-1252" })
        {
            Assert.True(VietnameseTextDecoder.TryDecode(bytes, declared, out var decoded, out var error), error);
            Assert.Equal(TextEncodingKind.Windows1258, decoded.Encoding);
            Assert.Equal(text, decoded.Text);
        }
    }

    [Fact]
    public void Seeds_are_unicode_through_both_paths()
    {
        var seeds = RepoPaths.SeedFiles().ToList();
        Assert.NotEmpty(seeds);
        foreach (var path in seeds)
        {
            var bytes = File.ReadAllBytes(path);
            Assert.True(VietnameseTextDecoder.TryDecode(bytes, null, out var decoded, out var error), error);
            Assert.Equal(TextEncodingKind.Unicode, decoded.Encoding);
            Assert.Equal(File.ReadAllText(path), decoded.Text);

            var text = File.ReadAllText(path);
            Assert.False(LegacyText.TryRepair(text, out _, out _, out _), path);
            Assert.Equal(TextEncodingKind.Unicode, TextNormalizer.Default.Normalize(text).SourceEncoding);
        }
    }

    [Fact]
    public void Corpus_articles_are_not_repaired()
    {
        foreach (var path in Directory.EnumerateFiles(Path.Combine(RepoPaths.Corpus, "articles"), "*.txt"))
        {
            Assert.False(LegacyText.TryRepair(File.ReadAllText(path), out _, out _, out _), path);
        }
    }

    [Fact]
    public void One_legacy_looking_word_is_not_enough()
    {
        // "ViÖt" alone reads as TCVN3 "Việt", but a single word is no evidence against a Latin-1 reading.
        Assert.False(LegacyText.TryRepair("Le mot ViÖt est étrange", out _, out _, out _));
    }

    [Fact]
    public void Scores_of_french_show_no_legacy_votes()
    {
        var text = "Le café où l'on a dîné était près de la côte; ça coûte cher.";
        var score = LegacyText.ScoreWords(text, text);
        Assert.True(score.Candidates >= 6, score.ToString());
        Assert.Null(LegacyText.Decide(score));
    }

    [Fact]
    public void Unicode_vietnamese_with_an_eth_typed_for_d_is_not_windows_1258_mojibake()
    {
        // Regression: "Ð" (U+00D0) and "ã" are bytes D0 and E3 in windows-1258 too; text that already holds ạ…ỹ is Unicode.
        const string text = "Lãnh đạo thành phố đối thoại với người dân. Bà Ðoàn Thị Sen kiến nghị; ông chủ trì và trả lời các ý kiến.";
        Assert.False(LegacyText.TryRepair(text, out _, out _, out _));
        Assert.Equal("Lãnh đạo thành phố đối thoại với người dân. Bà Đoàn Thị Sen kiến nghị; ông chủ trì và trả lời các ý kiến.", TextNormalizer.Default.Normalize(text).Text);
    }
}

using System.Text;
using DanVan.Extraction.Text;

namespace DanVan.Extraction.Tests.Text;

/// <summary>
/// TCVN3, VNI-Windows and windows-1258: tables, round trips, detection through bytes (TryDecode) and through
/// already-decoded mojibake (TextNormalizer), offsets back to the original, false positives. All comparisons
/// are exact (ordinal, no normalization before comparing).
/// </summary>
public sealed class LegacyEncodingTests
{
    static LegacyEncodingTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    // Written for these tests (not taken from the seeds); new-style tone marks, already in normalized form.
    public static TheoryData<string> Sentences => new()
    {
        "Sáng nay, Ban Dân vận Huyện ủy tổ chức hội nghị sơ kết công tác dân vận sáu tháng đầu năm.",
        "Đồng chí Trưởng ban phát biểu chỉ đạo, đề nghị các đoàn thể tiếp tục phát huy phong trào thi đua yêu nước.",
        "Những kết quả đạt được rất đáng ghi nhận; người dân đồng tình, hưởng ứng tích cực và góp hơn 12 nghìn ngày công.",
        "Ông Lê Văn Quyết cùng bà Ngô Thị Hường trao giấy khen cho bảy tập thể, mười một cá nhân xuất sắc.",
    };

    public static TheoryData<TextEncodingKind> LegacyKinds => new() { TextEncodingKind.Tcvn3, TextEncodingKind.Vni };

    private static LegacyEncodingTable TableOf(TextEncodingKind kind) =>
        kind == TextEncodingKind.Tcvn3 ? LegacyEncodingTable.Tcvn3 : LegacyEncodingTable.Vni;

    [Fact]
    public void Tcvn3_table_has_every_lowercase_letter_and_the_seven_capitals()
    {
        var letters = LegacyEncodingTable.Tcvn3.Entries.Select(e => e.Letter.ToString()).ToHashSet(StringComparer.Ordinal);
        var expected = LegacyTestEncoding.LowercaseLetters.Concat(["Ă", "Â", "Đ", "Ê", "Ô", "Ơ", "Ư"]).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(74, LegacyEncodingTable.Tcvn3.Entries.Count);
        Assert.True(expected.SetEquals(letters), "missing: " + string.Join(' ', expected.Except(letters)) + " extra: " + string.Join(' ', letters.Except(expected)));
    }

    [Fact]
    public void Vni_table_has_every_letter_in_both_cases()
    {
        var letters = LegacyEncodingTable.Vni.Entries.Select(e => e.Letter.ToString()).ToHashSet(StringComparer.Ordinal);
        var lower = LegacyTestEncoding.LowercaseLetters;
        var expected = lower.Concat(lower.Select(l => l.ToUpperInvariant())).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(134, LegacyEncodingTable.Vni.Entries.Count);
        Assert.True(expected.SetEquals(letters), "missing: " + string.Join(' ', expected.Except(letters)) + " extra: " + string.Join(' ', letters.Except(expected)));
    }

    [Fact]
    public void Tcvn3_table_matches_the_standard_code_chart()
    {
        // TCVN 5712:1993 VN3, written out independently of the data file: code → letter.
        var chart = new Dictionary<int, char>();
        void Run(int first, string letters)
        {
            for (var k = 0; k < letters.Length; k++)
            {
                chart.Add(first + k, letters[k]);
            }
        }

        Run(0xA1, "ĂÂÊÔƠƯĐăâêôơưđ");
        Run(0xB5, "àảãáạ");
        Run(0xBB, "ằẳẵắ");
        Run(0xC6, "ặầẩẫấậè");
        Run(0xCE, "ẻẽéẹềểễếệìỉ");
        Run(0xDC, "ĩíịò");
        Run(0xE1, "ỏõóọồổỗốộờởỡớợù");
        Run(0xF1, "ủũúụừửữứựỳỷỹýỵ");

        var table = LegacyEncodingTable.Tcvn3.Entries.ToDictionary(e => (int)e.Legacy[0], e => e.Letter);
        Assert.All(LegacyEncodingTable.Tcvn3.Entries, e => Assert.Equal(1, e.Legacy.Length));
        Assert.Equal(chart.OrderBy(p => p.Key), table.OrderBy(p => p.Key));
    }

    [Fact]
    public void Vni_table_matches_the_base_plus_mark_rules()
    {
        // VNI-Windows, derived independently of the data file from its rules: base letter + one mark byte.
        string[] tones = ["\u0301", "\u0300", "\u0309", "\u0303", "\u0323"];
        const string toneMarks = "\u00F9\u00F8\u00FB\u00F5\u00EF"; // ù ø û õ ï
        const string circumflexMarks = "\u00E1\u00E0\u00E5\u00E3\u00E4"; // á à å ã ä after â
        const string breveMarks = "\u00E9\u00E8\u00FA\u00FC\u00EB"; // é è ú ü ë after ê
        var expected = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["đ"] = "\u00F1", ["ơ"] = "\u00F4", ["ư"] = "\u00F6", ["â"] = "a\u00E2", ["ê"] = "e\u00E2", ["ô"] = "o\u00E2", ["ă"] = "a\u00EA",
            ["í"] = "\u00ED", ["ì"] = "\u00EC", ["ỉ"] = "\u00E6", ["ĩ"] = "\u00F3", ["ị"] = "\u00F2", ["ỵ"] = "\u00EE",
        };
        for (var t = 0; t < tones.Length; t++)
        {
            string Compose(string letter) => (letter + tones[t]).Normalize(NormalizationForm.FormC);
            foreach (var b in new[] { "a", "e", "o", "u", "y" })
            {
                expected.TryAdd(Compose(b), b + toneMarks[t]);
            }

            expected.Add(Compose("ơ"), "\u00F4" + toneMarks[t]);
            expected.Add(Compose("ư"), "\u00F6" + toneMarks[t]);
            expected.Add(Compose("â"), "a" + circumflexMarks[t]);
            expected.Add(Compose("ê"), "e" + circumflexMarks[t]);
            expected.Add(Compose("ô"), "o" + circumflexMarks[t]);
            expected.Add(Compose("ă"), "a" + breveMarks[t]);
        }

        foreach (var (letter, legacy) in expected.ToList())
        {
            // Capitals: capital base, and each Latin-1 mark byte 0x20 lower.
            var upper = string.Concat(legacy.Select(c => c < '\u0080' ? char.ToUpperInvariant(c) : (char)(c - 0x20)));
            expected.Add(letter.ToUpperInvariant(), upper);
        }

        var table = LegacyEncodingTable.Vni.Entries.ToDictionary(e => e.Letter.ToString(), e => e.Legacy, StringComparer.Ordinal);
        Assert.Equal(134, expected.Count);
        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), table.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("á", "\u00B8")]
    [InlineData("ư", "\u00AD")]
    [InlineData("đ", "\u00AE")]
    [InlineData("Đ", "\u00A7")]
    [InlineData("ộ", "\u00E9")]
    [InlineData("ị", "\u00DE")]
    [InlineData("ỵ", "\u00FE")]
    public void Tcvn3_codes_of_well_known_letters(string letter, string legacy) =>
        Assert.Equal(legacy, LegacyTestEncoding.Encode(letter, LegacyEncodingTable.Tcvn3));

    [Theory]
    [InlineData("á", "a\u00F9")]
    [InlineData("ấ", "a\u00E1")]
    [InlineData("ặ", "a\u00EB")]
    [InlineData("ơ", "\u00F4")]
    [InlineData("ự", "\u00F6\u00EF")]
    [InlineData("Đ", "\u00D1")]
    [InlineData("Ộ", "O\u00C4")]
    [InlineData("ỉ", "\u00E6")]
    [InlineData("ỵ", "\u00EE")]
    public void Vni_codes_of_well_known_letters(string letter, string legacy) =>
        Assert.Equal(legacy, LegacyTestEncoding.Encode(letter, LegacyEncodingTable.Vni));

    [Theory]
    [MemberData(nameof(LegacyKinds))]
    public void Every_table_letter_round_trips_on_its_own(TextEncodingKind kind)
    {
        var table = TableOf(kind);
        foreach (var (legacy, letter) in table.Entries)
        {
            var encoded = LegacyTestEncoding.Encode(letter.ToString(), table);
            Assert.Equal(legacy, encoded);
            Assert.Equal(letter.ToString(), LegacyText.ConvertWith(table, encoded));
        }
    }

    [Theory]
    [MemberData(nameof(LegacyKinds))]
    public void Every_table_letter_round_trips_through_TryDecode(TextEncodingKind kind)
    {
        var table = TableOf(kind);
        var unicode = "Hội nghị tổng kết công tác dân vận năm nay được tổ chức trọng thể: "
            + string.Join(' ', table.Entries.Select(e => e.Letter.ToString()));
        var bytes = LegacyTestEncoding.Latin1Bytes(LegacyTestEncoding.Encode(unicode, table));

        Assert.True(VietnameseTextDecoder.TryDecode(bytes, null, out var decoded, out var error), error);

        Assert.Equal(unicode, decoded.Text);
        Assert.Equal(kind, decoded.Encoding);
    }

    [Theory]
    [MemberData(nameof(Sentences))]
    public void Tcvn3_bytes_decode_to_the_sentence(string sentence) => AssertBytesDecode(sentence, TextEncodingKind.Tcvn3);

    [Theory]
    [MemberData(nameof(Sentences))]
    public void Vni_bytes_decode_to_the_sentence(string sentence) => AssertBytesDecode(sentence, TextEncodingKind.Vni);

    [Theory]
    [MemberData(nameof(Sentences))]
    public void Windows1258_bytes_with_combining_tones_decode_to_composed_text(string sentence)
    {
        var bytes = LegacyTestEncoding.Windows1258Bytes(sentence);
        Assert.Contains(bytes, b => b is 0xCC or 0xEC or 0xD2 or 0xDE or 0xF2);

        foreach (var declared in new string?[] { null, "windows-1258", "utf-8" })
        {
            Assert.True(VietnameseTextDecoder.TryDecode(bytes, declared, out var decoded, out var error), error);
            Assert.Equal(sentence, decoded.Text);
            Assert.Equal(TextEncodingKind.Windows1258, decoded.Encoding);
            Assert.Equal("windows-1258", decoded.EncodingName);
        }
    }

    [Theory]
    [MemberData(nameof(Sentences))]
    public void Windows1258_decomposed_text_normalizes_with_offsets_to_the_clusters(string sentence)
    {
        var decomposed = LegacyTestEncoding.DecomposeTones(sentence);
        Assert.NotEqual(sentence, decomposed);

        var normalized = TextNormalizer.Default.Normalize(decomposed);

        Assert.Equal(sentence, normalized.Text);
        Assert.Equal(TextEncodingKind.Unicode, normalized.SourceEncoding);
        foreach (var word in Words(sentence))
        {
            var at = normalized.Text.IndexOf(word, StringComparison.Ordinal);
            var original = normalized.ToOriginal(new TextSpan(at, word.Length));
            Assert.Equal(LegacyTestEncoding.DecomposeTones(word), decomposed.Substring(original.Start, original.Length));
        }
    }

    [Theory]
    [MemberData(nameof(Sentences))]
    public void Tcvn3_mojibake_is_repaired_by_the_normalizer_with_offsets(string sentence) => AssertMojibakeRepaired(sentence, TextEncodingKind.Tcvn3);

    [Theory]
    [MemberData(nameof(Sentences))]
    public void Vni_mojibake_is_repaired_by_the_normalizer_with_offsets(string sentence) => AssertMojibakeRepaired(sentence, TextEncodingKind.Vni);

    [Theory]
    [MemberData(nameof(Sentences))]
    public void Windows1258_mojibake_is_repaired_by_the_normalizer_with_offsets(string sentence)
    {
        var western = Encoding.GetEncoding(1252);
        var mojibake = western.GetString(LegacyTestEncoding.Windows1258Bytes(sentence));
        Assert.NotEqual(sentence, mojibake);

        var normalized = TextNormalizer.Default.Normalize(mojibake);

        Assert.Equal(TextEncodingKind.Windows1258, normalized.SourceEncoding);
        Assert.Equal(sentence, normalized.Text);
        var from = 0;
        foreach (var word in Words(sentence))
        {
            var at = normalized.Text.IndexOf(word, from, StringComparison.Ordinal);
            from = at + word.Length;
            var original = normalized.ToOriginal(new TextSpan(at, word.Length));
            Assert.Equal(western.GetString(LegacyTestEncoding.Windows1258Bytes(word)), mojibake.Substring(original.Start, original.Length));
        }
    }

    [Fact]
    public void Normalizer_leaves_mojibake_alone_when_repair_is_off()
    {
        var mojibake = LegacyTestEncoding.Encode("Hội nghị tổng kết công tác dân vận", LegacyEncodingTable.Tcvn3);
        var normalizer = new TextNormalizer(NormalizationOptions.Default with { RepairLegacyEncodings = false });

        var normalized = normalizer.Normalize(mojibake);

        Assert.Equal(TextEncodingKind.Unicode, normalized.SourceEncoding);
        Assert.StartsWith("Héi nghÞ tæng kÕt", normalized.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Tcvn3_capital_font_words_come_out_in_capitals()
    {
        var mojibake = "HéI NGHÞ TæNG KÕT C¤NG T¸C D¢N VËN N¡M 2024\nBan D©n vËn TØnh ñy";

        var normalized = TextNormalizer.Default.Normalize(mojibake);

        Assert.Equal(TextEncodingKind.Tcvn3, normalized.SourceEncoding);
        Assert.Equal("HỘI NGHỊ TỔNG KẾT CÔNG TÁC DÂN VẬN NĂM 2024\nBan Dân vận Tỉnh ủy", normalized.Text);
    }

    [Fact]
    public void Tcvn3_capital_word_in_a_mixed_line_comes_out_in_capitals()
    {
        var normalized = TextNormalizer.Default.Normalize("Tham dù HéI NGHÞ cã ®ång chÝ BÝ th\u00AD HuyÖn ñy");

        Assert.Equal(TextEncodingKind.Tcvn3, normalized.SourceEncoding);
        Assert.StartsWith("Tham dự HỘI NGHỊ có đồng chí", normalized.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Vni_capitals_decode()
    {
        var unicode = "HỘI NGHỊ SƠ KẾT CÔNG TÁC DÂN VẬN 6 THÁNG ĐẦU NĂM";
        var mojibake = LegacyTestEncoding.Encode(unicode, LegacyEncodingTable.Vni);
        Assert.Equal("HOÄI NGHÒ SÔ KEÁT COÂNG TAÙC DAÂN VAÄN 6 THAÙNG ÑAÀU NAÊM", mojibake);

        var normalized = TextNormalizer.Default.Normalize(mojibake);

        Assert.Equal(TextEncodingKind.Vni, normalized.SourceEncoding);
        Assert.Equal(unicode, normalized.Text);
    }

    [Fact]
    public void Utf8_page_with_tcvn3_text_inside_is_converted()
    {
        var mojibake = "<p style=\"font-family:.VnTime\">Ban D©n vËn HuyÖn ñy tæ chøc héi nghÞ s¬ kÕt</p>";
        var bytes = Encoding.UTF8.GetBytes(mojibake);

        Assert.True(VietnameseTextDecoder.TryDecode(bytes, "utf-8", out var decoded, out var error), error);

        Assert.Equal(TextEncodingKind.Tcvn3, decoded.Encoding);
        Assert.Equal("utf-8", decoded.EncodingName);
        Assert.Equal("<p style=\"font-family:.VnTime\">Ban Dân vận Huyện ủy tổ chức hội nghị sơ kết</p>", decoded.Text);
    }

    [Fact]
    public void Unicode_lines_of_a_mixed_text_are_left_alone()
    {
        var unicode = "Tin mới nhất: Hội nghị có nhiều đại biểu tham dự, các ý kiến rất sôi nổi.";
        var legacy = LegacyTestEncoding.Encode("Ban Dân vận Huyện ủy tổ chức hội nghị sơ kết công tác dân vận", LegacyEncodingTable.Tcvn3);

        var normalized = TextNormalizer.Default.Normalize(legacy + "\n" + unicode);

        Assert.Equal(TextEncodingKind.Tcvn3, normalized.SourceEncoding);
        Assert.Equal("Ban Dân vận Huyện ủy tổ chức hội nghị sơ kết công tác dân vận\n" + unicode, normalized.Text);
    }

    [Theory]
    [InlineData("iso-8859-1")]
    [InlineData("windows-1252")]
    [InlineData(null)]
    public void Declared_western_pages_in_vni_are_detected(string? declared)
    {
        var unicode = "Đoàn viên thanh niên ra quân dọn vệ sinh môi trường, sửa đường giao thông nông thôn.";
        var bytes = LegacyTestEncoding.Latin1Bytes(LegacyTestEncoding.Encode(unicode, LegacyEncodingTable.Vni));

        Assert.True(VietnameseTextDecoder.TryDecode(bytes, declared, out var decoded, out var error), error);

        Assert.Equal(TextEncodingKind.Vni, decoded.Encoding);
        Assert.Equal(unicode, decoded.Text);
    }

    private static void AssertBytesDecode(string sentence, TextEncodingKind kind)
    {
        var table = TableOf(kind);
        var bytes = LegacyTestEncoding.Latin1Bytes(LegacyTestEncoding.Encode(sentence, table));
        foreach (var declared in new string?[] { null, "iso-8859-1", "windows-1252", "windows-1258", "utf-8" })
        {
            Assert.True(VietnameseTextDecoder.TryDecode(bytes, declared, out var decoded, out var error), error);
            Assert.Equal(sentence, decoded.Text);
            Assert.Equal(kind, decoded.Encoding);
        }

        var html = Encoding.ASCII.GetBytes("<html><head><meta charset=\"iso-8859-1\"></head><body>").Concat(bytes).ToArray();
        Assert.True(VietnameseTextDecoder.TryDecode(html, null, out var fromMeta, out _));
        Assert.Equal(kind, fromMeta.Encoding);
        Assert.EndsWith(sentence, fromMeta.Text, StringComparison.Ordinal);
    }

    private static void AssertMojibakeRepaired(string sentence, TextEncodingKind kind)
    {
        var table = TableOf(kind);
        var mojibake = LegacyTestEncoding.Encode(sentence, table);
        Assert.NotEqual(sentence, mojibake);

        var normalized = TextNormalizer.Default.Normalize(mojibake);

        Assert.Equal(kind, normalized.SourceEncoding);
        Assert.Equal(sentence, normalized.Text);
        Assert.Same(mojibake, normalized.Original);
        var from = 0;
        foreach (var word in Words(sentence))
        {
            var at = normalized.Text.IndexOf(word, from, StringComparison.Ordinal);
            Assert.True(at >= 0, word);
            from = at + word.Length;
            var original = normalized.ToOriginal(new TextSpan(at, word.Length));
            Assert.Equal(LegacyTestEncoding.Encode(word, table), mojibake.Substring(original.Start, original.Length));
        }
    }

    private static string[] Words(string sentence) =>
        sentence.Split([' ', ',', '.', ';', ':'], StringSplitOptions.RemoveEmptyEntries);
}

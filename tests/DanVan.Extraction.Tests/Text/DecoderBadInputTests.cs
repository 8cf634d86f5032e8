using System.Text;
using DanVan.Extraction.Text;

namespace DanVan.Extraction.Tests.Text;

/// <summary>Bad input for the decoder and the legacy repair: no exception escapes, the result is defined.</summary>
public sealed class DecoderBadInputTests
{
    [Fact]
    public void Empty_bytes_decode_to_empty_unicode_text()
    {
        Assert.True(VietnameseTextDecoder.TryDecode([], null, out var decoded, out var error));
        Assert.Null(error);
        Assert.Equal(string.Empty, decoded.Text);
        Assert.Equal(TextEncodingKind.Unicode, decoded.Encoding);
    }

    [Fact]
    public void Empty_text_normalizes_to_empty()
    {
        var normalized = TextNormalizer.Default.Normalize(string.Empty);
        Assert.Equal(string.Empty, normalized.Text);
        Assert.Equal(TextEncodingKind.Unicode, normalized.SourceEncoding);
        Assert.False(LegacyText.TryRepair(string.Empty, out var repaired, out _, out _));
        Assert.Equal(string.Empty, repaired);
    }

    [Fact]
    public void Binary_bytes_are_refused_with_a_reason()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0xB8, 0xDE, 0xE9];
        Assert.False(VietnameseTextDecoder.TryDecode(png, "iso-8859-1", out var decoded, out var error));
        Assert.NotNull(error);
        Assert.Equal(string.Empty, decoded.Text);
    }

    [Fact]
    public void Random_high_bytes_decode_without_exceptions()
    {
        var random = new Random(1258);
        for (var round = 0; round < 200; round++)
        {
            var bytes = new byte[random.Next(0, 400)];
            random.NextBytes(bytes);
            for (var i = 0; i < bytes.Length; i++)
            {
                // Keep it text-like (no NUL, few controls) so it reaches the detectors.
                bytes[i] = bytes[i] < 0x20 ? (byte)(bytes[i] + 0x40) : bytes[i];
            }

            foreach (var declared in new string?[] { null, "utf-8", "windows-1252", "windows-1258", "x-unknown-charset" })
            {
                var ok = VietnameseTextDecoder.TryDecode(bytes, declared, out var decoded, out var error);
                Assert.True(ok, error);
                Assert.NotNull(decoded.Text);
                _ = TextNormalizer.Default.Normalize(decoded.Text);
            }
        }
    }

    [Fact]
    public void Utf8_cut_inside_the_last_character_stays_utf8()
    {
        var bytes = Encoding.UTF8.GetBytes("Hội nghị tổng kết công tác dân vận, chỉ đạo của Huyện ủy");
        var cut = bytes[..^2];
        Assert.False(VietnameseTextDecoder.IsValidUtf8(cut));

        Assert.True(VietnameseTextDecoder.TryDecode(cut, null, out var decoded, out var error), error);

        Assert.Equal(TextEncodingKind.Unicode, decoded.Encoding);
        Assert.Equal("utf-8", decoded.EncodingName);
        Assert.Equal("Hội nghị tổng kết công tác dân vận, chỉ đạo của Huyện \uFFFD", decoded.Text);
    }

    [Fact]
    public void Utf8_cut_after_a_lead_byte_stays_utf8()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("Đồng chí phát biểu "), 0xE1, 0xBB];

        Assert.True(VietnameseTextDecoder.TryDecode(bytes, "utf-8", out var decoded, out var error), error);

        Assert.Equal(TextEncodingKind.Unicode, decoded.Encoding);
        Assert.Equal("Đồng chí phát biểu \uFFFD", decoded.Text);
    }

    [Theory]
    [InlineData("Un café")]
    [InlineData("Déjà vu à Noël: un café")]
    public void Western_text_ending_in_a_lead_byte_is_not_taken_for_cut_utf8(string text)
    {
        var bytes = Encoding.Latin1.GetBytes(text);
        Assert.Equal(0xE9, bytes[^1]);

        Assert.True(VietnameseTextDecoder.TryDecode(bytes, null, out var decoded, out var error), error);

        Assert.Equal(TextEncodingKind.Latin1, decoded.Encoding);
        Assert.Equal(text, decoded.Text);
    }

    [Fact]
    public void Utf8_broken_in_the_middle_is_read_as_a_single_byte_page()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("Hội nghị "), 0xC3, 0x28, .. Encoding.UTF8.GetBytes(" tổng kết")];

        Assert.True(VietnameseTextDecoder.TryDecode(bytes, "utf-8", out var decoded, out var error), error);

        Assert.NotEqual(TextEncodingKind.Unicode, decoded.Encoding);
        Assert.Equal("detected", decoded.Source);
    }

    [Fact]
    public void Lone_surrogates_do_not_break_repair_or_normalization()
    {
        var legacy = LegacyTestEncoding.Encode("Hội nghị tổng kết công tác dân vận", LegacyEncodingTable.Tcvn3);
        var text = "\uD800" + legacy + " \uDC00x\uDBFF";

        var normalized = TextNormalizer.Default.Normalize(text);

        Assert.Equal(TextEncodingKind.Tcvn3, normalized.SourceEncoding);
        Assert.Equal("\uD800Hội nghị tổng kết công tác dân vận \uDC00x\uDBFF", normalized.Text);
        var at = normalized.Text.IndexOf("nghị", StringComparison.Ordinal);
        var span = normalized.ToOriginal(new TextSpan(at, 4));
        Assert.Equal("nghÞ", text.Substring(span.Start, span.Length));
    }

    [Fact]
    public void Ten_megabytes_of_tcvn3_decode_and_normalize()
    {
        // "có" reads as Vietnamese in Latin-1 too ("cã"), so the converter also judges each line.
        var line = LegacyTestEncoding.Encode("Ban Dân vận Huyện ủy tổ chức hội nghị sơ kết công tác dân vận sáu tháng đầu năm, có nhiều đại biểu.\n", LegacyEncodingTable.Tcvn3);
        var sb = new StringBuilder(10 * 1024 * 1024 + line.Length);
        while (sb.Length < 10 * 1024 * 1024)
        {
            sb.Append(line);
        }

        var legacy = sb.ToString();
        var bytes = LegacyTestEncoding.Latin1Bytes(legacy);

        Assert.True(VietnameseTextDecoder.TryDecode(bytes, null, out var decoded, out var error), error);
        Assert.Equal(TextEncodingKind.Tcvn3, decoded.Encoding);
        Assert.StartsWith("Ban Dân vận Huyện ủy tổ chức hội nghị", decoded.Text, StringComparison.Ordinal);
        Assert.EndsWith("sáu tháng đầu năm, có nhiều đại biểu.\n", decoded.Text, StringComparison.Ordinal);

        var normalized = TextNormalizer.Default.Normalize(legacy);
        Assert.Equal(TextEncodingKind.Tcvn3, normalized.SourceEncoding);
        var last = normalized.Text.LastIndexOf("nghị", StringComparison.Ordinal);
        var span = normalized.ToOriginal(new TextSpan(last, 4));
        Assert.Equal("nghÞ", legacy.Substring(span.Start, span.Length));
    }

    [Fact]
    public void Ten_megabytes_of_latin1_noise_decode()
    {
        var bytes = new byte[10 * 1024 * 1024];
        var random = new Random(5712);
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)random.Next(0x20, 0x100);
        }

        Assert.True(VietnameseTextDecoder.TryDecode(bytes, null, out var decoded, out var error), error);
        Assert.Equal(bytes.Length, decoded.Text.Length);
    }

    [Fact]
    public void Cancellation_is_honoured_by_the_repair()
    {
        var legacy = LegacyTestEncoding.Encode("Hội nghị tổng kết công tác dân vận\n", LegacyEncodingTable.Tcvn3);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.Throws<OperationCanceledException>(() => TextNormalizer.Default.Normalize(string.Concat(Enumerable.Repeat(legacy, 1000)), cts.Token));
    }
}

using System.Text;

namespace DanVan.Extraction.Text;

/// <summary>The result of decoding bytes to text.</summary>
/// <param name="Text">The decoded text (not yet normalized).</param>
/// <param name="Encoding">The encoding the bytes were read as (legacy font encodings included).</param>
/// <param name="EncodingName">The name of the code page used, for reports ("utf-8", "windows-1258", …).</param>
/// <param name="Source">Where the choice came from: "bom", "declared", "meta", "detected".</param>
public sealed record DecodedText(string Text, TextEncodingKind Encoding, string EncodingName, string Source);

/// <summary>
/// Turns the bytes of a file or HTTP body into text: byte-order mark first, then the charset the caller
/// declares (an HTTP Content-Type), then a <c>&lt;meta charset&gt;</c> in the first bytes, then detection
/// (valid UTF-8, else windows-1258). Thread-safe.
/// </summary>
public static class VietnameseTextDecoder
{
    private const int MetaPrescanBytes = 4096;

    static VietnameseTextDecoder()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>
    /// Decodes <paramref name="bytes"/>. Returns false, with <paramref name="error"/> saying why, when the
    /// bytes are not text (binary content); never throws for any input.
    /// </summary>
    /// <remarks>
    /// After the code page is chosen, text written in a legacy font encoding is recognized and converted:
    /// TCVN3 (".VnTime") or VNI-Windows ("VNI-Times") bytes on a page declared windows-1252 / ISO-8859-1 /
    /// windows-1258 or not declared, and the same text already turned into Latin-1 characters inside UTF-8
    /// ("Héi nghÞ"). <see cref="DecodedText.Encoding"/> then says <see cref="TextEncodingKind.Tcvn3"/> or
    /// <see cref="TextEncodingKind.Vni"/> and <see cref="DecodedText.EncodingName"/> names the code page the
    /// bytes were read through. An undeclared single-byte page is windows-1258 when its words read as
    /// Vietnamese in that code page, else windows-1252 (<see cref="TextEncodingKind.Latin1"/>); windows-1258
    /// text is returned composed (NFC). A UTF-8 body whose only fault is a sequence cut off at the end stays
    /// UTF-8 (the cut character becomes U+FFFD).
    /// </remarks>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, string? declaredCharset, out DecodedText result, out string? error)
    {
        try
        {
            return TryDecodeCore(bytes, declaredCharset, out result, out error);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Every path above is meant not to throw; a decoder surprise on hostile bytes must not escape either.
            result = new DecodedText(string.Empty, TextEncodingKind.Unicode, "utf-8", "detected");
            error = "undecodable content: " + ex.Message;
            return false;
        }
    }

    private static bool TryDecodeCore(ReadOnlySpan<byte> bytes, string? declaredCharset, out DecodedText result, out string? error)
    {
        result = new DecodedText(string.Empty, TextEncodingKind.Unicode, "utf-8", "detected");
        error = null;
        if (TryBom(bytes, out var bomEncoding, out var bomLength))
        {
            var bomText = bomEncoding.GetString(bytes[bomLength..]);
            result = LegacyText.TryConvert(bomText, bomText, out var bomConverted, out var bomKind)
                ? new DecodedText(bomConverted, bomKind, bomEncoding.WebName, "bom")
                : new DecodedText(bomText, TextEncodingKind.Unicode, bomEncoding.WebName, "bom");
            return true;
        }

        if (LooksBinary(bytes))
        {
            error = "binary content (not text)";
            return false;
        }

        var charset = NormalizeCharset(declaredCharset);
        var source = "declared";
        if (charset is null)
        {
            charset = NormalizeCharset(PrescanMetaCharset(bytes));
            source = "meta";
        }

        if (charset is null)
        {
            source = "detected";
            charset = IsUtf8(bytes, declared: false) ? "utf-8" : SingleByteUndeclared;
        }
        else if (charset == "utf-8" && !IsUtf8(bytes, declared: true))
        {
            // Pages often declare UTF-8 and are not; a Vietnamese or Western single-byte code page is the usual truth.
            charset = SingleByteUndeclared;
            source = "detected";
        }

        if (charset is "windows-1252" or "windows-1258" or SingleByteUndeclared)
        {
            result = DecodeSingleByte(bytes, charset, source);
            return true;
        }

        var encoding = GetEncoding(charset);
        var text = encoding.GetString(bytes);
        var kind = charset is "utf-8" or "utf-16" or "utf-16be" ? TextEncodingKind.Unicode : TextEncodingKind.Latin1;
        if (kind == TextEncodingKind.Unicode && LegacyText.TryConvert(text, text, out var converted, out var legacyKind))
        {
            // Legacy font text stored as Latin-1 characters inside a Unicode page.
            text = converted;
            kind = legacyKind;
        }

        result = new DecodedText(text, kind, encoding.WebName, source);
        return true;
    }

    // Not a charset label: the marker for "single-byte, not declared", resolved by DecodeSingleByte.
    private const string SingleByteUndeclared = "x-single-byte";

    /// <summary>
    /// Single-byte bytes: TCVN3 or VNI when the words say so, else windows-1258 (declared, or undeclared with
    /// Vietnamese words in that code page), else windows-1252.
    /// </summary>
    private static DecodedText DecodeSingleByte(ReadOnlySpan<byte> bytes, string charset, string source)
    {
        var western = GetEncoding("windows-1252");
        var vietnamese = GetEncoding("windows-1258");
        var legacyView = western.GetString(bytes);
        var vietnameseView = vietnamese.GetString(bytes);
        // Words already Vietnamese as they stand, and lines left unconverted, are read through the code page the
        // page would otherwise get: the declared Western one, else the Vietnamese one.
        var nativeView = charset == "windows-1252" ? legacyView : vietnameseView;
        if (LegacyText.TryConvert(legacyView, nativeView, out var converted, out var legacyKind))
        {
            return new DecodedText(ComposeSafely(converted), legacyKind, western.WebName, charset == SingleByteUndeclared ? "detected" : source);
        }

        var useVietnamese = charset switch
        {
            "windows-1258" => true,
            "windows-1252" => ReadsAsWindows1258(legacyView, vietnameseView, minimumWords: 3, minimumShare: 2),
            _ => ReadsAsWindows1258(legacyView, vietnameseView, minimumWords: 1, minimumShare: 5),
        };
        if (charset == "windows-1252" && useVietnamese)
        {
            // Declared Western, written in the Vietnamese code page: a common fault of old portals.
            source = "detected";
        }

        return useVietnamese
            ? new DecodedText(ComposeSafely(vietnameseView), TextEncodingKind.Windows1258, vietnamese.WebName, source)
            : new DecodedText(legacyView, TextEncodingKind.Latin1, western.WebName, source);
    }

    /// <summary>
    /// True when at least <paramref name="minimumWords"/> words, and one in <paramref name="minimumShare"/> of
    /// the words with non-ASCII bytes, are Vietnamese syllables holding a letter only windows-1258 has
    /// (ă đ ơ ư, combining tone marks).
    /// </summary>
    private static bool ReadsAsWindows1258(string legacyView, string vietnameseView, int minimumWords, int minimumShare)
    {
        if (vietnameseView.Length != legacyView.Length)
        {
            return false;
        }

        var score = LegacyText.ScoreWords(legacyView, vietnameseView);
        return score.Native >= minimumWords && score.Native * minimumShare >= score.Candidates;
    }

    /// <summary>NFC when the text is well formed (windows-1258 output always is).</summary>
    private static string ComposeSafely(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return text;
        }
    }

    /// <summary>Decodes a charset label to a code page name this decoder knows, or null.</summary>
    internal static string? NormalizeCharset(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        var l = label.Trim().Trim('"', '\'').ToUpperInvariant();
        return l switch
        {
            "UTF-8" or "UTF8" or "UNICODE-1-1-UTF-8" => "utf-8",
            "UTF-16" or "UTF-16LE" or "UNICODE" => "utf-16",
            "UTF-16BE" => "utf-16be",
            // VISCII is its own code page (not windows-1258) and .NET has no decoder for it: left to detection.
            "WINDOWS-1258" or "CP1258" or "X-CP1258" => "windows-1258",
            "VISCII" => null,
            "WINDOWS-1252" or "CP1252" or "ISO-8859-1" or "LATIN1" or "ISO8859-1" or "US-ASCII" or "ASCII" or "L1" => "windows-1252",
            _ => TryGetEncodingName(l),
        };
    }

    private static string? TryGetEncodingName(string label)
    {
        try
        {
            return Encoding.GetEncoding(label.ToLowerInvariant()).WebName;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    internal static Encoding GetEncoding(string name) => name switch
    {
        "utf-8" => new UTF8Encoding(false, false),
        "utf-16" => Encoding.Unicode,
        "utf-16be" => Encoding.BigEndianUnicode,
        _ => Encoding.GetEncoding(name),
    };

    private static bool TryBom(ReadOnlySpan<byte> bytes, out Encoding encoding, out int length)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            encoding = new UTF8Encoding(false, false);
            length = 3;
            return true;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            encoding = Encoding.Unicode;
            length = 2;
            return true;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            encoding = Encoding.BigEndianUnicode;
            length = 2;
            return true;
        }

        encoding = Encoding.UTF8;
        length = 0;
        return false;
    }

    /// <summary>NUL bytes or many control bytes in the first 8 KiB: an image, an archive, a PDF.</summary>
    internal static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, 8192)];
        if (sample.Length == 0)
        {
            return false;
        }

        var control = 0;
        foreach (var b in sample)
        {
            if (b == 0)
            {
                return true;
            }

            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0C or 0x0D or 0x1B))
            {
                control++;
            }
        }

        return control * 20 > sample.Length;
    }

    internal static bool IsValidUtf8(ReadOnlySpan<byte> bytes) => System.Text.Unicode.Utf8.IsValid(bytes);

    /// <summary>
    /// Valid UTF-8, or valid UTF-8 up to one multi-byte sequence cut off at the very end (a truncated body). Unless the
    /// page <paramref name="declared"/> UTF-8, the part before the cut must itself hold a multi-byte sequence: a
    /// Western page ending in "café" (0xE9, a lead byte) is not UTF-8.
    /// </summary>
    internal static bool IsUtf8(ReadOnlySpan<byte> bytes, bool declared)
    {
        if (IsValidUtf8(bytes))
        {
            return true;
        }

        // Find the lead byte of the last sequence (at most 3 continuation bytes back).
        var lead = bytes.Length - 1;
        while (lead >= 0 && bytes.Length - lead <= 4 && (bytes[lead] & 0xC0) == 0x80)
        {
            lead--;
        }

        if (lead < 0 || bytes.Length - lead > 4)
        {
            return false;
        }

        var b = bytes[lead];
        var expected = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xC2 && b <= 0xDF ? 2 : 0;
        var present = bytes.Length - lead;
        var head = bytes[..lead];
        return expected > present && IsValidUtf8(head) && (declared || head.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0);
    }

    /// <summary>Finds charset=… in a &lt;meta&gt; within the first bytes, read as ASCII.</summary>
    internal static string? PrescanMetaCharset(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, MetaPrescanBytes)]);
        var at = 0;
        while ((at = head.IndexOf("charset", at, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var metaStart = head.LastIndexOf("<meta", at, StringComparison.OrdinalIgnoreCase);
            var tagClose = head.LastIndexOf('>', at);
            at += 7;
            if (metaStart < 0 || tagClose > metaStart)
            {
                continue;
            }

            var k = at;
            while (k < head.Length && head[k] is ' ' or '=' or '"' or '\'')
            {
                k++;
            }

            var end = k;
            while (end < head.Length && (char.IsAsciiLetterOrDigit(head[end]) || head[end] is '-' or '_' or ':'))
            {
                end++;
            }

            if (end > k)
            {
                return head[k..end];
            }
        }

        return null;
    }
}

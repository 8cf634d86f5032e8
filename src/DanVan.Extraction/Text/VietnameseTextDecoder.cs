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
    public static bool TryDecode(ReadOnlySpan<byte> bytes, string? declaredCharset, out DecodedText result, out string? error)
    {
        result = new DecodedText(string.Empty, TextEncodingKind.Unicode, "utf-8", "detected");
        error = null;
        if (TryBom(bytes, out var bomEncoding, out var bomLength))
        {
            result = new DecodedText(bomEncoding.GetString(bytes[bomLength..]), TextEncodingKind.Unicode, bomEncoding.WebName, "bom");
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
            charset = IsValidUtf8(bytes) ? "utf-8" : "windows-1258";
        }
        else if (charset == "utf-8" && !IsValidUtf8(bytes))
        {
            // Pages often declare UTF-8 and are not; the Vietnamese single-byte code page is the usual truth.
            charset = "windows-1258";
            source = "detected";
        }

        var encoding = GetEncoding(charset);
        var text = encoding.GetString(bytes);
        var kind = charset switch
        {
            "utf-8" or "utf-16" or "utf-16be" => TextEncodingKind.Unicode,
            "windows-1258" => TextEncodingKind.Windows1258,
            _ => TextEncodingKind.Latin1,
        };
        result = new DecodedText(text, kind, encoding.WebName, source);
        return true;
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
            "WINDOWS-1258" or "CP1258" or "X-CP1258" or "VISCII" => "windows-1258",
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

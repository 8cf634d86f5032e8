using System.Buffers;
using System.Globalization;
using System.IO.Compression;

namespace DanVan.Extraction.Bulk;

/// <summary>HTTP message pieces a WARC response carries: status line, Content-Type, transfer and content codings.</summary>
internal static class HttpBody
{
    /// <summary>Parses <c>HTTP/1.1 200 OK</c>; the reason phrase may be empty.</summary>
    public static bool TryParseStatusLine(string line, out int status, out string reason)
    {
        status = 0;
        reason = string.Empty;
        if (!line.StartsWith("HTTP/", StringComparison.Ordinal))
        {
            return false;
        }

        var space = line.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0 || line.Length < space + 4)
        {
            return false;
        }

        if (!int.TryParse(line.AsSpan(space + 1, 3), NumberStyles.None, CultureInfo.InvariantCulture, out status))
        {
            return false;
        }

        reason = line.Length > space + 5 ? line[(space + 5)..].Trim() : string.Empty;
        return line.Length == space + 4 || line[space + 4] == ' ';
    }

    /// <summary>Splits a Content-Type into a lower-case media type and the charset parameter, if any.</summary>
    public static (string? MediaType, string? Charset) ParseContentType(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return (null, null);
        }

        var parts = value.Split(';', StringSplitOptions.TrimEntries);
        var media = parts[0].Length == 0 ? null : parts[0].ToLowerInvariant();
        string? charset = null;
        for (var i = 1; i < parts.Length; i++)
        {
            var eq = parts[i].IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && parts[i].AsSpan(0, eq).Trim().Equals("charset", StringComparison.OrdinalIgnoreCase))
            {
                var label = parts[i][(eq + 1)..].Trim().Trim('"', '\'').Trim();
                charset = label.Length == 0 ? null : label;
                break;
            }
        }

        return (media, charset);
    }

    /// <summary>Removes <c>Transfer-Encoding: chunked</c> framing. Chunk extensions and trailers are dropped.</summary>
    public static bool TryDechunk(ReadOnlySpan<byte> data, long cap, out byte[] body, out string? error)
    {
        body = [];
        error = null;
        var output = new ArrayBufferWriter<byte>(Math.Min(data.Length, 1 << 20) + 1);
        var at = 0;
        while (true)
        {
            var lineEnd = data[at..].IndexOf((byte)'\n');
            if (lineEnd < 0)
            {
                if (data[at..].Trim("\r\n"u8).IsEmpty)
                {
                    // The final zero-size chunk is missing but the data ends on a chunk boundary.
                    break;
                }

                error = $"invalid chunked encoding: chunk size line not terminated at body offset {at}";
                return false;
            }

            var sizeLine = data.Slice(at, lineEnd).TrimEnd("\r"u8);
            var semicolon = sizeLine.IndexOf((byte)';');
            if (semicolon >= 0)
            {
                sizeLine = sizeLine[..semicolon];
            }

            sizeLine = sizeLine.Trim(" \t"u8);
            if (!long.TryParse(sizeLine, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) || size < 0)
            {
                error = $"invalid chunked encoding: bad chunk size at body offset {at}";
                return false;
            }

            at += lineEnd + 1;
            if (size == 0)
            {
                break;
            }

            if (size > data.Length - at)
            {
                error = $"invalid chunked encoding: chunk of {size} bytes runs past the end of the body";
                return false;
            }

            if (output.WrittenCount + size > cap)
            {
                error = $"entry too large: more than {cap} bytes after removing chunked encoding";
                return false;
            }

            output.Write(data.Slice(at, (int)size));
            at += (int)size;
            if (data[at..].StartsWith("\r\n"u8))
            {
                at += 2;
            }
            else if (data[at..].StartsWith("\n"u8))
            {
                at++;
            }
        }

        body = output.WrittenSpan.ToArray();
        return true;
    }

    /// <summary>
    /// Undoes a Content-Encoding list (<c>gzip</c>, <c>x-gzip</c>, <c>deflate</c> as zlib or raw, <c>br</c>,
    /// <c>identity</c>), last applied first, with the output capped.
    /// </summary>
    public static bool TryDecode(byte[] body, string contentEncoding, long cap, out byte[] decoded, out string? error)
    {
        decoded = body;
        error = null;
        var codings = contentEncoding.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var i = codings.Length - 1; i >= 0; i--)
        {
            var coding = codings[i].ToLowerInvariant();
            if (coding is "identity")
            {
                continue;
            }

            try
            {
                bool ok;
                byte[] next;
                switch (coding)
                {
                    case "gzip" or "x-gzip":
                        using (var gzip = new GZipStream(new MemoryStream(decoded, writable: false), CompressionMode.Decompress))
                        {
                            ok = TryReadCapped(gzip, cap, out next);
                        }

                        break;
                    case "deflate":
                        // RFC 9110 says zlib; many servers send raw deflate. A zlib header has (CMF*256+FLG) % 31 == 0.
                        var isZlib = decoded.Length >= 2 && (decoded[0] & 0x0F) == 8 && ((decoded[0] << 8) | decoded[1]) % 31 == 0;
                        using (Stream inflate = isZlib
                            ? new ZLibStream(new MemoryStream(decoded, writable: false), CompressionMode.Decompress)
                            : new DeflateStream(new MemoryStream(decoded, writable: false), CompressionMode.Decompress))
                        {
                            ok = TryReadCapped(inflate, cap, out next);
                        }

                        break;
                    case "br":
                        using (var brotli = new BrotliStream(new MemoryStream(decoded, writable: false), CompressionMode.Decompress))
                        {
                            ok = TryReadCapped(brotli, cap, out next);
                        }

                        break;
                    default:
                        error = $"unsupported Content-Encoding '{codings[i]}'";
                        return false;
                }

                if (!ok)
                {
                    error = $"entry too large: more than {cap} bytes after Content-Encoding {coding}";
                    return false;
                }

                decoded = next;
            }
            catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException or IOException)
            {
                // Brotli reports bad data as InvalidOperationException.
                error = $"corrupt {coding} body (Content-Encoding): {ex.Message}";
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads a stream to its end into a fresh array; false when it holds more than <paramref name="cap"/> bytes.</summary>
    public static bool TryReadCapped(Stream stream, long cap, out byte[] bytes)
    {
        bytes = [];
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            using var output = new MemoryStream();
            int n;
            while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (output.Length + n > cap)
                {
                    return false;
                }

                output.Write(buffer, 0, n);
            }

            bytes = output.ToArray();
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

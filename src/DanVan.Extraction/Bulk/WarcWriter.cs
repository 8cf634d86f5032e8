using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace DanVan.Extraction.Bulk;

/// <summary>
/// Writes WARC 1.0 records, plain or gzipped with one gzip member per record (as Common Crawl and wget do), for
/// tests and benchmark inputs. Record ids are deterministic (a counter), so generated archives are reproducible.
/// Not thread-safe.
/// </summary>
internal sealed class WarcWriter : IDisposable
{
    private readonly Stream _output;
    private readonly bool _gzip;
    private readonly bool _leaveOpen;
    private long _count;

    public WarcWriter(Stream output, bool gzipPerRecord, bool leaveOpen = false)
    {
        _output = output;
        _gzip = gzipPerRecord;
        _leaveOpen = leaveOpen;
    }

    /// <summary>Creates a file; gzipped per record when the name ends in <c>.gz</c>.</summary>
    public static WarcWriter Create(string path) =>
        new(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024), path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase));

    /// <summary>A <c>warcinfo</c> record with the given <c>name: value</c> fields.</summary>
    public string WriteWarcinfo(string fields, DateTimeOffset date) =>
        WriteRecord("warcinfo", null, "application/warc-fields", Encoding.UTF8.GetBytes(fields), date);

    /// <summary>A <c>request</c> record for a GET of <paramref name="targetUri"/>.</summary>
    public string WriteRequest(string targetUri, DateTimeOffset date)
    {
        var uri = new Uri(targetUri);
        var block = $"GET {uri.PathAndQuery} HTTP/1.1\r\nHost: {uri.Host}\r\nUser-Agent: danvan-test\r\n\r\n";
        return WriteRecord("request", targetUri, "application/http; msgtype=request", Encoding.ASCII.GetBytes(block), date);
    }

    /// <summary>
    /// A <c>response</c> record: status line, the headers as given, a blank line, then <paramref name="body"/> as
    /// it went over the wire (already chunked or compressed if the headers say so).
    /// </summary>
    public string WriteResponse(string targetUri, int status, string reason, IEnumerable<KeyValuePair<string, string>> headers, ReadOnlySpan<byte> body, DateTimeOffset date, string? recordId = null)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {reason}\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        head.Append("\r\n");
        var headBytes = Encoding.UTF8.GetBytes(head.ToString());
        var block = new byte[headBytes.Length + body.Length];
        headBytes.CopyTo(block, 0);
        body.CopyTo(block.AsSpan(headBytes.Length));
        return WriteRecord("response", targetUri, "application/http; msgtype=response", block, date, recordId);
    }

    /// <summary>Any record: the WARC header fields this reader uses, then the block. Returns the record id.</summary>
    public string WriteRecord(string type, string? targetUri, string? contentType, ReadOnlySpan<byte> block, DateTimeOffset date, string? recordId = null, string version = "WARC/1.0")
    {
        recordId ??= $"<urn:uuid:00000000-0000-4000-8000-{++_count:x12}>";
        var header = new StringBuilder();
        header.Append(version).Append("\r\n");
        header.Append(CultureInfo.InvariantCulture, $"WARC-Type: {type}\r\n");
        header.Append(CultureInfo.InvariantCulture, $"WARC-Record-ID: {recordId}\r\n");
        header.Append(CultureInfo.InvariantCulture, $"WARC-Date: {date.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}\r\n");
        if (targetUri is not null)
        {
            header.Append(CultureInfo.InvariantCulture, $"WARC-Target-URI: {targetUri}\r\n");
        }

        if (contentType is not null)
        {
            header.Append(CultureInfo.InvariantCulture, $"Content-Type: {contentType}\r\n");
        }

        header.Append(CultureInfo.InvariantCulture, $"Content-Length: {block.Length}\r\n\r\n");
        var headerBytes = Encoding.UTF8.GetBytes(header.ToString());
        if (_gzip)
        {
            using var member = new GZipStream(_output, CompressionLevel.Fastest, leaveOpen: true);
            Write(member, headerBytes, block);
        }
        else
        {
            Write(_output, headerBytes, block);
        }

        return recordId;
    }

    /// <summary>Frames <paramref name="body"/> as <c>Transfer-Encoding: chunked</c> with chunks of at most <paramref name="chunkSize"/> bytes.</summary>
    public static byte[] Chunk(ReadOnlySpan<byte> body, int chunkSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        using var output = new MemoryStream();
        for (var at = 0; at < body.Length; at += chunkSize)
        {
            var piece = body.Slice(at, Math.Min(chunkSize, body.Length - at));
            output.Write(Encoding.ASCII.GetBytes(piece.Length.ToString("x", CultureInfo.InvariantCulture) + "\r\n"));
            output.Write(piece);
            output.Write("\r\n"u8);
        }

        output.Write("0\r\n\r\n"u8);
        return output.ToArray();
    }

    public void Dispose()
    {
        _output.Flush();
        if (!_leaveOpen)
        {
            _output.Dispose();
        }
    }

    private static void Write(Stream stream, byte[] header, ReadOnlySpan<byte> block)
    {
        stream.Write(header);
        stream.Write(block);
        stream.Write("\r\n\r\n"u8);
    }
}

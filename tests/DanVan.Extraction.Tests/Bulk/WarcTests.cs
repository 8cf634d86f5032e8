using System.IO.Compression;
using System.Text;
using DanVan.Extraction.Bulk;

namespace DanVan.Extraction.Tests.Bulk;

public sealed class WarcTests
{
    internal static readonly DateTimeOffset Date = new(2024, 3, 5, 7, 30, 0, TimeSpan.Zero);

    internal static KeyValuePair<string, string>[] Html(string charset = "utf-8", params (string Name, string Value)[] more) =>
        [new("Content-Type", $"text/html; charset={charset}"), .. more.Select(m => new KeyValuePair<string, string>(m.Name, m.Value))];

    internal static void WriteWarc(string path, Action<WarcWriter> write)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var writer = WarcWriter.Create(path);
        write(writer);
    }

    private static string Name(bool gzip) => gzip ? "crawl.warc.gz" : "crawl.warc";

    private static string Text(InputItem item) => Encoding.UTF8.GetString(Assert.IsType<InputDocument>(item).Content.Span);

    /// <summary>warcinfo, then request + response for three pages, then a metadata record: 8 records.</summary>
    private static string WriteCrawl(TempDirectory dir, bool gzip, List<long>? offsets = null)
    {
        var path = dir.File(Name(gzip));
        using var file = File.Create(path);
        using var writer = new WarcWriter(file, gzip, leaveOpen: true);
        offsets?.Add(file.Position);
        writer.WriteWarcinfo("software: danvan-test\r\nformat: WARC File Format 1.0\r\n", Date);
        for (var i = 1; i <= 3; i++)
        {
            offsets?.Add(file.Position);
            writer.WriteRequest($"https://dangcongsan.vn/bai-{i}.html", Date);
            offsets?.Add(file.Position);
            writer.WriteResponse($"https://dangcongsan.vn/bai-{i}.html", 200, "OK", Html(i == 2 ? "windows-1258" : "utf-8"), Encoding.UTF8.GetBytes($"<p>Bài {i}</p>"), Date.AddMinutes(i));
        }

        offsets?.Add(file.Position);
        writer.WriteRecord("metadata", "https://dangcongsan.vn/bai-3.html", "application/warc-fields", "via: test\r\n"u8, Date);
        return path;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Response_records_are_documents_with_uri_charset_and_date(bool gzip)
    {
        using var dir = new TempDirectory();
        var path = WriteCrawl(dir, gzip);

        var docs = InputReader.Read(path).OfType<InputDocument>().ToList();

        Assert.Equal(3, docs.Count);
        Assert.Equal(["<p>Bài 1</p>", "<p>Bài 2</p>", "<p>Bài 3</p>"], docs.Select(Text));
        Assert.Equal("https://dangcongsan.vn/bai-2.html", docs[1].Uri);
        Assert.Equal("windows-1258", docs[1].Charset);
        Assert.Equal("utf-8", docs[0].Charset);
        Assert.Equal("text/html", docs[1].ContentType);
        Assert.Equal(Date.AddMinutes(2), docs[1].Date);
        Assert.Equal($"{Name(gzip)}#urn:uuid:00000000-0000-4000-8000-000000000005", docs[1].Id);
        Assert.All(docs, d => Assert.Equal(path, d.SourcePath));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Request_warcinfo_and_metadata_records_are_skipped_and_counted(bool gzip)
    {
        using var dir = new TempDirectory();
        var path = WriteCrawl(dir, gzip);

        var items = InputReader.Read(path).ToList();

        Assert.Equal(8, items.Count);
        var skipped = items.OfType<InputSkipped>().ToList();
        Assert.Equal(5, skipped.Count);
        Assert.All(skipped, s => Assert.Equal(InputSkipKind.NotDocument, s.Kind));
        Assert.Contains("warcinfo", skipped[0].Reason, StringComparison.Ordinal);
        Assert.Contains("request", skipped[1].Reason, StringComparison.Ordinal);
        Assert.Equal("https://dangcongsan.vn/bai-1.html", skipped[1].Uri);
        Assert.Contains("metadata", skipped[4].Reason, StringComparison.Ordinal);
        Assert.Equal(items.Count, items.Select(i => i.Id).Distinct().Count());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Non_html_response_and_error_status_are_skipped_with_reasons(bool gzip)
    {
        using var dir = new TempDirectory();
        var path = dir.File(Name(gzip));
        WriteWarc(path, w =>
        {
            w.WriteResponse("https://a.vn/logo.png", 200, "OK", [new("Content-Type", "image/png")], [0x89, (byte)'P', (byte)'N', (byte)'G', 0, 0], Date);
            w.WriteResponse("https://a.vn/mat", 404, "Not Found", Html(), "<p>không có</p>"u8, Date);
            w.WriteResponse("https://a.vn/cu", 301, "Moved Permanently", [new("Location", "https://a.vn/moi")], [], Date);
            w.WriteResponse("https://a.vn/doc.pdf", 200, "OK", [new("Content-Type", "application/pdf")], "%PDF-1.4"u8, Date);
            w.WriteResponse("https://a.vn/ok", 200, "OK", Html(), "<p>ok</p>"u8, Date);
        });

        var items = InputReader.Read(path).ToList();

        Assert.Equal(5, items.Count);
        var png = Assert.IsType<InputSkipped>(items[0]);
        Assert.Equal(InputSkipKind.ContentType, png.Kind);
        Assert.Contains("image/png", png.Reason, StringComparison.Ordinal);
        Assert.Equal("https://a.vn/logo.png", png.Uri);
        var missing = Assert.IsType<InputSkipped>(items[1]);
        Assert.Equal(InputSkipKind.HttpStatus, missing.Kind);
        Assert.Equal("HTTP status 404 Not Found", missing.Reason);
        Assert.Equal(InputSkipKind.HttpStatus, Assert.IsType<InputSkipped>(items[2]).Kind);
        Assert.Contains("application/pdf", Assert.IsType<InputSkipped>(items[3]).Reason, StringComparison.Ordinal);
        Assert.Equal("<p>ok</p>", Text(items[4]));
    }

    [Fact]
    public void Content_type_filter_is_an_option()
    {
        using var dir = new TempDirectory();
        var path = dir.File("t.warc");
        WriteWarc(path, w => w.WriteResponse("https://a.vn/robots.txt", 200, "OK", [new("Content-Type", "text/plain")], "User-agent: *"u8, Date));
        var options = new InputReadOptions { IsDocumentContentType = m => m is "text/html" or "text/plain" };

        Assert.IsType<InputSkipped>(Assert.Single(InputReader.Read(path)));
        Assert.Equal("User-agent: *", Text(Assert.Single(InputReader.Read(path, options))));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Resource_records_with_html_are_documents_and_revisits_are_skipped(bool gzip)
    {
        using var dir = new TempDirectory();
        var path = dir.File(Name(gzip));
        WriteWarc(path, w =>
        {
            w.WriteRecord("resource", "file:///trang.html", "text/html; charset=utf-8", "<p>tài nguyên</p>"u8, Date, version: "WARC/1.1");
            w.WriteRecord("resource", "file:///anh.jpg", "image/jpeg", [0xFF, 0xD8, 0xFF], Date);
            w.WriteRecord("revisit", "https://a.vn/", "application/http; msgtype=response", "HTTP/1.1 200 OK\r\n\r\n"u8, Date);
        });

        var items = InputReader.Read(path).ToList();

        Assert.Equal(3, items.Count);
        var doc = Assert.IsType<InputDocument>(items[0]);
        Assert.Equal("<p>tài nguyên</p>", Text(doc));
        Assert.Equal("utf-8", doc.Charset);
        Assert.Equal("file:///trang.html", doc.Uri);
        Assert.Equal(InputSkipKind.ContentType, Assert.IsType<InputSkipped>(items[1]).Kind);
        Assert.Contains("revisit", Assert.IsType<InputSkipped>(items[2]).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Chunked_and_compressed_bodies_are_decoded(bool gzip)
    {
        using var dir = new TempDirectory();
        var path = dir.File(Name(gzip));
        var page = Encoding.UTF8.GetBytes("<html><p>" + string.Concat(Enumerable.Repeat("Công tác dân vận. ", 500)) + "</p></html>");
        WriteWarc(path, w =>
        {
            w.WriteResponse("https://a.vn/chunked", 200, "OK", Html(more: ("Transfer-Encoding", "chunked")), WarcWriter.Chunk(page, 1000), Date);
            w.WriteResponse("https://a.vn/gzip", 200, "OK", Html(more: ("Content-Encoding", "gzip")), Compress(page, s => new GZipStream(s, CompressionLevel.Optimal)), Date);
            w.WriteResponse("https://a.vn/both", 200, "OK", Html(more: [("Transfer-Encoding", "chunked"), ("Content-Encoding", "gzip")]), WarcWriter.Chunk(Compress(page, s => new GZipStream(s, CompressionLevel.Optimal)), 777), Date);
            w.WriteResponse("https://a.vn/zlib", 200, "OK", Html(more: ("Content-Encoding", "deflate")), Compress(page, s => new ZLibStream(s, CompressionLevel.Optimal)), Date);
            w.WriteResponse("https://a.vn/raw-deflate", 200, "OK", Html(more: ("Content-Encoding", "deflate")), Compress(page, s => new DeflateStream(s, CompressionLevel.Optimal)), Date);
            w.WriteResponse("https://a.vn/br", 200, "OK", Html(more: ("Content-Encoding", "br")), Compress(page, s => new BrotliStream(s, CompressionLevel.Optimal)), Date);
            w.WriteResponse("https://a.vn/zstd", 200, "OK", Html(more: ("Content-Encoding", "zstd")), [1, 2, 3], Date);
            w.WriteResponse("https://a.vn/bad-chunks", 200, "OK", Html(more: ("Transfer-Encoding", "chunked")), "zz\r\nabc\r\n0\r\n\r\n"u8, Date);
        });

        var items = InputReader.Read(path).ToList();

        Assert.Equal(8, items.Count);
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(page, Assert.IsType<InputDocument>(items[i]).Content.ToArray());
        }

        Assert.Contains("unsupported Content-Encoding 'zstd'", Assert.IsType<InputError>(items[6]).Reason, StringComparison.Ordinal);
        Assert.Contains("chunked", Assert.IsType<InputError>(items[7]).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Truncated_final_record_is_an_error_and_earlier_records_are_intact(bool gzip)
    {
        using var dir = new TempDirectory();
        var path = dir.File(Name(gzip));
        WriteWarc(path, w =>
        {
            w.WriteResponse("https://a.vn/1", 200, "OK", Html(), "<p>một</p>"u8, Date);
            w.WriteResponse("https://a.vn/2", 200, "OK", Html(), "<p>hai</p>"u8, Date);
            w.WriteResponse("https://a.vn/3", 200, "OK", Html(), Encoding.UTF8.GetBytes(new string('x', 5000)), Date);
        });
        using (var f = File.OpenWrite(path))
        {
            f.SetLength(f.Length - (gzip ? 15 : 1000));
        }

        var items = InputReader.Read(path).ToList();

        Assert.Equal(3, items.Count);
        Assert.Equal("<p>một</p>", Text(items[0]));
        Assert.Equal("<p>hai</p>", Text(items[1]));
        var error = Assert.IsType<InputError>(items[2]);
        Assert.Contains(gzip ? "truncated" : "truncated record", error.Reason, StringComparison.Ordinal);
        if (!gzip)
        {
            Assert.Equal($"{Name(gzip)}#urn:uuid:00000000-0000-4000-8000-000000000003", error.Id);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Archive_cut_at_any_byte_of_its_last_record_yields_one_error_for_it(bool gzip)
    {
        using var dir = new TempDirectory();
        var offsets = new List<long>();
        var path = WriteCrawl(dir, gzip, offsets);
        var whole = File.ReadAllBytes(path);
        var last = (int)offsets[^1];
        for (var cut = last + 1; cut < whole.Length - 4; cut++)
        {
            File.WriteAllBytes(path, whole[..cut]);

            var items = InputReader.Read(path).ToList();

            Assert.True(items.Count == 8 && items[7] is InputError, $"cut at {cut} of {whole.Length}: " + string.Join(" | ", items.Skip(7).Select(i => i.ToString())));
            Assert.Equal(3, items.OfType<InputDocument>().Count());
        }
    }

    [Fact]
    public void Corrupt_gzip_member_in_the_middle_is_an_error_and_later_records_are_read()
    {
        using var dir = new TempDirectory();
        var offsets = new List<long>();
        var path = WriteCrawl(dir, gzip: true, offsets);
        var bytes = File.ReadAllBytes(path);
        var member = (int)offsets[4]; // the response for page 2
        // The first deflate block header: BTYPE 11 is reserved, so inflation fails at once.
        bytes[member + 10] = 0xFF;
        bytes[member + 11] = 0xFF;
        File.WriteAllBytes(path, bytes);

        var items = InputReader.Read(path).ToList();

        Assert.Equal(8, items.Count);
        var error = Assert.IsType<InputError>(items[4]);
        Assert.Equal($"crawl.warc.gz#@{member}", error.Id);
        Assert.Contains("corrupt gzip member", error.Reason, StringComparison.Ordinal);
        Assert.Contains($"resumed at the gzip member at offset {offsets[5]}", error.Reason, StringComparison.Ordinal);
        Assert.Equal(["<p>Bài 1</p>", "<p>Bài 3</p>"], items.OfType<InputDocument>().Select(Text));
        Assert.IsType<InputSkipped>(items[5]);
    }

    [Fact]
    public void Corrupt_gzip_member_detected_by_crc_is_one_error_for_its_record()
    {
        using var dir = new TempDirectory();
        var offsets = new List<long>();
        var path = WriteCrawl(dir, gzip: true, offsets);
        var bytes = File.ReadAllBytes(path);
        var crcAt = (int)offsets[5] - 8; // the trailer of the response for page 2
        bytes[crcAt] ^= 0x5A;
        File.WriteAllBytes(path, bytes);

        var items = InputReader.Read(path).ToList();

        Assert.Equal(8, items.Count);
        var error = Assert.IsType<InputError>(items[4]);
        // The whole member is suspect, its header included: the error is named by the member's offset.
        Assert.Equal($"crawl.warc.gz#@{offsets[4]}", error.Id);
        Assert.Contains("CRC mismatch", error.Reason, StringComparison.Ordinal);
        Assert.Equal(2, items.OfType<InputDocument>().Count());
    }

    [Fact]
    public void Garbage_between_records_of_a_plain_warc_is_one_error_and_reading_resumes()
    {
        using var dir = new TempDirectory();
        var offsets = new List<long>();
        var path = WriteCrawl(dir, gzip: false, offsets);
        var bytes = File.ReadAllBytes(path).ToList();
        var junk = Encoding.ASCII.GetBytes("garbage line\r\nmore garbage\r\n");
        bytes.InsertRange((int)offsets[3], junk);
        File.WriteAllBytes(path, [.. bytes]);

        var items = InputReader.Read(path).ToList();

        Assert.Equal(9, items.Count);
        var error = Assert.IsType<InputError>(items[3]);
        Assert.Equal($"crawl.warc#@{offsets[3]}", error.Id);
        Assert.Contains($"{junk.Length} bytes", error.Reason, StringComparison.Ordinal);
        Assert.Equal(3, items.OfType<InputDocument>().Count());
    }

    [Fact]
    public void Record_with_a_wrong_content_length_is_an_error_and_the_next_record_is_read()
    {
        using var dir = new TempDirectory();
        var path = dir.File("len.warc");
        WriteWarc(path, w =>
        {
            w.WriteResponse("https://a.vn/1", 200, "OK", Html(), "<p>một</p>"u8, Date);
            w.WriteResponse("https://a.vn/2", 200, "OK", Html(), "<p>hai</p>"u8, Date);
        });
        var text = File.ReadAllText(path);
        var first = text.IndexOf("Content-Length: ", StringComparison.Ordinal);
        var end = text.IndexOf('\r', first);
        var length = int.Parse(text.AsSpan(first + 16, end - first - 16), System.Globalization.CultureInfo.InvariantCulture);
        File.WriteAllText(path, string.Concat(text.AsSpan(0, first + 16), (length - 5).ToString(System.Globalization.CultureInfo.InvariantCulture), text.AsSpan(end)));

        var items = InputReader.Read(path).ToList();

        Assert.Equal(2, items.Count);
        Assert.Contains("Content-Length", Assert.IsType<InputError>(items[0]).Reason, StringComparison.Ordinal);
        Assert.Equal("<p>hai</p>", Text(items[1]));
    }

    [Fact]
    public void Whole_file_single_gzip_stream_is_read()
    {
        using var dir = new TempDirectory();
        var plain = WriteCrawl(dir, gzip: false);
        var path = dir.File("whole.warc.gz");
        using (var output = File.Create(path))
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            gzip.Write(File.ReadAllBytes(plain));
        }

        var items = InputReader.Read(path).ToList();

        Assert.Equal(8, items.Count);
        Assert.Equal(["<p>Bài 1</p>", "<p>Bài 2</p>", "<p>Bài 3</p>"], items.OfType<InputDocument>().Select(Text));
        Assert.Equal("whole.warc.gz#urn:uuid:00000000-0000-4000-8000-000000000003", items[2].Id);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Body_over_the_size_limit_is_an_error_and_reading_goes_on(bool gzip)
    {
        using var dir = new TempDirectory();
        var path = dir.File(Name(gzip));
        WriteWarc(path, w =>
        {
            w.WriteResponse("https://a.vn/big", 200, "OK", Html(), new byte[3000], Date);
            w.WriteResponse("https://a.vn/bomb", 200, "OK", Html(more: ("Content-Encoding", "gzip")), Compress(new byte[100_000], s => new GZipStream(s, CompressionLevel.Optimal)), Date);
            w.WriteResponse("https://a.vn/small", 200, "OK", Html(), "<p>nhỏ</p>"u8, Date);
        });

        var items = InputReader.Read(path, new InputReadOptions { MaxEntryBytes = 2000 }).ToList();

        Assert.Equal(3, items.Count);
        Assert.Contains("entry too large", Assert.IsType<InputError>(items[0]).Reason, StringComparison.Ordinal);
        Assert.Contains("entry too large", Assert.IsType<InputError>(items[1]).Reason, StringComparison.Ordinal);
        Assert.Equal("<p>nhỏ</p>", Text(items[2]));
    }

    [Fact]
    public void Warc_is_recognised_by_its_content_whatever_its_name()
    {
        using var dir = new TempDirectory();
        var path = WriteCrawl(dir, gzip: true);
        var renamed = dir.File("download.bin");
        File.Move(path, renamed);

        Assert.Equal(8, InputReader.Read(renamed).Count());
    }

    internal static byte[] Compress(byte[] data, Func<Stream, Stream> wrap)
    {
        using var output = new MemoryStream();
        using (var compressor = wrap(output))
        {
            compressor.Write(data);
        }

        return output.ToArray();
    }
}

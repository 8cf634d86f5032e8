using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using DanVan.Extraction.Bulk;

namespace DanVan.Extraction.Tests.Bulk;

public sealed class ZipTests
{
    /// <summary>Writes a zip with the BCL (sizes in the local headers); a name ending in '/' is a directory entry.</summary>
    internal static void WriteZip(string path, params (string Name, byte[] Content)[] entries)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var file = File.Create(path);
        WriteZip(file, CompressionLevel.Optimal, entries);
    }

    private static void WriteZip(Stream stream, CompressionLevel level, params (string Name, byte[] Content)[] entries)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var (name, content) in entries)
        {
            var entry = zip.CreateEntry(name, level);
            if (!name.EndsWith('/'))
            {
                using var s = entry.Open();
                s.Write(content);
            }
        }
    }

    private static byte[] Html(string text) => Encoding.UTF8.GetBytes($"<html><body><p>{text}</p></body></html>");

    private static byte[] Noise(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    [Fact]
    public void Zip_with_nested_folders_yields_entries_in_archive_order_without_directory_entries()
    {
        using var dir = new TempDirectory();
        var path = dir.File("pages.zip");
        WriteZip(path,
            ("tin-tuc/", []),
            ("tin-tuc/2024/", []),
            ("tin-tuc/2024/b.html", Html("Hội nghị")),
            ("a.html", Html("Dân vận")),
            ("tin-tuc/c.txt", Encoding.UTF8.GetBytes(new string('x', 10_000))));

        var items = InputReader.Read(path).ToList();

        Assert.Equal(["pages.zip!/tin-tuc/2024/b.html", "pages.zip!/a.html", "pages.zip!/tin-tuc/c.txt"], items.Select(i => i.Id));
        Assert.All(items, i => Assert.True(i is InputDocument, (i as InputError)?.Reason));
        var docs = items.Cast<InputDocument>().ToList();
        Assert.Equal(Html("Hội nghị"), docs[0].Content.ToArray());
        Assert.Equal("text/html", docs[0].ContentType);
        Assert.Equal(10_000, docs[2].Content.Length);
        Assert.All(docs, d => Assert.Equal(path, d.SourcePath));
        Assert.All(docs, d => Assert.NotNull(d.Date));
    }

    [Fact]
    public void Zip_with_truncated_tail_recovers_the_entries_before_the_damage()
    {
        using var dir = new TempDirectory();
        var path = dir.File("cut.zip");
        var big = Noise(50_000, 1);
        WriteZip(path, ("a/1.html", Html("một")), ("a/", []), ("2.html", Html("hai")), ("3.bin", big));
        var length = new FileInfo(path).Length;
        using (var f = File.OpenWrite(path))
        {
            // Cut inside the last entry's data: the central directory and the end record are gone.
            f.SetLength(length - 20_000);
        }

        var items = InputReader.Read(path).ToList();

        Assert.Equal(4, items.Count);
        var archive = Assert.IsType<InputError>(items[0]);
        Assert.Equal("cut.zip", archive.Id);
        Assert.Contains("central directory not found", archive.Reason, StringComparison.Ordinal);
        Assert.Equal(Html("một"), Assert.IsType<InputDocument>(items[1]).Content.ToArray());
        Assert.Equal(Html("hai"), Assert.IsType<InputDocument>(items[2]).Content.ToArray());
        var cut = Assert.IsType<InputError>(items[3]);
        Assert.Equal("cut.zip!/3.bin", cut.Id);
        Assert.Contains("truncated", cut.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Zip_streamed_with_data_descriptors_and_truncated_tail_recovers_deflated_entries()
    {
        using var dir = new TempDirectory();
        var path = dir.File("stream.zip");
        using (var file = File.Create(path))
        using (var forwardOnly = new ForwardOnlyStream(file))
        {
            WriteZip(forwardOnly, CompressionLevel.Optimal, ("1.html", Html("một")), ("2.html", Html(new string('a', 5000))), ("3.html", Html("ba")));
        }

        var length = new FileInfo(path).Length;
        using (var f = File.OpenWrite(path))
        {
            f.SetLength(length - 30);
        }

        var items = InputReader.Read(path).ToList();

        Assert.IsType<InputError>(items[0]);
        Assert.Equal(["stream.zip", "stream.zip!/1.html", "stream.zip!/2.html", "stream.zip!/3.html"], items.Select(i => i.Id));
        Assert.Equal(Html(new string('a', 5000)), Assert.IsType<InputDocument>(items[2]).Content.ToArray());
        Assert.Equal(Html("ba"), Assert.IsType<InputDocument>(items[3]).Content.ToArray());
    }

    [Fact]
    public void Corrupt_entry_data_is_an_error_for_that_entry_and_the_rest_is_read()
    {
        using var dir = new TempDirectory();
        var path = dir.File("bad.zip");
        using (var file = File.Create(path))
        {
            WriteZip(file, CompressionLevel.NoCompression, ("1.html", Html("một")), ("2.html", Html("hai")), ("3.html", Html("ba")));
        }

        var bytes = File.ReadAllBytes(path);
        var at = IndexOf(bytes, Html("hai"));
        bytes[at + 20] ^= 0xFF;
        File.WriteAllBytes(path, bytes);

        var items = InputReader.Read(path).ToList();

        Assert.Equal(3, items.Count);
        Assert.IsType<InputDocument>(items[0]);
        var error = Assert.IsType<InputError>(items[1]);
        Assert.Equal("bad.zip!/2.html", error.Id);
        Assert.Contains("CRC", error.Reason, StringComparison.Ordinal);
        Assert.IsType<InputDocument>(items[2]);
    }

    [Fact]
    public void Entry_over_the_size_limit_is_an_error_and_reading_goes_on()
    {
        using var dir = new TempDirectory();
        var path = dir.File("big.zip");
        WriteZip(path, ("big.html", new byte[5000]), ("small.html", Html("nhỏ")));

        var items = InputReader.Read(path, new InputReadOptions { MaxEntryBytes = 1000 }).ToList();

        Assert.Equal(2, items.Count);
        Assert.Contains("entry too large", Assert.IsType<InputError>(items[0]).Reason, StringComparison.Ordinal);
        Assert.IsType<InputDocument>(items[1]);
    }

    [Fact]
    public void File_named_zip_that_is_not_a_zip_is_one_error()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("fake.zip", "<html>not a zip</html>");

        var error = Assert.IsType<InputError>(Assert.Single(InputReader.Read(path)));

        Assert.Equal("fake.zip", error.Id);
        Assert.Contains("not a zip", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Zip_with_damaged_central_directory_is_reported_and_recovered()
    {
        using var dir = new TempDirectory();
        var path = dir.File("cd.zip");
        WriteZip(path, ("1.html", Html("một")), ("2.html", Html("hai")));
        var bytes = File.ReadAllBytes(path);
        var central = LastIndexOf(bytes, "PK\x01\x02"u8.ToArray());
        bytes[central + 1] = (byte)'X';
        File.WriteAllBytes(path, bytes);

        var items = InputReader.Read(path).ToList();

        Assert.Equal(["cd.zip!/1.html", "cd.zip", "cd.zip!/2.html"], items.Select(i => i.Id));
        Assert.Contains("central directory damaged at entry 2", Assert.IsType<InputError>(items[1]).Reason, StringComparison.Ordinal);
        Assert.Equal(Html("hai"), Assert.IsType<InputDocument>(items[2]).Content.ToArray());
    }

    [Fact]
    public void Empty_zip_yields_nothing()
    {
        using var dir = new TempDirectory();
        var path = dir.File("empty.zip");
        WriteZip(path);

        Assert.Empty(InputReader.Read(path));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Zip_with_zip64_end_records_is_read(bool classicFieldsSaturated)
    {
        using var dir = new TempDirectory();
        var path = dir.File("z64.zip");
        WriteZip(path, ("a/1.html", Html("một")), ("2.html", Html("hai")));
        var zip = File.ReadAllBytes(path);
        var end = zip.AsSpan().LastIndexOf("PK\x05\x06"u8);
        var endRecord = zip.AsSpan(end, 22).ToArray();
        var count = BinaryPrimitives.ReadUInt16LittleEndian(endRecord.AsSpan(10));
        var cdSize = BinaryPrimitives.ReadUInt32LittleEndian(endRecord.AsSpan(12));
        var cdOffset = BinaryPrimitives.ReadUInt32LittleEndian(endRecord.AsSpan(16));
        var zip64End = new byte[56];
        BinaryPrimitives.WriteUInt32LittleEndian(zip64End, 0x06064B50);
        BinaryPrimitives.WriteUInt64LittleEndian(zip64End.AsSpan(4), 44);
        BinaryPrimitives.WriteUInt16LittleEndian(zip64End.AsSpan(12), 45);
        BinaryPrimitives.WriteUInt16LittleEndian(zip64End.AsSpan(14), 45);
        BinaryPrimitives.WriteUInt64LittleEndian(zip64End.AsSpan(24), count);
        BinaryPrimitives.WriteUInt64LittleEndian(zip64End.AsSpan(32), count);
        BinaryPrimitives.WriteUInt64LittleEndian(zip64End.AsSpan(40), cdSize);
        BinaryPrimitives.WriteUInt64LittleEndian(zip64End.AsSpan(48), cdOffset);
        var locator = new byte[20];
        BinaryPrimitives.WriteUInt32LittleEndian(locator, 0x07064B50);
        BinaryPrimitives.WriteUInt64LittleEndian(locator.AsSpan(8), (ulong)end);
        BinaryPrimitives.WriteUInt32LittleEndian(locator.AsSpan(16), 1);
        if (classicFieldsSaturated)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(endRecord.AsSpan(8), 0xFFFF);
            BinaryPrimitives.WriteUInt16LittleEndian(endRecord.AsSpan(10), 0xFFFF);
            BinaryPrimitives.WriteUInt32LittleEndian(endRecord.AsSpan(12), 0xFFFFFFFF);
            BinaryPrimitives.WriteUInt32LittleEndian(endRecord.AsSpan(16), 0xFFFFFFFF);
        }

        File.WriteAllBytes(path, [.. zip.AsSpan(0, end), .. zip64End, .. locator, .. endRecord]);

        var items = InputReader.Read(path).ToList();

        Assert.Equal(["z64.zip!/a/1.html", "z64.zip!/2.html"], items.Select(i => i.Id));
        Assert.Equal(Html("hai"), Assert.IsType<InputDocument>(items[1]).Content.ToArray());
    }

    [Fact]
    public void Zip_with_five_thousand_entries_streams_its_central_directory()
    {
        using var dir = new TempDirectory();
        var path = dir.File("many.zip");
        WriteZip(path, [.. Enumerable.Range(0, 5000).Select(i => ($"trang/{i:D5}/bai-viet-ve-cong-tac-dan-van.html", Html(i.ToString(System.Globalization.CultureInfo.InvariantCulture))))]);

        var start = GC.GetAllocatedBytesForCurrentThread();
        using var items = InputReader.Read(path).GetEnumerator();
        Assert.True(items.MoveNext());
        var toFirst = GC.GetAllocatedBytesForCurrentThread() - start;
        var count = 1;
        while (items.MoveNext())
        {
            Assert.IsType<InputDocument>(items.Current);
            count++;
        }

        Assert.Equal(5000, count);
        Assert.Equal("many.zip!/trang/04999/bai-viet-ve-cong-tac-dan-van.html", items.Current.Id);
        // A reader that loads the central directory (ZipArchive) allocates a record per entry, far more than this.
        Assert.True(toFirst < 512 * 1024, $"{toFirst} bytes allocated before the first entry");
    }

    private static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);

    private static int LastIndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().LastIndexOf(needle);

    /// <summary>A write-only stream that cannot seek, so the zip writer puts sizes in data descriptors.</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        private long _position;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            inner.Write(buffer, offset, count);
            _position += count;
        }
    }
}

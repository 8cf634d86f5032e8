using System.Text;
using DanVan.Extraction.Bulk;

namespace DanVan.Extraction.Tests.Bulk;

public sealed class WarcMemoryTests
{
    private const int Records = 5000;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Five_thousand_record_warc_is_read_lazily_with_bounded_allocation_per_item(bool gzip)
    {
        using var dir = new TempDirectory();
        var path = dir.File(gzip ? "big.warc.gz" : "big.warc");
        var random = new Random(42);
        var body = new StringBuilder();
        WarcTests.WriteWarc(path, w =>
        {
            for (var i = 0; i < Records; i++)
            {
                body.Clear().Append("<html><p>");
                for (var k = 0; k < 40; k++)
                {
                    body.Append(random.Next(1_000_000)).Append(" Hội nghị dân vận ");
                }

                body.Append("</p></html>");
                w.WriteResponse($"https://a.vn/{i}", 200, "OK", WarcTests.Html(), Encoding.UTF8.GetBytes(body.ToString()), WarcTests.Date);
            }
        });
        var fileLength = new FileInfo(path).Length;

        var start = GC.GetAllocatedBytesForCurrentThread();
        using var items = InputReader.Read(path).GetEnumerator();
        Assert.True(items.MoveNext());
        var toFirst = GC.GetAllocatedBytesForCurrentThread() - start;
        var count = 1;
        long bodies = ((InputDocument)items.Current).Content.Length;
        while (items.MoveNext())
        {
            bodies += Assert.IsType<InputDocument>(items.Current).Content.Length;
            count++;
        }

        var total = GC.GetAllocatedBytesForCurrentThread() - start;

        Assert.Equal(Records, count);
        Assert.True(fileLength > 2_000_000, $"archive of {fileLength} bytes is too small to tell buffering apart");
        // Reaching the first item costs fixed buffers, not a read of the archive.
        Assert.True(toFirst < 512 * 1024, $"{toFirst} bytes allocated before the first item");
        // Beyond the bodies themselves, each item costs a bounded few kilobytes (headers, ids, strings).
        var overheadPerItem = (total - bodies) / Records;
        Assert.True(overheadPerItem < 8 * 1024, $"{overheadPerItem} bytes allocated per item beyond its body");
    }
}

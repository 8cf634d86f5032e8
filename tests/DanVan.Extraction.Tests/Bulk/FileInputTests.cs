using System.Text;
using DanVan.Extraction.Bulk;

namespace DanVan.Extraction.Tests.Bulk;

public sealed class FileInputTests
{
    [Fact]
    public void Directory_tree_yields_every_file_in_ordinal_relative_path_order()
    {
        using var dir = new TempDirectory();
        dir.Write("b.html", "<p>b</p>");
        dir.Write("a/z.txt", "z");
        dir.Write("a.txt", "a");
        dir.Write("a/b/c.htm", "c");
        dir.Write("B.html", "upper");
        dir.Write("a b/x.html", "space");
        dir.Write("tin tức/bài 1.html", "bài");

        var items = InputReader.Read(dir.Path).ToList();

        var expected = new[] { "B.html", "a b/x.html", "a.txt", "a/b/c.htm", "a/z.txt", "b.html", "tin tức/bài 1.html" };
        Assert.Equal(expected, items.Select(i => i.Id));
        Assert.Equal(expected.Order(StringComparer.Ordinal), items.Select(i => i.Id));
        Assert.All(items, i => Assert.IsType<InputDocument>(i));
        var c = (InputDocument)items[3];
        Assert.Equal("c", Encoding.UTF8.GetString(c.Content.Span));
        Assert.Equal("text/html", c.ContentType);
        Assert.Equal(dir.File("a/b/c.htm"), c.SourcePath);
        Assert.NotNull(c.Date);
        Assert.Equal("text/plain", ((InputDocument)items[2]).ContentType);
    }

    [Fact]
    public void Archives_inside_a_directory_tree_are_expanded_with_prefixed_ids()
    {
        using var dir = new TempDirectory();
        dir.Write("1.html", "one");
        ZipTests.WriteZip(dir.File("sub/pages.zip"), ("x/a.html", "a"u8.ToArray()));
        WarcTests.WriteWarc(dir.File("sub/crawl.warc.gz"), w => w.WriteResponse("http://a.vn/", 200, "OK", WarcTests.Html(), "<p>w</p>"u8, WarcTests.Date));

        var ids = InputReader.Read(dir.Path).Select(i => i.Id).ToList();

        Assert.Equal(["1.html", "sub/crawl.warc.gz#urn:uuid:00000000-0000-4000-8000-000000000001", "sub/pages.zip!/x/a.html"], ids);
    }

    [Fact]
    public void Link_to_a_directory_is_skipped_not_followed()
    {
        using var dir = new TempDirectory();
        dir.Write("real/a.html", "a");
        Directory.CreateSymbolicLink(dir.File("link"), dir.File("real"));

        var items = InputReader.Read(dir.Path).ToList();

        Assert.Equal(["link/", "real/a.html"], items.Select(i => i.Id));
        Assert.Equal(InputSkipKind.NotDocument, Assert.IsType<InputSkipped>(items[0]).Kind);
    }

    [Fact]
    public void Single_file_is_one_document_named_by_its_file_name()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("page.html", "<html>xin chào</html>");

        var item = Assert.Single(InputReader.Read(path));

        var doc = Assert.IsType<InputDocument>(item);
        Assert.Equal("page.html", doc.Id);
        Assert.Equal(path, doc.SourcePath);
        Assert.Equal("<html>xin chào</html>", Encoding.UTF8.GetString(doc.Content.Span));
        Assert.Null(doc.Uri);
        Assert.Null(doc.Charset);
    }

    [Fact]
    public void Gzipped_single_file_is_decompressed()
    {
        using var dir = new TempDirectory();
        var path = dir.File("page.html.gz");
        using (var gzip = new System.IO.Compression.GZipStream(File.Create(path), System.IO.Compression.CompressionLevel.Fastest))
        {
            gzip.Write("<p>nén</p>"u8);
        }

        var doc = Assert.IsType<InputDocument>(Assert.Single(InputReader.Read(path)));

        Assert.Equal("<p>nén</p>", Encoding.UTF8.GetString(doc.Content.Span));
        Assert.Equal("text/html", doc.ContentType);
    }

    [Fact]
    public void Missing_path_is_one_error()
    {
        using var dir = new TempDirectory();

        var error = Assert.IsType<InputError>(Assert.Single(InputReader.Read(dir.File("nothing.html"))));

        Assert.Equal("nothing.html", error.Id);
        Assert.Contains("no such file", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void File_over_the_size_limit_is_an_error_and_the_tree_goes_on()
    {
        using var dir = new TempDirectory();
        dir.Write("a.html", new byte[100]);
        dir.Write("b.html", new byte[10]);

        var items = InputReader.Read(dir.Path, new InputReadOptions { MaxEntryBytes = 50 }).ToList();

        Assert.Equal(2, items.Count);
        Assert.Contains("entry too large", Assert.IsType<InputError>(items[0]).Reason, StringComparison.Ordinal);
        Assert.Equal(10, Assert.IsType<InputDocument>(items[1]).Content.Length);
    }

    [Fact]
    public void Reading_is_lazy_and_cancellable()
    {
        using var dir = new TempDirectory();
        dir.Write("a.html", "a");
        dir.Write("b.html", "b");
        using var cts = new CancellationTokenSource();

        var items = InputReader.Read(dir.Path, null, cts.Token);
        using var e = items.GetEnumerator();
        Assert.True(e.MoveNext());
        cts.Cancel();

        Assert.Throws<OperationCanceledException>(() => e.MoveNext());
    }

    [Fact]
    public void Options_out_of_range_throw_at_the_call()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => InputReader.Read("x", new InputReadOptions { MaxEntryBytes = 0 }));
        Assert.Throws<ArgumentException>(() => InputReader.Read(string.Empty));
    }
}

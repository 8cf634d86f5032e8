using System.IO.Compression;
using System.Text;
using DanVan.Extraction.Bulk;

namespace DanVan.Extraction.Tests.Bulk;

/// <summary>Damaged archives of every kind: reading ends normally, with error items, and never throws.</summary>
public sealed class DamageTests
{
    [Theory]
    [InlineData("crawl.warc")]
    [InlineData("crawl.warc.gz")]
    [InlineData("pages.zip")]
    public void Random_damage_never_throws(string name)
    {
        using var dir = new TempDirectory();
        var path = dir.File(name);
        if (name.EndsWith(".zip", StringComparison.Ordinal))
        {
            ZipTests.WriteZip(path, [.. Enumerable.Range(0, 6).Select(i => ($"d{i % 2}/{i}.html", Encoding.UTF8.GetBytes(new string((char)('a' + i), 300 + (i * 50)))))]);
        }
        else
        {
            WarcTests.WriteWarc(path, w =>
            {
                for (var i = 0; i < 6; i++)
                {
                    var body = Encoding.UTF8.GetBytes($"<p>{new string((char)('a' + i), 300)}</p>");
                    var headers = i % 2 == 0
                        ? WarcTests.Html(more: ("Content-Encoding", "gzip"))
                        : WarcTests.Html(more: ("Transfer-Encoding", "chunked"));
                    var wire = i % 2 == 0 ? WarcTests.Compress(body, s => new GZipStream(s, CompressionLevel.Fastest)) : WarcWriter.Chunk(body, 64);
                    w.WriteResponse($"https://a.vn/{i}", 200, "OK", headers, wire, WarcTests.Date);
                }
            });
        }

        var original = File.ReadAllBytes(path);
        var random = new Random(7);
        var sawError = false;
        for (var round = 0; round < 150; round++)
        {
            var bytes = (byte[])original.Clone();
            var damage = random.Next(3);
            if (damage == 0)
            {
                for (var k = 0; k < 1 + random.Next(4); k++)
                {
                    bytes[random.Next(bytes.Length)] ^= (byte)(1 + random.Next(255));
                }
            }
            else if (damage == 1)
            {
                bytes = bytes[..random.Next(1, bytes.Length)];
            }
            else
            {
                var at = random.Next(bytes.Length);
                var length = Math.Min(random.Next(1, 200), bytes.Length - at);
                random.NextBytes(bytes.AsSpan(at, length));
            }

            File.WriteAllBytes(path, bytes);

            var items = InputReader.Read(path).ToList();

            Assert.All(items, i => Assert.StartsWith(name, i.Id, StringComparison.Ordinal));
            sawError |= items.Any(i => i is InputError);
        }

        Assert.True(sawError);
    }
}

using System.CommandLine;
using DanVan.Extraction.Cli;

namespace DanVan.Extraction.Tests.Bulk;

public sealed class BulkCommandTests
{
    private static Task<int> Danvan(params string[] args)
    {
        var root = new RootCommand();
        foreach (var command in Commands.All())
        {
            root.Subcommands.Add(command);
        }

        return root.Parse(args).InvokeAsync();
    }

    [Fact]
    public async Task Bulk_writes_every_output_quietly()
    {
        using var dir = new TempDirectory();
        dir.Write("in/a.html", BulkRunnerTests.Corpus("joomla", "001"));
        dir.Write("in/b.txt", string.Empty);
        var outDir = Path.Combine(dir.Path, "out");

        var exit = await Danvan("bulk", Path.Combine(dir.Path, "in"), "--out", outDir, "--quiet", "--jobs", "1");

        Assert.Equal(0, exit);
        foreach (var file in new[] { "records.jsonl", "records.csv", "persons.csv", "figures.csv", "campaigns.csv", "speakers.csv", "errors.jsonl", "done.jsonl", "summary.json" })
        {
            Assert.True(File.Exists(Path.Combine(outDir, file)), file);
        }

        Assert.Equal(2, File.ReadAllLines(Path.Combine(outDir, "done.jsonl")).Length);
    }

    [Theory]
    [InlineData("--shard", "2/2")]
    [InlineData("--shard", "x")]
    [InlineData("--jobs", "0")]
    public async Task Bulk_rejects_bad_options(string option, string value)
    {
        using var dir = new TempDirectory();

        var exit = await Danvan("bulk", dir.Path, "--out", Path.Combine(dir.Path, "out"), "--quiet", option, value);

        Assert.Equal(2, exit);
    }

    [Fact]
    public async Task Bulk_generate_is_deterministic_for_a_seed()
    {
        using var dir = new TempDirectory();
        var corpus = Path.Combine(RepoPaths.Corpus, "pages");

        Assert.Equal(0, await Danvan("bulk-generate", "--pages", "5", "--seed", "11", "--corpus", corpus, "--out", dir.File("a.warc")));
        Assert.Equal(0, await Danvan("bulk-generate", "--pages", "5", "--seed", "11", "--corpus", corpus, "--out", dir.File("b.warc")));

        Assert.Equal(File.ReadAllBytes(dir.File("a.warc")), File.ReadAllBytes(dir.File("b.warc")));
        Assert.Equal(6, DanVan.Extraction.Bulk.InputReader.Read(dir.File("a.warc")).Count());
    }
}

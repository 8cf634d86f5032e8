using System.Text.Json;

namespace DanVan.Extraction.Tests.Cli;

public class ExtractCommandTests
{
    private static string Page(string kind, string id) => Path.Combine(RepoPaths.Corpus, "pages", kind, id + ".html");

    [Fact]
    public void One_page_gives_one_indented_record()
    {
        var result = CliRunner.Run(null, "extract", Page("newspaper", "001"));
        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.StdOut);
        Assert.Equal(JsonValueKind.Object, doc.RootElement.ValueKind);
        Assert.Equal("giao ban", doc.RootElement.GetProperty("meeting").GetProperty("kind").GetString());
        Assert.False(string.IsNullOrEmpty(doc.RootElement.GetProperty("source").GetProperty("title").GetString()));
        Assert.Contains('\n', result.StdOut.Trim());
    }

    [Fact]
    public void Bad_inputs_are_reported_and_the_others_still_processed_in_order()
    {
        using var dir = new TempDirectory();
        var empty = dir.Write("empty.html", []);
        var binary = dir.Write("image.html", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01, 0x02, 0x00]);
        var text = dir.Write("seed.txt", File.ReadAllBytes(RepoPaths.SeedFiles().First()));
        var missing = Path.Combine(dir.Path, "missing.html");

        var result = CliRunner.Run(null, "extract", Page("wordpress", "001"), empty, binary, missing, text, "--format", "jsonl");

        Assert.Equal(1, result.ExitCode);
        var lines = result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.EndsWith("001.html", JsonDocument.Parse(lines[0]).RootElement.GetProperty("source").GetProperty("path").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("seed.txt", JsonDocument.Parse(lines[1]).RootElement.GetProperty("source").GetProperty("path").GetString(), StringComparison.Ordinal);
        Assert.Contains(empty + ": empty input", result.StdErr, StringComparison.Ordinal);
        Assert.Contains(binary + ": binary content", result.StdErr, StringComparison.Ordinal);
        Assert.Contains(missing + ": no such file or directory", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_is_read_recursively_in_sorted_order_into_a_json_array()
    {
        using var dir = new TempDirectory();
        var seeds = RepoPaths.SeedFiles().Take(3).ToArray();
        dir.Write("b/2.txt", File.ReadAllBytes(seeds[1]));
        dir.Write("a.txt", File.ReadAllBytes(seeds[0]));
        dir.Write("b/1.txt", File.ReadAllBytes(seeds[2]));

        var result = CliRunner.Run(null, "extract", dir.Path);

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.StdOut);
        var paths = doc.RootElement.EnumerateArray().Select(r => Path.GetRelativePath(dir.Path, r.GetProperty("source").GetProperty("path").GetString()!)).ToArray();
        Assert.Equal(["a.txt", Path.Combine("b", "1.txt"), Path.Combine("b", "2.txt")], paths);
    }

    [Fact]
    public void Csv_goes_to_the_out_file_with_one_row_per_record()
    {
        using var dir = new TempDirectory();
        var csv = Path.Combine(dir.Path, "records.csv");
        var result = CliRunner.Run(null, "extract", Page("joomla", "003"), Page("liferay", "001"), "--format", "csv", "--out", csv, "--published", "2020-01-01");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.StdOut);
        var rows = File.ReadAllLines(csv);
        Assert.Equal(3, rows.Length);
        Assert.StartsWith("source,title,published,", rows[0], StringComparison.Ordinal);
        Assert.Contains("tcvn3", rows[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_published_date_is_refused()
    {
        var result = CliRunner.Run(null, "extract", Page("joomla", "003"), "--published", "21/09/2023");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("YYYY-MM-DD", result.StdErr, StringComparison.Ordinal);
    }
}

using System.IO.Compression;
using System.Text;
using System.Text.Json;
using DanVan.Extraction.Bulk;
using DanVan.Extraction.Cli;
using DanVan.Extraction.Records;

namespace DanVan.Extraction.Tests.Bulk;

public sealed class BulkRunnerTests
{
    private static readonly MeetingExtractor Extractor = MeetingExtractor.CreateDefault();
    private static readonly Lazy<SyntheticPages> Pages = new(() => SyntheticPages.Load(Path.Combine(RepoPaths.Corpus, "pages")));

    internal static Task<BulkSummary> RunAsync(string outDir, IReadOnlyList<string> inputs, Func<BulkOptions, BulkOptions>? tweak = null, CancellationToken ct = default)
    {
        var options = new BulkOptions { OutputDirectory = outDir, Parallelism = 2, QueueCapacity = 4, CountInputs = false };
        return new BulkRunner(Extractor, tweak is null ? options : tweak(options)).RunAsync(inputs, ct);
    }

    internal static List<JsonElement> Lines(string path) =>
        [.. File.ReadAllLines(path).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    internal static string Corpus(string kind, string number) => File.ReadAllText(Path.Combine(RepoPaths.Corpus, "pages", kind, number + ".html"), Encoding.UTF8);

    private static List<string> Body(string kind, string number)
    {
        using var gold = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(RepoPaths.Corpus, "pages", kind, number + ".gold.json")));
        return [.. gold.RootElement.GetProperty("body").EnumerateArray().Select(p => p.GetString()!)];
    }

    /// <summary>Every outcome kind: pages, a repeat, an empty page, a 404, an image, a warcinfo, damage, a corrupt zip entry, a text file.</summary>
    private static List<string> MixedInputs(TempDirectory dir)
    {
        var article = Encoding.UTF8.GetBytes(Corpus("joomla", "001"));
        var other = Encoding.UTF8.GetBytes(Corpus("wordpress", "001"));
        var date = new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero);
        KeyValuePair<string, string>[] html = [new("Content-Type", "text/html; charset=utf-8")];
        using var warc = new MemoryStream();
        using (var writer = new WarcWriter(warc, gzipPerRecord: false, leaveOpen: true))
        {
            writer.WriteWarcinfo("software: test\r\n", date);
            writer.WriteRequest("https://a.example.vn/1.html", date);
            writer.WriteResponse("https://a.example.vn/1.html", 200, "OK", html, article, date);
            writer.WriteResponse("https://b.example.vn/copy.html", 200, "OK", html, article, date);
            writer.WriteResponse("https://a.example.vn/empty.html", 200, "OK", html, [], date);
            writer.WriteResponse("https://a.example.vn/missing.html", 404, "Not Found", html, "<html>404</html>"u8, date);
            writer.WriteResponse("https://a.example.vn/logo.png", 200, "OK", [new("Content-Type", "image/png")], [0x89, 0x50, 0x4e, 0x47], date);
            writer.WriteResponse("https://a.example.vn/2.html", 200, "OK", html, other, date);
        }

        warc.Write("this is not a WARC record\r\n\r\n"u8);
        warc.Write("WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:truncated>\r\nContent-Length: 5000\r\n\r\nHTTP/1.1 200 OK\r\n"u8);
        var warcPath = dir.Write("crawl.warc", warc.ToArray());

        var zipPath = dir.File("pages.zip");
        using (var file = File.Create(zipPath))
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            foreach (var (name, content) in new[] { ("liferay-001.html", Encoding.UTF8.GetBytes(Corpus("liferay", "001"))), ("broken.html", Encoding.UTF8.GetBytes("<html><body>CORRUPTME-CORRUPTME-CORRUPTME</body></html>")), ("note.txt", Encoding.UTF8.GetBytes("Hôm nay trời đẹp.")) })
            {
                using var s = zip.CreateEntry(name, CompressionLevel.NoCompression).Open();
                s.Write(content);
            }
        }

        var bytes = File.ReadAllBytes(zipPath);
        var at = bytes.AsSpan().IndexOf("CORRUPTME-CORRUPTME"u8);
        "XXXXXXXXX"u8.CopyTo(bytes.AsSpan(at));
        File.WriteAllBytes(zipPath, bytes);

        var folder = Path.Combine(dir.Path, "folder");
        dir.Write("folder/sharepoint-001.html", Corpus("sharepoint", "001"));
        dir.Write("folder/empty.html", []);
        return [warcPath, zipPath, folder, Path.Combine(dir.Path, "no-such-file.warc")];
    }

    [Fact]
    public async Task Mixed_archive_with_damage_ends_every_input_exactly_once_and_the_summary_adds_up()
    {
        using var dir = new TempDirectory();
        var inputs = MixedInputs(dir);
        var expected = inputs.SelectMany(i => InputReader.Read(i)).Select(i => i.Id).ToList();
        var outDir = Path.Combine(dir.Path, "out");

        var summary = await RunAsync(outDir, inputs);

        var done = Lines(Path.Combine(outDir, "done.jsonl"));
        Assert.Equal(expected.Order(StringComparer.Ordinal), done.Select(d => d.GetProperty("inputId").GetString()!).Order(StringComparer.Ordinal));
        Assert.True(summary.Completed);
        Assert.Equal(expected.Count, summary.Inputs);
        Assert.Equal(summary.Inputs, summary.Records + summary.Duplicates + summary.Skipped + summary.Errors);
        Assert.Equal(summary.Records, File.ReadAllLines(Path.Combine(outDir, "records.jsonl")).Length);
        Assert.Equal(summary.Records + 1, File.ReadAllLines(Path.Combine(outDir, "records.csv")).Length);
        Assert.Equal(summary.Errors, File.ReadAllLines(Path.Combine(outDir, "errors.jsonl")).Length);
        Assert.Equal(5, summary.Records);
        Assert.True(summary.Errors >= 3, "damage between records, a truncated record, a corrupt zip entry, a missing file");

        string Outcome(string id) => done.SingleOrDefault(d => d.GetProperty("inputId").GetString()!.EndsWith(id, StringComparison.Ordinal)).ValueKind == JsonValueKind.Undefined
            ? "missing from " + string.Join(" | ", done.Select(d => d.GetProperty("inputId").GetString() + " " + d.GetProperty("outcome").GetString()))
            : done.Single(d => d.GetProperty("inputId").GetString()!.EndsWith(id, StringComparison.Ordinal)).GetProperty("outcome").GetString()!;
        Assert.Contains(done, d => d.GetProperty("inputId").GetString()!.StartsWith("pages.zip", StringComparison.Ordinal) && d.GetProperty("outcome").GetString() == "error");
        Assert.Equal("error", Outcome("no-such-file.warc"));
        Assert.Equal("skipped", Outcome("empty.html"));
        Assert.Equal("record", Outcome("note.txt"));
        var copy = done.Single(d => d.GetProperty("outcome").GetString() == "duplicate");
        var first = done.First(d => d.GetProperty("outcome").GetString() == "record");
        Assert.Equal(first.GetProperty("recordId").GetString(), copy.GetProperty("duplicateOf").GetString());

        using var summaryJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        var outcomes = summaryJson.RootElement.GetProperty("outcomes");
        Assert.Equal(summary.Inputs, outcomes.EnumerateObject().Sum(o => o.Value.GetInt64()));
        Assert.True(summaryJson.RootElement.GetProperty("peakWorkingSetBytes").GetInt64() > 0);
    }

    [Fact]
    public async Task Records_carry_their_id_and_the_csv_tables_are_keyed_by_it()
    {
        using var dir = new TempDirectory();
        dir.Write("in/a.html", Corpus("joomla", "001"));
        var outDir = Path.Combine(dir.Path, "out");

        await RunAsync(outDir, [Path.Combine(dir.Path, "in")]);

        var record = Assert.Single(Lines(Path.Combine(outDir, "records.jsonl")));
        var id = record.GetProperty("recordId").GetString()!;
        Assert.Equal("a.html", record.GetProperty("inputId").GetString());
        Assert.Matches("^[0-9a-f]{16}$", id);
        var figures = File.ReadAllLines(Path.Combine(outDir, "figures.csv"));
        Assert.Equal("record_id,ord,text,value,unit,qualifier,start,end", figures[0]);
        Assert.True(figures.Length > 1);
        Assert.All(figures.Skip(1), row => Assert.StartsWith(id + ",", row, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_same_body_in_two_portal_templates_is_a_duplicate_of_the_first()
    {
        var pages = Pages.Value;
        var a = 0;
        var b = Enumerable.Range(1, pages.TemplateCount - 1).First(i => pages.TemplateKind(i) != pages.TemplateKind(a));
        var body = Body("joomla", "002");
        using var dir = new TempDirectory();
        dir.Write("in/1.html", pages.Page(a, "Hội nghị tổng kết công tác dân vận", body));
        dir.Write("in/2.html", pages.Page(b, "Hội nghị tổng kết công tác dân vận", body));
        var outDir = Path.Combine(dir.Path, "out");

        var summary = await RunAsync(outDir, [Path.Combine(dir.Path, "in")]);

        var done = Lines(Path.Combine(outDir, "done.jsonl"));
        Assert.Equal(1, summary.Records);
        Assert.Equal(1, summary.Duplicates);
        Assert.Equal("duplicate", done[1].GetProperty("outcome").GetString());
        Assert.Equal(done[0].GetProperty("recordId").GetString(), done[1].GetProperty("duplicateOf").GetString());
        Assert.Single(File.ReadAllLines(Path.Combine(outDir, "records.jsonl")));
    }

    [Fact]
    public async Task Repeated_bytes_are_not_extracted_again_and_share_the_first_outcome()
    {
        using var dir = new TempDirectory();
        dir.Write("in/1-page.html", Corpus("joomla", "001"));
        dir.Write("in/2-page-copy.html", Corpus("joomla", "001"));
        dir.Write("in/3-menu.html", "<html><body><ul><li>Trang chủ</li></ul></body></html>");
        dir.Write("in/4-menu-copy.html", "<html><body><ul><li>Trang chủ</li></ul></body></html>");
        var outDir = Path.Combine(dir.Path, "out");

        await RunAsync(outDir, [Path.Combine(dir.Path, "in")]);

        var done = Lines(Path.Combine(outDir, "done.jsonl"));
        Assert.Equal(["record", "duplicate", "skipped", "skipped"], done.Select(d => d.GetProperty("outcome").GetString()));
        Assert.Equal(done[0].GetProperty("recordId").GetString(), done[1].GetProperty("duplicateOf").GetString());
        Assert.StartsWith("same bytes as 3-menu.html: not an article", done[3].GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_negative_distance_turns_near_duplicates_off()
    {
        var body = Body("joomla", "002");
        using var dir = new TempDirectory();
        dir.Write("in/1.html", Pages.Value.Page(0, "Hội nghị", body));
        dir.Write("in/2.html", Pages.Value.Page(1, "Hội nghị", body));
        var outDir = Path.Combine(dir.Path, "out");

        var summary = await RunAsync(outDir, [Path.Combine(dir.Path, "in")], o => o with { DuplicateDistance = -1 });

        Assert.Equal(2, summary.Records);
    }

    [Fact]
    public async Task Two_different_articles_of_the_same_site_are_not_duplicates()
    {
        using var dir = new TempDirectory();
        dir.Write("in/1.html", Corpus("joomla", "001"));
        dir.Write("in/2.html", Corpus("joomla", "002"));
        dir.Write("in/3.html", Pages.Value.Page(0, "Một bài khác", Body("liferay", "002")));
        dir.Write("in/4.html", Pages.Value.Page(0, "Một bài khác nữa", Body("newspaper", "001")));
        var outDir = Path.Combine(dir.Path, "out");

        var summary = await RunAsync(outDir, [Path.Combine(dir.Path, "in")]);

        Assert.Equal(4, summary.Records);
        Assert.Equal(0, summary.Duplicates);
    }

    [Fact]
    public async Task A_run_stopped_half_way_and_resumed_ends_with_every_input_once()
    {
        using var dir = new TempDirectory();
        var warc = dir.File("pages.warc.gz");
        Pages.Value.WriteWarc(warc, 30, seed: 3);
        var fresh = Path.Combine(dir.Path, "fresh");
        var full = await RunAsync(fresh, [warc]);
        var outDir = Path.Combine(dir.Path, "out");

        using var stop = new CancellationTokenSource();
        var first = await RunAsync(outDir, [warc], o => o with { Progress = p => { if (p.Done >= 8) { stop.Cancel(); } } }, stop.Token);
        // A kill mid-write leaves half lines behind the last ledger line.
        File.AppendAllText(Path.Combine(outDir, "records.jsonl"), "{\"recordId\":\"half");
        File.AppendAllText(Path.Combine(outDir, "records.csv"), "half,row");
        File.AppendAllText(Path.Combine(outDir, "done.jsonl"), "{\"key\":\"half");
        var second = await RunAsync(outDir, [warc], o => o with { Resume = true });

        Assert.False(first.Completed);
        Assert.True(first.Processed < full.Inputs);
        Assert.True(second.Completed);
        Assert.Equal(first.Processed, second.Resumed);
        Assert.Equal(full.Inputs, second.Inputs);
        var ids = Lines(Path.Combine(outDir, "done.jsonl")).Select(d => d.GetProperty("inputId").GetString()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(Lines(Path.Combine(fresh, "done.jsonl")).Select(d => d.GetProperty("inputId").GetString()).Order(), ids.Order());
        Assert.Equal(File.ReadAllLines(Path.Combine(fresh, "records.jsonl")).Order(StringComparer.Ordinal), File.ReadAllLines(Path.Combine(outDir, "records.jsonl")).Order(StringComparer.Ordinal));
        Assert.Equal(File.ReadAllLines(Path.Combine(fresh, "records.csv")).Order(StringComparer.Ordinal), File.ReadAllLines(Path.Combine(outDir, "records.csv")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_danvan_process_killed_half_way_and_resumed_ends_with_every_input_once()
    {
        using var dir = new TempDirectory();
        var warc = dir.File("pages.warc");
        Pages.Value.WriteWarc(warc, 40, seed: 9);
        var outDir = Path.Combine(dir.Path, "out");
        var done = Path.Combine(outDir, "done.jsonl");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "danvan.dll"), "bulk", warc, "--out", outDir, "--quiet", "--jobs", "1" })
        {
            start.ArgumentList.Add(arg);
        }

        using (var child = System.Diagnostics.Process.Start(start)!)
        {
            // Kill (no clean shutdown) as soon as some inputs are done; a run that finished first is not a kill.
            while (!child.HasExited && (!File.Exists(done) || File.ReadAllLines(done).Length < 5))
            {
                await Task.Delay(20);
            }

            if (!child.HasExited)
            {
                child.Kill(entireProcessTree: true);
            }

            await child.WaitForExitAsync();
        }

        var before = File.ReadAllLines(done).Length;
        var summary = await RunAsync(outDir, [warc], o => o with { Resume = true });

        Assert.True(summary.Completed);
        Assert.Equal(41, summary.Inputs);
        Assert.True(summary.Resumed >= 5 && summary.Resumed <= before, $"{summary.Resumed} resumed of {before} ledger lines");
        var ids = Lines(done).Select(d => d.GetProperty("inputId").GetString()).ToList();
        Assert.Equal(InputReader.Read(warc).Select(i => i.Id).Order(), ids.Order());
        var recordIds = Lines(Path.Combine(outDir, "records.jsonl")).Select(r => r.GetProperty("recordId").GetString()).ToList();
        Assert.Equal(summary.Records, recordIds.Count);
        Assert.Equal(recordIds.Count, recordIds.Distinct().Count());
        Assert.Equal(summary.Records + 1, File.ReadAllLines(Path.Combine(outDir, "records.csv")).Length);
    }

    [Fact]
    public async Task Resuming_a_finished_run_redoes_nothing()
    {
        using var dir = new TempDirectory();
        dir.Write("in/a.html", Corpus("joomla", "001"));
        var outDir = Path.Combine(dir.Path, "out");
        await RunAsync(outDir, [Path.Combine(dir.Path, "in")]);

        var again = await RunAsync(outDir, [Path.Combine(dir.Path, "in")], o => o with { Resume = true });

        Assert.Equal(0, again.Processed);
        Assert.Equal(1, again.Records);
        Assert.Single(File.ReadAllLines(Path.Combine(outDir, "records.jsonl")));
    }

    [Fact]
    public async Task Shards_partition_the_inputs()
    {
        using var dir = new TempDirectory();
        var inputs = MixedInputs(dir);
        var all = inputs.SelectMany(i => InputReader.Read(i)).Select(i => i.Id).ToList();
        var seen = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var outDir = Path.Combine(dir.Path, "out" + i);
            var summary = await RunAsync(outDir, inputs, o => o with { Shard = new BulkShard(i, 3) });
            var ids = Lines(Path.Combine(outDir, "done.jsonl")).Select(d => d.GetProperty("inputId").GetString()!).ToList();
            Assert.Equal(summary.Inputs, ids.Count);
            Assert.All(ids, id => Assert.True(new BulkShard(i, 3).Contains(id)));
            seen.AddRange(ids);
        }

        Assert.Equal(all.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Shard_membership_is_a_stable_partition()
    {
        var ids = Enumerable.Range(0, 1000).Select(i => $"crawl.warc.gz#<urn:uuid:{i}>").ToList();
        foreach (var id in ids)
        {
            Assert.Equal(1, Enumerable.Range(0, 7).Count(i => new BulkShard(i, 7).Contains(id)));
        }

        Assert.All(Enumerable.Range(0, 7), i => Assert.InRange(ids.Count(id => new BulkShard(i, 7).Contains(id)), 100, 190));
        // FNV-1a 64 of "a" is fixed by its definition: runs on other machines agree.
        Assert.Equal(0xaf63dc4c8601ec8cUL, StableHash.Fnv1a64("a"));
    }

    [Theory]
    [InlineData("0/1", 0, 1)]
    [InlineData("3/8", 3, 8)]
    public void Shard_parses(string text, int index, int count)
    {
        Assert.True(BulkShard.TryParse(text, out var shard));
        Assert.Equal(new BulkShard(index, count), shard);
        Assert.Equal(text, shard.ToString());
    }

    [Theory]
    [InlineData("1/1")]
    [InlineData("-1/2")]
    [InlineData("2")]
    [InlineData("a/b")]
    [InlineData("0/0")]
    public void Bad_shards_do_not_parse(string text) => Assert.False(BulkShard.TryParse(text, out _));

    [Fact]
    public void SimHash_ignores_case_punctuation_and_spacing()
    {
        var body = string.Join(" ", Body("joomla", "001"));
        var restyled = body.Replace(",", " ,", StringComparison.Ordinal).Replace(". ", ".\n\n", StringComparison.Ordinal).ToUpperInvariant();

        Assert.Equal(SimHash.Compute(body), SimHash.Compute(restyled));
    }

    [Fact]
    public void SimHash_keeps_a_one_word_edit_close_and_another_article_far()
    {
        var body = string.Join(" ", Body("joomla", "001"));
        var at = body.IndexOf("hội nghị", StringComparison.Ordinal);
        var edited = body[..at] + "cuộc họp" + body[(at + "hội nghị".Length)..];
        var other = string.Join(" ", Body("joomla", "002"));

        Assert.NotEqual(body, edited);
        Assert.InRange(SimHash.Distance(SimHash.Compute(body), SimHash.Compute(edited)), 0, 3);
        Assert.True(SimHash.Distance(SimHash.Compute(body), SimHash.Compute(other)) > 10);
    }

    [Fact]
    public void Near_duplicate_index_finds_every_hash_within_three_bits_and_no_other()
    {
        var index = new NearDuplicateIndex(3);
        var random = new Random(5);
        var hashes = Enumerable.Range(0, 2000).Select(_ => (ulong)random.NextInt64() ^ ((ulong)random.Next() << 63)).ToList();
        for (var i = 0; i < hashes.Count; i++)
        {
            index.Add(hashes[i], (ulong)i);
        }

        for (var i = 0; i < 200; i++)
        {
            var bits = (1UL << random.Next(64)) | (1UL << random.Next(64)) | (1UL << random.Next(64));
            Assert.Equal((ulong)i, index.Find(hashes[i] ^ bits));
        }

        Assert.Null(index.Find(hashes[0] ^ 0xFUL));
    }
}

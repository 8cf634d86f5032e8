using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using DanVan.Extraction.Bulk;
using DanVan.Extraction.Records;
using Spectre.Console;

namespace DanVan.Extraction.Cli;

/// <summary>
/// <c>danvan bulk INPUT... --out DIR [--resume] [--shard i/N] [--db CONNECTION] [--jobs N] [--quiet]</c>: meeting
/// records of every page in directories, zips and WARCs, in parallel, into an output folder (see
/// <see cref="BulkRunner"/> and docs/bulk.md).
/// </summary>
internal static class BulkCommand
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);

    public static Command Create()
    {
        var inputs = new Argument<string[]>("input") { Description = "Directories, zip files, WARC files (.warc, .warc.gz), or pages.", Arity = ArgumentArity.OneOrMore };
        var outDir = new Option<DirectoryInfo>("--out") { Description = "Output folder.", Required = true };
        var resume = new Option<bool>("--resume") { Description = "Go on with a run stopped half way: inputs already done in --out are not redone." };
        var shard = new Option<string?>("--shard") { Description = "Process shard i of N (i/N, 0 ≤ i < N) by a stable hash of the input id." };
        var db = new Option<string?>("--db") { Description = "Also load records into PostgreSQL (Npgsql connection string; schema created when missing)." };
        var jobs = new Option<int>("--jobs") { Description = "Extraction workers (default: the number of cores).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var quiet = new Option<bool>("--quiet") { Description = "No progress on standard error." };
        var command = new Command("bulk", "Extract records from many archived pages in parallel, resumably.") { inputs, outDir, resume, shard, db, jobs, quiet };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var part = BulkShard.All;
            if (parse.GetValue(shard) is { } s && !BulkShard.TryParse(s, out part))
            {
                return CliIO.Fail($"--shard must be i/N with 0 ≤ i < N, not '{s}'");
            }

            if (parse.GetValue(jobs) < 1)
            {
                return CliIO.Fail("--jobs must be at least 1");
            }

            PostgresSink? sink = null;
            try
            {
                if (parse.GetValue(db) is { Length: > 0 } connection)
                {
                    sink = PostgresSink.Open(connection);
                }
            }
            catch (Exception ex) when (ex is Npgsql.NpgsqlException or ArgumentException or InvalidOperationException)
            {
                return CliIO.Fail("--db: " + ex.Message);
            }

            using (sink)
            {
                var latest = new ProgressBox();
                var options = new BulkOptions
                {
                    OutputDirectory = parse.GetValue(outDir)!.FullName,
                    Resume = parse.GetValue(resume),
                    Shard = part,
                    Parallelism = parse.GetValue(jobs),
                    Progress = p => latest.Value = p,
                    CountInputs = !parse.GetValue(quiet),
                    Sinks = sink is null ? [] : [sink],
                };
                var runner = new BulkRunner(MeetingExtractor.CreateDefault(), options);
                // SIGTERM (a Kubernetes pod being stopped, kill) stops as cleanly as Ctrl+C: the summary is written.
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                using var term = OnTerminate(stop);
                var run = runner.RunAsync(parse.GetValue(inputs)!, stop.Token);
                if (!parse.GetValue(quiet))
                {
                    await (Console.IsErrorRedirected ? PlainProgressAsync(run, latest) : BarAsync(run, latest)).ConfigureAwait(false);
                }

                BulkSummary summary;
                try
                {
                    summary = await run.ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is Npgsql.NpgsqlException or IOException or UnauthorizedAccessException or ArgumentException)
                {
                    return CliIO.Fail(ex.Message + " (the outputs are consistent: --resume goes on)");
                }

                if (!parse.GetValue(quiet))
                {
                    Console.Error.WriteLine(Line(summary));
                }

                return summary.Completed ? 0 : 130;
            }
        });
        return command;
    }

    private static PosixSignalRegistration? OnTerminate(CancellationTokenSource stop)
    {
        try
        {
            return PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                stop.Cancel();
            });
        }
        catch (PlatformNotSupportedException)
        {
            return null;
        }
    }

    internal static string Line(BulkSummary s) => string.Create(
        CultureInfo.InvariantCulture,
        $"danvan bulk: {s.Inputs} inputs: {s.Records} records, {s.Duplicates} duplicates, {s.Skipped} skipped, {s.Errors} errors; {s.Processed} this run in {s.Elapsed.TotalSeconds:F1} s ({s.PagesPerSecond:F1} pages/s), peak working set {s.PeakWorkingSetBytes / (1024 * 1024)} MB{(s.Completed ? string.Empty : "; stopped early, --resume goes on")}");

    internal static string Line(BulkProgress p) => string.Create(
        CultureInfo.InvariantCulture,
        $"danvan bulk: {p.Done}{(p.Total is { } t ? "/" + t.ToString(CultureInfo.InvariantCulture) : string.Empty)} pages, {p.PagesPerSecond:F1} pages/s, ETA {(p.Remaining is { } r ? r.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) : "unknown")}");

    private static async Task PlainProgressAsync(Task run, ProgressBox latest)
    {
        while (await Task.WhenAny(run, Task.Delay(PlainInterval)).ConfigureAwait(false) != run)
        {
            if (latest.Value is { } p)
            {
                await Console.Error.WriteLineAsync(Line(p)).ConfigureAwait(false);
            }
        }
    }

    private static Task BarAsync(Task run, ProgressBox latest)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("pages", maxValue: 1);
                task.IsIndeterminate = true;
                while (await Task.WhenAny(run, Task.Delay(250)).ConfigureAwait(false) != run)
                {
                    Update(task, latest.Value);
                }

                Update(task, latest.Value);
                task.StopTask();
            });
    }

    private static void Update(ProgressTask task, BulkProgress? p)
    {
        if (p is null)
        {
            return;
        }

        if (p.Total is { } total)
        {
            task.IsIndeterminate = false;
            task.MaxValue = Math.Max(1, total);
        }

        task.Value = p.Done;
        task.Description = string.Create(CultureInfo.InvariantCulture, $"{p.Done} pages, {p.PagesPerSecond:F1}/s, {p.Duplicates} dup, {p.Errors} err");
    }

    /// <summary>The last progress report, written by the bulk writer and read by the display loop.</summary>
    private sealed class ProgressBox
    {
        private volatile BulkProgress? _value;

        public BulkProgress? Value
        {
            get => _value;
            set => _value = value;
        }
    }
}

using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;

namespace DanVan.Extraction.Bulk;

/// <summary>How an input ended.</summary>
internal enum BulkOutcome
{
    Record,
    Duplicate,
    Skipped,
    Error,
}

/// <summary>One line of <c>done.jsonl</c>: an input and how it ended.</summary>
internal sealed record DoneEntry(string Key, string InputId, BulkOutcome Outcome, string? RecordId, string? DuplicateOf, string? Reason, UInt128? Content, ulong? SimHash);

/// <summary>
/// The files of an output folder and the <c>done.jsonl</c> ledger that makes them resumable. Every output is
/// flushed to the operating system after each input; a ledger line is appended after the outputs it covers
/// and carries their lengths, so after a kill the outputs are cut back to the last ledger line and the inputs
/// after it are redone. Not thread-safe: the bulk writer is its only user.
/// </summary>
internal sealed class BulkOutputs : IDisposable
{
    public const string DoneFile = "done.jsonl";
    public const string SummaryFile = "summary.json";

    /// <summary>The files whose lengths the ledger records, in this order.</summary>
    public static readonly string[] Files = ["records.jsonl", "records.csv", "persons.csv", "figures.csv", "campaigns.csv", "speakers.csv", "errors.jsonl"];

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly string[][] Headers = [[], BulkTables.RecordsHeader, BulkTables.PersonsHeader, BulkTables.FiguresHeader, BulkTables.CampaignsHeader, BulkTables.SpeakersHeader, []];

    private readonly string _directory;
    private readonly StreamWriter[] _writers;
    private readonly CsvWriter?[] _csv;
    private readonly FileStream _done;
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);

    private BulkOutputs(string directory, StreamWriter[] writers, CsvWriter?[] csv, FileStream done)
    {
        _directory = directory;
        _writers = writers;
        _csv = csv;
        _done = done;
    }

    /// <summary>
    /// Opens the folder: fresh files, or (<paramref name="resume"/>) the files cut back to the last complete
    /// ledger line, with <paramref name="previous"/> the entries of the ledger.
    /// </summary>
    public static BulkOutputs Open(string directory, bool resume, out List<DoneEntry> previous)
    {
        Directory.CreateDirectory(directory);
        previous = [];
        var donePath = Path.Combine(directory, DoneFile);
        long[]? ends = null;
        long doneLength = 0;
        if (resume && File.Exists(donePath))
        {
            (ends, doneLength) = ReadLedger(donePath, previous);
        }

        var writers = new StreamWriter[Files.Length];
        var csv = new CsvWriter?[Files.Length];
        for (var i = 0; i < Files.Length; i++)
        {
            var stream = new FileStream(Path.Combine(directory, Files[i]), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 1 << 16);
            stream.SetLength(ends is null ? 0 : Math.Min(stream.Length, ends[i]));
            stream.Seek(0, SeekOrigin.End);
            writers[i] = new StreamWriter(stream, Utf8, 1 << 16) { NewLine = "\n" };
            if (Headers[i].Length > 0)
            {
                csv[i] = CsvWriter.Create(writers[i], CsvWriterOptions.Default, leaveOpen: true);
                if (stream.Length == 0)
                {
                    csv[i]!.WriteHeader(Headers[i]);
                }
            }
        }

        var done = new FileStream(donePath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 1 << 12);
        done.SetLength(doneLength);
        done.Seek(0, SeekOrigin.End);
        var outputs = new BulkOutputs(directory, writers, csv, done);
        outputs.FlushFiles();
        return outputs;
    }

    public void WriteRecord(BulkRecord record)
    {
        _writers[0].WriteLine(record.Json);
        _csv[1]!.WriteRecord(Cells(BulkTables.RecordRow(record)));
        WriteRows(_csv[2]!, BulkTables.PersonRows(record));
        WriteRows(_csv[3]!, BulkTables.FigureRows(record));
        WriteRows(_csv[4]!, BulkTables.CampaignRows(record));
        WriteRows(_csv[5]!, BulkTables.SpeakerRows(record));
    }

    public void WriteError(string inputId, string reason)
    {
        _writers[6].WriteLine(Json(w =>
        {
            w.WriteString("inputId", inputId);
            w.WriteString("reason", reason);
        }));
    }

    /// <summary>Flushes every output to the operating system and returns their lengths.</summary>
    public long[] FlushFiles()
    {
        var ends = new long[Files.Length];
        for (var i = 0; i < Files.Length; i++)
        {
            _csv[i]?.Flush();
            _writers[i].Flush();
            ends[i] = _writers[i].BaseStream.Length;
        }

        return ends;
    }

    /// <summary>Appends ledger lines, each with the output lengths after its input, and flushes them.</summary>
    public void WriteDone(IReadOnlyList<(DoneEntry Entry, long[] Ends)> entries)
    {
        foreach (var (e, ends) in entries)
        {
            var line = Json(w =>
            {
                w.WriteString("key", e.Key);
                w.WriteString("inputId", e.InputId);
                w.WriteString("outcome", Name(e.Outcome));
                WriteOptional(w, "recordId", e.RecordId);
                WriteOptional(w, "duplicateOf", e.DuplicateOf);
                WriteOptional(w, "reason", e.Reason);
                WriteOptional(w, "content", e.Content?.ToString("x32", CultureInfo.InvariantCulture));
                WriteOptional(w, "simhash", e.SimHash?.ToString("x16", CultureInfo.InvariantCulture));
                w.WriteStartArray("ends");
                foreach (var end in ends)
                {
                    w.WriteNumberValue(end);
                }

                w.WriteEndArray();
            });
            _done.Write(Utf8.GetBytes(line + "\n"));
        }

        _done.Flush();
    }

    public void WriteSummary(BulkSummary summary)
    {
        var json = Json(w =>
        {
            w.WriteNumber("inputs", summary.Inputs);
            w.WriteStartObject("outcomes");
            w.WriteNumber("record", summary.Records);
            w.WriteNumber("duplicate", summary.Duplicates);
            w.WriteNumber("skipped", summary.Skipped);
            w.WriteNumber("error", summary.Errors);
            w.WriteEndObject();
            w.WriteNumber("resumed", summary.Resumed);
            w.WriteNumber("processed", summary.Processed);
            w.WriteNumber("elapsedSeconds", Math.Round(summary.Elapsed.TotalSeconds, 3));
            w.WriteNumber("pagesPerSecond", Math.Round(summary.PagesPerSecond, 2));
            w.WriteNumber("peakWorkingSetBytes", summary.PeakWorkingSetBytes);
            w.WriteString("shard", summary.Shard.ToString());
            w.WriteBoolean("completed", summary.Completed);
        });
        File.WriteAllText(Path.Combine(_directory, SummaryFile), json + "\n", Utf8);
    }

    public void Dispose()
    {
        FlushFiles();
        foreach (var csv in _csv)
        {
            csv?.Dispose();
        }

        foreach (var writer in _writers)
        {
            writer.Dispose();
        }

        _done.Dispose();
    }

    public static string Name(BulkOutcome outcome) => outcome switch
    {
        BulkOutcome.Record => "record",
        BulkOutcome.Duplicate => "duplicate",
        BulkOutcome.Skipped => "skipped",
        _ => "error",
    };

    /// <summary>Reads the ledger; a line cut short by a kill, and everything after it, is dropped.</summary>
    private static (long[]? Ends, long Length) ReadLedger(string path, List<DoneEntry> entries)
    {
        var bytes = File.ReadAllBytes(path);
        long[]? ends = null;
        var good = 0;
        var at = 0;
        while (at < bytes.Length)
        {
            var newline = Array.IndexOf(bytes, (byte)'\n', at);
            if (newline < 0 || !TryParse(bytes.AsSpan(at, newline - at), out var entry, out var lineEnds))
            {
                break;
            }

            entries.Add(entry);
            ends = lineEnds;
            at = newline + 1;
            good = at;
        }

        return (ends, good);
    }

    private static bool TryParse(ReadOnlySpan<byte> line, out DoneEntry entry, out long[] ends)
    {
        entry = null!;
        ends = [];
        try
        {
            using var doc = JsonDocument.Parse(line.ToArray());
            var root = doc.RootElement;
            var outcome = root.GetProperty("outcome").GetString() switch
            {
                "record" => BulkOutcome.Record,
                "duplicate" => BulkOutcome.Duplicate,
                "skipped" => BulkOutcome.Skipped,
                _ => BulkOutcome.Error,
            };
            UInt128? content = root.TryGetProperty("content", out var c) ? UInt128.Parse(c.GetString()!, NumberStyles.HexNumber, CultureInfo.InvariantCulture) : null;
            ulong? simhash = root.TryGetProperty("simhash", out var s) ? ulong.Parse(s.GetString()!, NumberStyles.HexNumber, CultureInfo.InvariantCulture) : null;
            entry = new DoneEntry(root.GetProperty("key").GetString()!, root.GetProperty("inputId").GetString()!, outcome, Optional(root, "recordId"), Optional(root, "duplicateOf"), Optional(root, "reason"), content, simhash);
            var list = new List<long>();
            foreach (var end in root.GetProperty("ends").EnumerateArray())
            {
                list.Add(end.GetInt64());
            }

            ends = [.. list];
            return ends.Length == Files.Length;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or OverflowException)
        {
            return false;
        }
    }

    private static string? Optional(JsonElement root, string name) => root.TryGetProperty(name, out var v) ? v.GetString() : null;

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void WriteRows(CsvWriter csv, IEnumerable<string?[]> rows)
    {
        foreach (var row in rows)
        {
            csv.WriteRecord(Cells(row));
        }
    }

    /// <summary>CSV has no null: an absent value is an empty field.</summary>
    private static string[] Cells(string?[] row)
    {
        var cells = new string[row.Length];
        for (var i = 0; i < row.Length; i++)
        {
            cells[i] = row[i] ?? string.Empty;
        }

        return cells;
    }

    private string Json(Action<Utf8JsonWriter> body)
    {
        _buffer.Clear();
        using (var w = new Utf8JsonWriter(_buffer, JsonOptions))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }

        return Utf8.GetString(_buffer.WrittenSpan);
    }
}

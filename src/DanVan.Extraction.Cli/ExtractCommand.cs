using System.CommandLine;
using System.Globalization;
using CsvHelper;
using DanVan.Extraction.Records;

namespace DanVan.Extraction.Cli;

/// <summary>
/// <c>danvan extract INPUT... [--published DATE] [--format json|jsonl|csv] [--out FILE]</c>: one meeting record
/// per input file, in input order (a directory: every file in it, recursively, in sorted order).
/// </summary>
internal static class ExtractCommand
{
    private static readonly string[] CsvHeader =
    [
        "source", "title", "published", "author", "encoding", "kind", "organizer", "date", "level", "place",
        "reviewedStart", "reviewedEnd", "plannedStart", "plannedEnd", "chairs", "speakers", "persons", "figures", "campaigns",
    ];

    public static Command Create()
    {
        var inputs = new Argument<string[]>("input") { Description = "Files or directories (HTML or plain text, detected per file).", Arity = ArgumentArity.OneOrMore };
        var published = new Option<string?>("--published") { Description = "Publication date YYYY-MM-DD for inputs that do not name one." };
        var format = new Option<string>("--format") { Description = "json (one indented record per file; an array when several), jsonl, or csv.", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "jsonl", "csv");
        var outFile = new Option<FileInfo?>("--out") { Description = "Write here instead of standard output." };
        var command = new Command("extract", "Extract one meeting record per article.") { inputs, published, format, outFile };
        command.SetAction(parse =>
        {
            DateOnly? date = null;
            if (parse.GetValue(published) is { } p)
            {
                if (!DateOnly.TryParseExact(p, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    return CliIO.Fail($"--published must be YYYY-MM-DD, not '{p}'");
                }

                date = d;
            }

            var files = InputFiles.Expand(parse.GetValue(inputs)!, out var missing);
            var failed = missing.Count;
            foreach (var m in missing)
            {
                Console.Error.WriteLine($"danvan: {m}: no such file or directory");
            }

            var extractor = MeetingExtractor.CreateDefault();
            var records = new List<MeetingRecord>();
            foreach (var file in files)
            {
                if (TryExtract(extractor, file, date, out var record, out var error))
                {
                    records.Add(record);
                }
                else
                {
                    failed++;
                    Console.Error.WriteLine($"danvan: {file}: {error}");
                }
            }

            var target = parse.GetValue(outFile);
            using (var output = target is null ? CliIO.StdOut() : new StreamWriter(target.FullName, false, CliIO.Utf8NoBom) { NewLine = "\n" })
            {
                Write(output, records, parse.GetValue(format)!, files.Count > 1);
            }

            return failed > 0 ? 1 : 0;
        });
        return command;
    }

    private static bool TryExtract(MeetingExtractor extractor, string path, DateOnly? published, out MeetingRecord record, out string error)
    {
        record = null!;
        error = string.Empty;
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (IOException ex)
        {
            error = ex.Message;
            return false;
        }
        catch (UnauthorizedAccessException ex)
        {
            error = ex.Message;
            return false;
        }

        var result = extractor.Extract(bytes, new ExtractionOptions { Published = published, SourcePath = path });
        if (result.Record is null)
        {
            error = result.Failure ?? "no record";
            return false;
        }

        record = result.Record;
        return true;
    }

    private static void Write(TextWriter output, List<MeetingRecord> records, string format, bool several)
    {
        switch (format)
        {
            case "jsonl":
                foreach (var record in records)
                {
                    output.WriteLine(RecordJson.Serialize(record, indented: false));
                }

                break;
            case "csv":
                using (var csv = CsvWriter.Create(output, CsvWriterOptions.Default, leaveOpen: true))
                {
                    csv.WriteHeader(CsvHeader);
                    foreach (var r in records)
                    {
                        csv.WriteRecord(CsvRow(r));
                    }
                }

                break;
            default:
                if (several)
                {
                    output.WriteLine("[");
                    for (var i = 0; i < records.Count; i++)
                    {
                        output.Write(RecordJson.Serialize(records[i], indented: true));
                        output.WriteLine(i + 1 < records.Count ? "," : string.Empty);
                    }

                    output.WriteLine("]");
                }
                else if (records.Count == 1)
                {
                    output.WriteLine(RecordJson.Serialize(records[0], indented: true));
                }

                break;
        }
    }

    private static string[] CsvRow(MeetingRecord r)
    {
        var m = r.Meeting;
        return
        [
            r.Source.Path ?? r.Source.Url ?? string.Empty, r.Source.Title ?? string.Empty, r.Source.Published ?? string.Empty,
            r.Source.Author ?? string.Empty, r.Source.Encoding ?? string.Empty, RecordJson.KindName(m.Kind),
            m.Organizer?.Expanded ?? string.Empty, m.Date?.Value ?? string.Empty, m.Level ?? string.Empty, m.Place ?? string.Empty,
            m.Reviewed?.Start ?? string.Empty, m.Reviewed?.End ?? string.Empty, m.Planned?.Start ?? string.Empty, m.Planned?.End ?? string.Empty,
            string.Join("; ", m.Chairs), string.Join("; ", r.Speakers.Select(s => s.Person + " (" + RecordJson.RoleName(s.Role) + ")")),
            string.Join("; ", r.Persons.Select(p => p.Name)),
            string.Join("; ", r.Figures.Select(f => f.Value.ToString(CultureInfo.InvariantCulture) + " " + f.Unit)),
            string.Join("; ", r.Campaigns.Select(c => c.Name).Distinct(StringComparer.Ordinal)),
        ];
    }
}

/// <summary>Command-line inputs: files as given, directories expanded to every file below them in sorted order.</summary>
internal static class InputFiles
{
    public static List<string> Expand(IEnumerable<string> inputs, out List<string> missing)
    {
        missing = [];
        var files = new List<string>();
        foreach (var input in inputs)
        {
            if (File.Exists(input))
            {
                files.Add(input);
            }
            else if (Directory.Exists(input))
            {
                files.AddRange(Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
            }
            else
            {
                missing.Add(input);
            }
        }

        return files;
    }
}

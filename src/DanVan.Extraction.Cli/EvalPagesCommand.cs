using System.CommandLine;
using System.Globalization;
using DanVan.Extraction.Evaluation;
using DanVan.Extraction.Html;

namespace DanVan.Extraction.Cli;

/// <summary><c>danvan eval pages DIR [--split train|test] [--compare-with DIR]</c>: the page reader against labeled pages.</summary>
internal static class EvalPagesCommand
{
    public static Command Create()
    {
        var dir = new Argument<DirectoryInfo>("dir") { Description = "The pages folder (corpus/pages): <kind>/NNN.html beside NNN.gold.json." };
        var split = new Option<string?>("--split") { Description = "Only pages of this split (train or test)." };
        split.AcceptOnlyFromAmong("train", "test");
        var compare = new Option<DirectoryInfo?>("--compare-with") { Description = "Texts another extractor wrote (<kind>/NNN.txt, optional timings.tsv) to score with the same measure." };
        var verbose = new Option<bool>("--verbose") { Description = "One line per page with what it got wrong." };
        var command = new Command("pages", "Body token precision/recall/F1 and title, published, author accuracy, overall and per portal kind.") { dir, split, compare, verbose };
        command.SetAction(parse =>
        {
            var directory = parse.GetValue(dir)!;
            if (!directory.Exists)
            {
                return CliIO.Fail($"no such directory: {directory.FullName}");
            }

            var pages = PageGold.LoadAll(directory.FullName, parse.GetValue(split));
            if (pages.Count == 0)
            {
                return CliIO.Fail($"no labeled pages (*.gold.json) in {directory.FullName}");
            }

            var outcomes = PageEvaluation.Run(PageReader.Default, pages);
            using var output = CliIO.StdOut();
            output.Write(PageEvaluation.Format(PageEvaluation.Summarize(outcomes)));
            if (parse.GetValue(verbose))
            {
                WriteDetails(output, outcomes);
            }

            if (parse.GetValue(compare) is { } other)
            {
                WriteComparison(output, outcomes, other);
            }

            return 0;
        });
        return command;
    }

    private static void WriteDetails(TextWriter output, List<PageOutcome> outcomes)
    {
        output.WriteLine();
        foreach (var o in outcomes)
        {
            var a = o.Article;
            var problems = new List<string>();
            if (a is null)
            {
                problems.Add($"not an article: {o.Result.Reason} {o.Result.Message}");
            }

            if (o.Body.F1 < 0.98)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"body P={o.Body.Precision:0.000} R={o.Body.Recall:0.000}"));
            }

            if (!o.Title)
            {
                problems.Add($"title «{a?.Title}» ≠ «{o.Gold.Title}»");
            }

            if (!o.Published)
            {
                problems.Add($"published {a?.Published?.ToString() ?? "null"} ≠ {o.Gold.Published ?? "null"}");
            }

            if (!o.Author)
            {
                problems.Add($"author «{a?.Author ?? "null"}» ≠ «{o.Gold.Author ?? "null"}»");
            }

            output.WriteLine($"{o.Gold.Id,-16} {o.Gold.Split,-5} {(problems.Count == 0 ? "ok" : string.Join("; ", problems))}");
        }
    }

    private static void WriteComparison(TextWriter output, List<PageOutcome> outcomes, DirectoryInfo other)
    {
        var golds = outcomes.Select(o => o.Gold).ToList();
        var scored = PageEvaluation.ScoreTexts(golds, other.FullName);
        var timings = ReadTimings(Path.Combine(other.FullName, "timings.tsv"));
        double otherMs = 0;
        var timed = 0;
        foreach (var g in golds)
        {
            var key = Path.GetFileName(Path.GetDirectoryName(g.HtmlPath)) + "/" + Path.GetFileNameWithoutExtension(g.HtmlPath);
            if (timings.TryGetValue(key, out var ms))
            {
                otherMs += ms;
                timed++;
            }
        }

        var ours = PageSummary.Of("danvan", outcomes);
        double p = 0, r = 0, f = 0;
        foreach (var (_, body) in scored)
        {
            p += body.Precision;
            r += body.Recall;
            f += body.F1;
        }

        var n = Math.Max(1, scored.Count);
        output.WriteLine();
        output.WriteLine("extractor          pages  body-P  body-R  body-F1  ms/page");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"danvan",-18} {ours.Pages,5}  {ours.Precision,6:0.000}  {ours.Recall,6:0.000}  {ours.F1,7:0.000}  {ours.MillisecondsPerPage,7:0.0}"));
        var msText = timed == 0 ? "      -" : string.Create(CultureInfo.InvariantCulture, $"{otherMs / timed,7:0.0}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{other.Name,-18} {scored.Count,5}  {p / n,6:0.000}  {r / n,6:0.000}  {f / n,7:0.000}  {msText}"));
    }

    private static Dictionary<string, double> ReadTimings(string path)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return result;
        }

        foreach (var line in File.ReadLines(path))
        {
            var parts = line.Split('\t');
            if (parts.Length == 2 && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var ms))
            {
                result[parts[0]] = ms;
            }
        }

        return result;
    }
}

using System.CommandLine;
using System.Globalization;
using CsvHelper;
using DanVan.Extraction.Evaluation;
using DanVan.Extraction.Recognition;

namespace DanVan.Extraction.Cli;

/// <summary><c>danvan eval …</c>: accuracy against the labeled corpus.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var command = new Command("eval", "Measure accuracy against a labeled corpus.");
        command.Subcommands.Add(EvalPagesCommand.Create());
        command.Subcommands.Add(Entities());
        command.Subcommands.Add(Records());
        return command;
    }

    private static Command Entities()
    {
        var dir = new Argument<DirectoryInfo>("dir") { Description = "Folder of annotated articles (corpus/articles)." };
        var split = new Option<string?>("--split") { Description = "Only this split: train, dev or test." };
        var csv = new Option<FileInfo?>("--csv") { Description = "Write every error (missed, spurious, boundary, value) to this CSV file." };
        var recognizerOption = new Option<string>("--recognizer") { Description = "Who decides persons, organizations and titles: combined (the default recognizer), rules or tagger.", DefaultValueFactory = _ => "combined" };
        recognizerOption.AcceptOnlyFromAmong("combined", "rules", "tagger");
        var modelOption = new Option<FileInfo?>("--model") { Description = "A tagger model file (tagger.bin) to use instead of the embedded one." };
        var command = new Command("entities", "Per-type precision/recall/F1, strict and partial (nervaluate), and normalized-value accuracy.") { dir, split, csv, recognizerOption, modelOption };
        command.SetAction(parse =>
        {
            if (!TryLoadArticles(parse.GetValue(dir)!, parse.GetValue(split), out var articles, out var failure))
            {
                return CliIO.Fail(failure);
            }

            EntityTaggerModel model;
            try
            {
                model = parse.GetValue(modelOption) is { } file ? ReadModel(file) : EntityTaggerModel.Embedded;
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                return CliIO.Fail(ex.Message);
            }

            var recognizer = parse.GetValue(recognizerOption) switch
            {
                "rules" => EntityRecognizer.RulesOnly,
                "tagger" => EntityRecognizer.Create(model, TaggerCombination.TaggerOnly),
                _ => EntityRecognizer.Create(model, EntityRecognizer.DefaultCombination),
            };
            var types = recognizer.Produces.Select(EntityEvaluation.TypeName).ToArray();
            var errors = new List<EntityError>();
            var scores = EntityEvaluation.Evaluate(recognizer, articles, types, errors);

            using var output = CliIO.StdOut();
            output.WriteLine(ArticlesLine(articles.Count, parse.GetValue(split)));
            WriteTable(output, scores);
            if (parse.GetValue(csv) is { } csvFile)
            {
                WriteErrors(
                    csvFile,
                    ["article", "split", "type", "error", "start", "end", "goldText", "predictedText", "goldValue", "predictedValue"],
                    errors.Select(e => new[] { e.Article, e.Split, e.Type, e.Error, e.Start.ToString(CultureInfo.InvariantCulture), e.End.ToString(CultureInfo.InvariantCulture), e.GoldText, e.PredictedText, e.GoldValue, e.PredictedValue }),
                    output);
            }

            return 0;
        });
        return command;
    }

    private static Command Records()
    {
        var dir = new Argument<DirectoryInfo>("dir") { Description = "Folder of annotated articles (corpus/articles)." };
        var split = new Option<string?>("--split") { Description = "Only this split: train, dev or test." };
        var csv = new Option<FileInfo?>("--csv") { Description = "Write every disagreement (wrong or only leniently right field, missed or spurious chair/speaker) to this CSV file." };
        var command = new Command("records", "Meeting-field accuracy (exact and lenient) and chairs/speakers F1 against the articles' gold headers.") { dir, split, csv };
        command.SetAction(parse =>
        {
            if (!TryLoadArticles(parse.GetValue(dir)!, parse.GetValue(split), out var articles, out var failure))
            {
                return CliIO.Fail(failure);
            }

            var extractor = DanVan.Extraction.Records.MeetingExtractor.CreateDefault();
            var fields = new Dictionary<string, FieldScore>(StringComparer.Ordinal);
            var chairs = new SetScore();
            var speakers = new SetScore();
            var awards = new SetScore();
            var errors = new List<RecordError>();
            foreach (var article in articles)
            {
                var record = extractor.ExtractText(article.Text, new DanVan.Extraction.Records.ExtractionOptions { Published = article.Published, SourcePath = article.Path });
                RecordEvaluation.Score(article, record, fields, chairs, speakers, awards, errors);
            }

            using var output = CliIO.StdOut();
            output.WriteLine(ArticlesLine(articles.Count, parse.GetValue(split)));
            output.WriteLine($"{"field",-10} {"exact",7} {"lenient",8}");
            foreach (var name in RecordEvaluation.Fields)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-10} {fields[name].ExactAccuracy,7:F3} {fields[name].LenientAccuracy,8:F3}"));
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"chairs",-10} P {chairs.Precision:F3} R {chairs.Recall:F3} F1 {chairs.F1:F3}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"speakers",-10} P {speakers.Precision:F3} R {speakers.Recall:F3} F1 {speakers.F1:F3} (person and role)"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"awards",-10} P {awards.Precision:F3} R {awards.Recall:F3} F1 {awards.F1:F3} (giver, award, count and recipients)"));
            if (parse.GetValue(csv) is { } csvFile)
            {
                WriteErrors(csvFile, ["article", "split", "field", "error", "gold", "predicted"], errors.Select(e => new[] { e.Article, e.Split, e.Field, e.Error, e.Gold, e.Predicted }), output);
            }

            return 0;
        });
        return command;
    }

    /// <summary>Writes one CSV row per error (CsvHelper) and says on <paramref name="output"/> how many and where.</summary>
    private static void WriteErrors(FileInfo file, string[] header, IEnumerable<string[]> rows, TextWriter output)
    {
        using var writer = new StreamWriter(file.FullName, false, CliIO.Utf8NoBom);
        using var csvWriter = CsvWriter.Create(writer, CsvWriterOptions.Default, leaveOpen: true);
        csvWriter.WriteHeader(header);
        var count = 0;
        foreach (var row in rows)
        {
            csvWriter.WriteRecord(row);
            count++;
        }

        output.WriteLine($"errors: {count} written to {file.FullName}");
    }

    private static bool TryLoadArticles(DirectoryInfo folder, string? split, out IReadOnlyList<CorpusArticle> articles, out string failure)
    {
        articles = [];
        failure = string.Empty;
        if (!folder.Exists)
        {
            failure = $"no such folder: {folder.FullName}";
            return false;
        }

        try
        {
            articles = CorpusArticleReader.ReadDirectory(folder.FullName, split);
            return true;
        }
        catch (CorpusFormatException ex)
        {
            failure = ex.Message;
            return false;
        }
    }

    private static string ArticlesLine(int count, string? split) => $"articles: {count}{(split is { } s ? $" (split {s})" : string.Empty)}";

    /// <summary>The per-type table, in the usual type order, with an "all" row.</summary>
    internal static void WriteTable(TextWriter output, IReadOnlyDictionary<string, TypeScore> scores)
    {
        output.WriteLine($"{"type",-10} {"gold",5} {"pred",5} {"strict P",9} {"strict R",9} {"strict F1",9} {"partial P",9} {"partial R",9} {"partial F1",10} {"value acc",9}");
        var total = new TypeScore();
        foreach (var type in EntityEvaluation.TypeNames.Where(scores.ContainsKey))
        {
            var score = scores[type];
            total.Add(score);
            Write(output, type, score);
        }

        Write(output, "all", total);
    }

    private static EntityTaggerModel ReadModel(FileInfo file)
    {
        using var stream = file.OpenRead();
        return EntityTaggerModel.Read(stream);
    }

    internal static bool TryLoad(DirectoryInfo folder, string? split, out IReadOnlyList<CorpusArticle> articles, out string failure) => TryLoadArticles(folder, split, out articles, out failure);

    private static void Write(TextWriter output, string type, TypeScore s) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{type,-10} {s.Gold,5} {s.Predicted,5} {s.StrictPrecision,9:F3} {s.StrictRecall,9:F3} {s.StrictF1,9:F3} {s.PartialPrecision,9:F3} {s.PartialRecall,9:F3} {s.PartialF1,10:F3} {s.ValueAccuracy,9:F3}"));
}

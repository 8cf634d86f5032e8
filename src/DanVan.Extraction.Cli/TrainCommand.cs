using System.CommandLine;
using System.Globalization;
using DanVan.Extraction.Text;

namespace DanVan.Extraction.Cli;

/// <summary>
/// <c>danvan train segmenter --data ../shared/data --out models/segmenter --seed 13</c>: trains the word
/// segmenter on the word-segmented data (never on the VTB dev split, nor on any training sentence whose
/// text is a dev sentence), writes <c>segmenter.bin</c>, and reports the dev score.
/// </summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var command = new Command("train", "Train a model from the shared data.");
        command.Subcommands.Add(CreateSegmenter());
        return command;
    }

    private static Command CreateSegmenter()
    {
        var data = new Option<DirectoryInfo>("--data") { Description = "The shared data folder (holding ud-vi-vtb, pyvi-vtb, rdrsegmenter-train).", DefaultValueFactory = _ => new DirectoryInfo("../shared/data") };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write segmenter.bin into.", DefaultValueFactory = _ => new DirectoryInfo("models/segmenter") };
        var seed = new Option<int>("--seed") { Description = "Seed of the fold assignment and example order.", DefaultValueFactory = _ => 13 };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training data.", DefaultValueFactory = _ => new SegmenterTrainingOptions().Epochs };
        var bits = new Option<int>("--bits") { Description = "log2 of the number of hashed weights.", DefaultValueFactory = _ => new SegmenterTrainingOptions().Bits };
        var minCount = new Option<int>("--min-count") { Description = "Syllables seen fewer times are unknown to the model.", DefaultValueFactory = _ => new SegmenterTrainingOptions().MinSyllableCount };
        var members = new Option<int>("--members") { Description = "Models trained with different folds and orders, their weights averaged.", DefaultValueFactory = _ => new SegmenterTrainingOptions().Members };
        var limit = new Option<int>("--limit") { Description = "Train on the first N sentences only (0 = all), for quick runs.", DefaultValueFactory = _ => 0 };
        var command = new Command("segmenter", "Train the word segmenter; writes segmenter.bin and prints the dev-split score.") { data, output, seed, epochs, bits, minCount, members, limit };
        command.SetAction(parse =>
        {
            var dataDir = parse.GetValue(data)!;
            var outDir = parse.GetValue(output)!;
            var options = new SegmenterTrainingOptions
            {
                Seed = parse.GetValue(seed),
                Epochs = Math.Max(1, parse.GetValue(epochs)),
                Bits = Math.Clamp(parse.GetValue(bits), 12, 24),
                MinSyllableCount = Math.Max(1, parse.GetValue(minCount)),
                Members = Math.Clamp(parse.GetValue(members), 1, 32),
            };
            return Run(dataDir, outDir, options, parse.GetValue(limit), Console.Out, Console.Error);
        });
        return command;
    }

    internal static int Run(DirectoryInfo dataDir, DirectoryInfo outDir, SegmenterTrainingOptions options, int limit, TextWriter output, TextWriter log)
    {
        if (!File.Exists(Path.Combine(dataDir.FullName, SegmentedCorpus.UdDev)))
        {
            return CliIO.Fail($"no word-segmented data under {dataDir.FullName}");
        }

        var training = SegmentedCorpus.ReadTraining(dataDir.FullName, out var removed);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{training.Count} training sentences ({removed} dropped: their text is in the dev split)"));
        if (limit > 0 && limit < training.Count)
        {
            training = training.GetRange(0, limit);
        }

        var model = SegmenterTrainer.Train(training, options, log);
        outDir.Create();
        var path = Path.Combine(outDir.FullName, "segmenter.bin");
        File.WriteAllBytes(path, model);
        log.WriteLine($"wrote {path}");

        var lexiconPath = Path.Combine(outDir.FullName, "domain-lexicon.txt");
        using var lexicon = File.Exists(lexiconPath)
            ? new StreamReader(lexiconPath)
            : new StreamReader(ModelCatalog.Open(ModelCatalog.SegmenterDomainLexicon));
        using var stream = new MemoryStream(model);
        var segmenter = new WordSegmenter(SegmenterModel.Read(stream, lexicon));
        var dev = SegmentedCorpus.ReadConllu(Path.Combine(dataDir.FullName, SegmentedCorpus.UdDev));
        output.WriteLine("dev split (" + SegmentedCorpus.UdDev + "):");
        SegmentCommand.WriteScore(SegmentationScore.Evaluate(segmenter, dev), output);
        return 0;
    }
}

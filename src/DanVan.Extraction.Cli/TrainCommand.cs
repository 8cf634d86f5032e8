using System.CommandLine;
using System.Globalization;
using DanVan.Extraction.Evaluation;
using DanVan.Extraction.Recognition;
using DanVan.Extraction.Text;

namespace DanVan.Extraction.Cli;

/// <summary>
/// <c>danvan train segmenter --data ../shared/data --out models/segmenter --seed 13</c>: trains the word
/// segmenter on the word-segmented data (never on the VTB dev split, nor on any training sentence whose
/// text is a dev sentence), writes <c>segmenter.bin</c>, and reports the dev score.
/// <c>danvan train tagger --corpus corpus/articles --out models/tagger --seed 13</c>: trains the
/// person/organization/title tagger on the corpus train split, writes <c>tagger.bin</c>, and reports the
/// dev-split scores of the rules, the tagger and their combination.
/// </summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var command = new Command("train", "Train a model from the shared data.");
        command.Subcommands.Add(CreateSegmenter());
        command.Subcommands.Add(CreateTagger());
        command.Subcommands.Add(CreateWordClasses());
        return command;
    }

    private static Command CreateWordClasses()
    {
        var data = new Option<DirectoryInfo>("--data") { Description = "The shared data folder (holding pyvi-vtb/vtb.txt).", DefaultValueFactory = _ => new DirectoryInfo("../shared/data") };
        var output = new Option<FileInfo>("--out") { Description = "File to write.", DefaultValueFactory = _ => new FileInfo("models/lexicons/word-classes.tsv") };
        var minCount = new Option<int>("--min-count") { Description = "Words seen fewer times are left out.", DefaultValueFactory = _ => 1 };
        var command = new Command("word-classes", "Count the part of speech of every word of pyvi's POS-tagged treebank; writes word-classes.tsv (the figure recognizer reads it to end noun phrases).") { data, output, minCount };
        command.SetAction(parse =>
        {
            var source = Path.Combine(parse.GetValue(data)!.FullName, SegmentedCorpus.Pyvi);
            if (!File.Exists(source))
            {
                return CliIO.Fail($"no POS-tagged data at {source}");
            }

            var outFile = parse.GetValue(output)!;
            outFile.Directory?.Create();
            using var reader = new StreamReader(source);
            using var writer = new StreamWriter(outFile.FullName, false, CliIO.Utf8NoBom) { NewLine = "\n" };
            var count = WordClasses.Train(reader, writer, Math.Max(1, parse.GetValue(minCount)));
            Console.Error.WriteLine($"wrote {count} words to {outFile.FullName}");
            return 0;
        });
        return command;
    }

    private static Command CreateTagger()
    {
        var defaults = new TaggerTrainingOptions();
        var corpus = new Option<DirectoryInfo>("--corpus") { Description = "Folder of annotated articles; training reads the train split only, the dev split is scored.", DefaultValueFactory = _ => new DirectoryInfo("corpus/articles") };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write tagger.bin into.", DefaultValueFactory = _ => new DirectoryInfo("models/tagger") };
        var seed = new Option<int>("--seed") { Description = "Seed of the example order and of the hiding of rule proposals.", DefaultValueFactory = _ => defaults.Seed };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training data.", DefaultValueFactory = _ => defaults.Epochs };
        var bits = new Option<int>("--bits") { Description = "log2 of the number of hashed features.", DefaultValueFactory = _ => defaults.Bits };
        var hide = new Option<double>("--hide") { Description = "Share of lines whose rule proposals are hidden in training.", DefaultValueFactory = _ => defaults.HideLines };
        var erase = new Option<double>("--erase") { Description = "Share of the other lines' rule mentions erased in training.", DefaultValueFactory = _ => defaults.EraseMentions };
        var compare = new Option<bool>("--compare") { Description = "Also score other ways of combining the tagger with the rules on the dev split." };
        var folds = new Option<int>("--folds") { Description = "Also cross-validate on the train split with this many folds (article-wise) and print the held-out scores of each combination.", DefaultValueFactory = _ => 0 };
        var command = new Command("tagger", "Train the person/organization/title tagger on the corpus train split; writes tagger.bin and prints dev-split scores.") { corpus, output, seed, epochs, bits, hide, erase, compare, folds };
        command.SetAction(parse =>
        {
            var options = new TaggerTrainingOptions
            {
                Seed = parse.GetValue(seed),
                Epochs = Math.Max(1, parse.GetValue(epochs)),
                Bits = Math.Clamp(parse.GetValue(bits), 10, 22),
                HideLines = Math.Clamp(parse.GetValue(hide), 0, 1),
                EraseMentions = Math.Clamp(parse.GetValue(erase), 0, 1),
            };
            return RunTagger(parse.GetValue(corpus)!, parse.GetValue(output)!, options, parse.GetValue(compare), parse.GetValue(folds), Console.Out, Console.Error);
        });
        return command;
    }

    internal static int RunTagger(DirectoryInfo corpus, DirectoryInfo outDir, TaggerTrainingOptions options, bool compare, int folds, TextWriter output, TextWriter log)
    {
        if (!EvalCommand.TryLoad(corpus, "train", out var train, out var failure) || !EvalCommand.TryLoad(corpus, "dev", out var dev, out failure))
        {
            return CliIO.Fail(failure);
        }

        if (train.Count == 0)
        {
            return CliIO.Fail($"no train-split articles under {corpus.FullName}");
        }

        string[] types = ["person", "title", "org"];
        var model = EntityTaggerTrainer.Train(train, options, log, (epoch, m) =>
        {
            var tagger = EntityEvaluation.Evaluate(EntityRecognizer.Create(m, TaggerCombination.TaggerOnly), dev, types);
            var combined = EntityEvaluation.Evaluate(EntityRecognizer.Create(m, EntityRecognizer.DefaultCombination), dev, types);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  dev strict F1 after epoch {epoch}: tagger {Summary(tagger)}; combined {Summary(combined)}"));
        });
        outDir.Create();
        var path = Path.Combine(outDir.FullName, "tagger.bin");
        File.WriteAllBytes(path, model);
        log.WriteLine($"wrote {path}");

        using var stream = new MemoryStream(model);
        var trained = EntityTaggerModel.Read(stream);
        output.WriteLine($"dev split ({dev.Count} articles), persons, titles and organizations:");
        foreach (var (name, combination) in Combinations(compare))
        {
            var recognizer = combination.Mode == TaggerMode.RulesOnly ? EntityRecognizer.RulesOnly : EntityRecognizer.Create(trained, combination);
            output.WriteLine(name + ":");
            EvalCommand.WriteTable(output, EntityEvaluation.Evaluate(recognizer, dev, types));
        }

        if (folds > 1)
        {
            CrossValidate(train, options, folds, types, output);
        }

        return 0;
    }

    /// <summary>
    /// Article-wise cross-validation on the train split: each fold is scored by a model trained on the
    /// others, for every combination. (The rules were written on these articles, so they stay near perfect;
    /// what this shows is how often each combination adds a wrong span to text the tagger has not seen.)
    /// </summary>
    private static void CrossValidate(IReadOnlyList<CorpusArticle> train, TaggerTrainingOptions options, int folds, string[] types, TextWriter output)
    {
        var combinations = Combinations(compare: true).ToList();
        var totals = combinations.Select(_ => types.ToDictionary(t => t, _ => new TypeScore(), StringComparer.Ordinal)).ToList();
        for (var f = 0; f < folds; f++)
        {
            var held = train.Where((_, k) => k % folds == f).ToList();
            var rest = train.Where((_, k) => k % folds != f).ToList();
            using var stream = new MemoryStream(EntityTaggerTrainer.Train(rest, options));
            var model = EntityTaggerModel.Read(stream);
            for (var c = 0; c < combinations.Count; c++)
            {
                var combination = combinations[c].Combination;
                var recognizer = combination.Mode == TaggerMode.RulesOnly ? EntityRecognizer.RulesOnly : EntityRecognizer.Create(model, combination);
                var errors = new List<EntityError>();
                foreach (var (type, score) in EntityEvaluation.Evaluate(recognizer, held, types, errors))
                {
                    totals[c][type].Add(score);
                }

                if (Environment.GetEnvironmentVariable("DANVAN_CV_ERRORS") == combinations[c].Name)
                {
                    foreach (var e in errors)
                    {
                        Console.Error.WriteLine($"{e.Article} {e.Type} {e.Error} [{e.GoldText}] [{e.PredictedText}]");
                    }
                }
            }
        }

        output.WriteLine($"cross-validation on the train split ({folds} folds, held-out articles):");
        for (var c = 0; c < combinations.Count; c++)
        {
            output.WriteLine(combinations[c].Name + ":");
            EvalCommand.WriteTable(output, totals[c]);
        }
    }

    private static IEnumerable<(string Name, TaggerCombination Combination)> Combinations(bool compare)
    {
        yield return ("rules only", TaggerCombination.RulesOnly);
        yield return ("tagger only", TaggerCombination.TaggerOnly);
        yield return ("tagger only, rule proposals hidden", TaggerCombination.TaggerOnly with { RuleProposals = false });
        yield return ("combined (the default)", EntityRecognizer.DefaultCombination);
        if (!compare)
        {
            yield break;
        }

        var baseline = EntityRecognizer.DefaultCombination;
        yield return ("add missed spans, no veto", baseline with { Veto = false });
        yield return ("add missed spans of the tagger without rule proposals", baseline with { RuleProposals = false });
        yield return ("add missed spans of the tagger without rule proposals, margin 40", baseline with { RuleProposals = false, MinMargin = 40f });
        yield return ("tagger boundaries", baseline with { TaggerBoundaries = true });
        yield return ("tagger boundaries, drop rejected rule spans", baseline with { TaggerBoundaries = true, DropRejected = true });
        foreach (var margin in (float[])[0f, 5f, 20f, 40f])
        {
            yield return (string.Create(CultureInfo.InvariantCulture, $"add missed spans, margin {margin}"), baseline with { MinMargin = margin * 1f });
        }
    }

    private static string Summary(Dictionary<string, TypeScore> scores) =>
        string.Join(", ", scores.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key} {s.Value.StrictF1:F3}")));

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

    /// <summary>The text of the list file of that name in the output folder (edited, not yet embedded), else of the embedded one.</summary>
    private static string ReadList(DirectoryInfo outDir, string fileName, string resource)
    {
        var path = Path.Combine(outDir.FullName, fileName);
        using var reader = File.Exists(path) ? new StreamReader(path) : new StreamReader(ModelCatalog.Open(resource));
        return reader.ReadToEnd();
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

        // The word list is read once: training and the dev score after it see the same words.
        var wordList = ReadList(outDir, "word-list.txt", ModelCatalog.SegmenterWordList);
        var model = SegmenterTrainer.Train(training, options, new StringReader(wordList), log);

        outDir.Create();
        var path = Path.Combine(outDir.FullName, "segmenter.bin");
        File.WriteAllBytes(path, model);
        log.WriteLine($"wrote {path}");

        var lexicon = ReadList(outDir, "domain-lexicon.txt", ModelCatalog.SegmenterDomainLexicon);
        using var stream = new MemoryStream(model);
        var segmenter = new WordSegmenter(SegmenterModel.Read(stream, new StringReader(wordList), new StringReader(lexicon)));
        var dev = SegmentedCorpus.ReadConllu(Path.Combine(dataDir.FullName, SegmentedCorpus.UdDev));
        output.WriteLine("dev split (" + SegmentedCorpus.UdDev + "):");
        SegmentCommand.WriteScore(SegmentationScore.Evaluate(segmenter, dev), output);
        return 0;
    }
}

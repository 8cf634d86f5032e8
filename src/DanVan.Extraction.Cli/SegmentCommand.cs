using System.CommandLine;
using System.Globalization;
using DanVan.Extraction.Text;

namespace DanVan.Extraction.Cli;

/// <summary>
/// <c>danvan segment [FILE...]</c>: word segmentation, one output line per input line (empty lines
/// included), words separated by a space and the syllables of a word joined by '_'.
/// <c>danvan segment --eval FILE.conllu</c>: word precision, recall and F1 against a CoNLL-U file.
/// </summary>
internal static class SegmentCommand
{
    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("files") { Description = "UTF-8 text files, one sentence a line (standard input when none).", Arity = ArgumentArity.ZeroOrMore };
        var eval = new Option<FileInfo?>("--eval") { Description = "Score the segmenter against the word boundaries of a CoNLL-U file instead." };
        var model = new Option<FileInfo?>("--model") { Description = "Use this segmenter.bin instead of the embedded model (with the embedded word list and domain lexicon)." };
        var command = new Command("segment", "Segment Vietnamese text into words (VnCoreNLP style: Ban_Dân_vận Thị_ủy).") { files, eval, model };
        command.SetAction(parse =>
        {
            var gold = parse.GetValue(eval);
            var modelFile = parse.GetValue(model);
            if (modelFile is not null && !modelFile.Exists)
            {
                return CliIO.Fail($"no such file: {modelFile.FullName}");
            }

            var segmenter = modelFile is null ? WordSegmenter.Default : Load(modelFile);
            using var output = CliIO.StdOut();
            if (gold is not null)
            {
                return Evaluate(segmenter, gold, output);
            }

            return Execute(segmenter, parse.GetValue(files) ?? [], stdin: null, output);
        });
        return command;
    }

    /// <summary>
    /// Segments each file, or standard input when there are none (<paramref name="stdin"/> stands in for it
    /// when given), line by line into <paramref name="output"/>.
    /// </summary>
    internal static int Execute(WordSegmenter segmenter, IReadOnlyList<FileInfo> files, TextReader? stdin, TextWriter output)
    {
        foreach (var file in files)
        {
            if (!file.Exists)
            {
                return CliIO.Fail($"no such file: {file.FullName}");
            }
        }

        if (files.Count == 0)
        {
            if (stdin is not null)
            {
                SegmentLines(segmenter, stdin, output);
                return 0;
            }

            using var console = CliIO.OpenInput(null);
            SegmentLines(segmenter, console, output);
            return 0;
        }

        foreach (var file in files)
        {
            using var reader = CliIO.OpenInput(file);
            SegmentLines(segmenter, reader, output);
        }

        return 0;
    }

    private static void SegmentLines(WordSegmenter segmenter, TextReader reader, TextWriter output)
    {
        while (reader.ReadLine() is { } line)
        {
            segmenter.WriteSegmented(line, output);
            output.Write('\n');
        }

        output.Flush();
    }

    internal static WordSegmenter Load(FileInfo modelFile)
    {
        using var model = modelFile.OpenRead();
        return new WordSegmenter(SegmenterModel.ReadWithEmbeddedLists(model));
    }

    internal static int Evaluate(WordSegmenter segmenter, FileInfo gold, TextWriter output)
    {
        if (!gold.Exists)
        {
            return CliIO.Fail($"no such file: {gold.FullName}");
        }

        var sentences = SegmentedCorpus.ReadConllu(gold.FullName);
        var score = SegmentationScore.Evaluate(segmenter, sentences);
        WriteScore(score, output);
        output.Flush();
        return 0;
    }

    internal static void WriteScore(SegmentationScore score, TextWriter output)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sentences\t{score.Sentences}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"words\tgold {score.Gold}\tpredicted {score.Predicted}\tcorrect {score.Correct}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"precision\t{score.Precision:F2}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"recall\t{score.Recall:F2}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"f1\t{score.F1:F2}"));
    }
}

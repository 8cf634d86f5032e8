using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using DanVan.Extraction.Text;

namespace DanVan.Extraction.Benchmarks;

/// <summary>
/// Word segmentation, tokenizer included, over ~1 MB of Vietnamese text on one core. Two inputs: the
/// shared corpus text (<see cref="BenchmarkText"/>), and plain text made from the word-segmented
/// treebank training sentences (../shared/data, drawn in a fixed-seed order). The "syllables/s" column
/// is syllable tokens in the input divided by the mean time.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class SegmenterBenchmarks
{
    private const int Seed = 13;

    private static readonly Lazy<string> TreebankText = new(BuildTreebankText);

    private readonly List<TextSpan> _words = new(1 << 18);
    private string _text = string.Empty;

    [Params("corpus", "treebank")]
    public string Input { get; set; } = "corpus";

    [GlobalSetup]
    public void Setup()
    {
        _text = TextOf(Input);
        _words.Clear();

        // Loads the embedded model and sizes the per-thread scratch and the word list before measuring.
        WordSegmenter.Default.Segment(_text, _words);
    }

    [Benchmark(Description = "Segment words (tokenizer included)")]
    public int Segment()
    {
        _words.Clear();
        WordSegmenter.Default.Segment(_text, _words);
        return _words.Count;
    }

    [Benchmark(Description = "Tokenize only (for reference)")]
    public int Tokenize() => SyllableTokenizer.Count(_text);

    private static string TextOf(string input) => input == "treebank" ? TreebankText.Value : BenchmarkText.Value;

    private static int CountSyllables(string text)
    {
        var count = 0;
        foreach (var token in SyllableTokenizer.Tokenize(text))
        {
            if (token.Kind == TokenKind.Syllable)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>~1 MB of plain text from the word-segmented training sentences ('_' read as a space), fixed-seed order.</summary>
    private static string BuildTreebankText()
    {
        var shared = Environment.GetEnvironmentVariable("DANVAN_SHARED") is { Length: > 0 } s
            ? s
            : Path.Combine(BenchmarkText.RepoRoot, "..", "shared");
        var path = Path.Combine(shared, "data", "rdrsegmenter-train", "Train_gold.txt");
        var lines = new List<string>();
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            if (line.Length > 0)
            {
                lines.Add(line.Replace('_', ' '));
            }
        }

        var random = new Random(Seed);
        var builder = new StringBuilder(BenchmarkText.TargetCharacters + 4096);
        while (builder.Length < BenchmarkText.TargetCharacters)
        {
            builder.Append(lines[random.Next(lines.Count)]).Append('\n');
        }

        return builder.ToString();
    }

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new ThroughputColumn("syllables/s", c => CountSyllables(TextOf((string)c.Parameters["Input"]))));
    }
}

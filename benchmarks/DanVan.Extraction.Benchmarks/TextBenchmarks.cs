using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using DanVan.Extraction.Text;

namespace DanVan.Extraction.Benchmarks;

/// <summary>
/// Normalizer, syllable tokenizer and sentence splitter over the ~1 MB corpus text, one core.
/// The "chars/s" column is characters of input per second.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class TextBenchmarks
{
    private string _text = string.Empty;

    [GlobalSetup]
    public void Setup() => _text = BenchmarkText.Value;

    [Benchmark(Description = "Normalize")]
    public int Normalize() => TextNormalizer.Default.Normalize(_text).Text.Length;

    [Benchmark(Description = "Tokenize (syllables)")]
    public int Tokenize() => SyllableTokenizer.Count(_text);

    [Benchmark(Description = "Split sentences")]
    public int SplitSentences()
    {
        var count = 0;
        foreach (var _ in SentenceSplitter.Split(_text))
        {
            count++;
        }

        return count;
    }

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new ThroughputColumn("chars/s", _ => BenchmarkText.Value.Length));
    }
}

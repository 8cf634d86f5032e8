using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using DanVan.Extraction.Recognition;

namespace DanVan.Extraction.Benchmarks;

/// <summary>
/// Entity recognition over the ~1 MB corpus text, one core, normalization and tokenization included.
/// The "MB/s" column is megabytes of UTF-8 input per second.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class RecognitionBenchmarks
{
    private static readonly DateOnly Published = new(2023, 9, 21);
    private string _text = string.Empty;

    [GlobalSetup]
    public void Setup() => _text = BenchmarkText.Value;

    [Benchmark(Description = "Recognize entities")]
    public int Recognize() => EntityRecognizer.Default.Recognize(_text, Published).Count;

    /// <summary>The rules without the learned tagger, to show what the tagger costs on the same (noisy) machine.</summary>
    [Benchmark(Description = "Recognize entities, rules only")]
    public int RecognizeRulesOnly() => EntityRecognizer.RulesOnly.Recognize(_text, Published).Count;

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new ThroughputColumn("bytes/s", _ => System.Text.Encoding.UTF8.GetByteCount(BenchmarkText.Value)));
    }
}

using BenchmarkDotNet.Attributes;
using DanVan.Extraction.Bulk;

namespace DanVan.Extraction.Benchmarks;

/// <summary>
/// The per-page overhead of <c>danvan bulk</c> besides extraction: the SimHash of an article text (corpus
/// paragraphs, about 3,000 characters) and a near-duplicate lookup in an index of 100,000 records (fixed seed).
/// </summary>
[MemoryDiagnoser]
public class BulkBenchmarks
{
    private const int Seed = 7;
    private string _article = string.Empty;
    private NearDuplicateIndex _index = new(3);
    private ulong[] _queries = [];

    [GlobalSetup]
    public void Setup()
    {
        var paragraphs = BenchmarkText.CorpusParagraphs();
        _article = string.Join("\n", paragraphs.Take(12));
        var random = new Random(Seed);
        _index = new NearDuplicateIndex(3);
        for (var i = 0; i < 100_000; i++)
        {
            _index.Add((ulong)random.NextInt64() ^ ((ulong)random.Next(2) << 63), (ulong)i);
        }

        _queries = [.. Enumerable.Range(0, 1024).Select(_ => (ulong)random.NextInt64())];
    }

    [Benchmark(Description = "SimHash of an article")]
    public ulong Hash() => SimHash.Compute(_article);

    [Benchmark(Description = "Near-duplicate lookup (100k records)", OperationsPerInvoke = 1024)]
    public int Lookup()
    {
        var found = 0;
        foreach (var q in _queries)
        {
            found += _index.Find(q) is null ? 0 : 1;
        }

        return found;
    }
}

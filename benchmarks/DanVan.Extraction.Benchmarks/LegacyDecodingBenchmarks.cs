using System.Text;
using BenchmarkDotNet.Attributes;
using DanVan.Extraction.Text;

namespace DanVan.Extraction.Benchmarks;

/// <summary>
/// Legacy Vietnamese decoding: TCVN3 and VNI bytes through the decoder, and the same text as Latin-1 mojibake
/// through the normalizer. Input: the checked-in golden article (tests/…/LegacyGolden), repeated 200 times.
/// </summary>
[MemoryDiagnoser]
public class LegacyDecodingBenchmarks
{
    private const int Repeat = 200;

    private byte[] _tcvn3 = [];
    private byte[] _vni = [];
    private byte[] _utf8 = [];
    private string _tcvn3Mojibake = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var folder = Path.Combine(FindRoot(), "tests", "DanVan.Extraction.Tests", "Text", "LegacyGolden");
        _tcvn3 = Repeated(File.ReadAllBytes(Path.Combine(folder, "article.tcvn3.bin")));
        _vni = Repeated(File.ReadAllBytes(Path.Combine(folder, "article.vni.bin")));
        _utf8 = Repeated(File.ReadAllBytes(Path.Combine(folder, "article.expected.txt")));
        _tcvn3Mojibake = Encoding.GetEncoding(1252).GetString(_tcvn3);
    }

    [Benchmark]
    public int DecodeTcvn3() => VietnameseTextDecoder.TryDecode(_tcvn3, null, out var result, out _) ? result.Text.Length : -1;

    [Benchmark]
    public int DecodeVni() => VietnameseTextDecoder.TryDecode(_vni, null, out var result, out _) ? result.Text.Length : -1;

    [Benchmark(Baseline = true)]
    public int DecodeUtf8() => VietnameseTextDecoder.TryDecode(_utf8, null, out var result, out _) ? result.Text.Length : -1;

    [Benchmark]
    public int NormalizeTcvn3Mojibake() => TextNormalizer.Default.Normalize(_tcvn3Mojibake).Text.Length;

    private static byte[] Repeated(byte[] bytes)
    {
        var result = new byte[bytes.Length * Repeat];
        for (var k = 0; k < Repeat; k++)
        {
            bytes.CopyTo(result, k * bytes.Length);
        }

        return result;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DanVan.Extraction.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Cannot find DanVan.Extraction.sln above " + AppContext.BaseDirectory);
    }
}

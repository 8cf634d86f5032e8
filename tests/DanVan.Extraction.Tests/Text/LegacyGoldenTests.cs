using System.Text;
using DanVan.Extraction.Text;

namespace DanVan.Extraction.Tests.Text;

/// <summary>
/// Golden files: <c>Text/LegacyGolden/NAME.ENCODING.bin</c> (an article in TCVN3, VNI or windows-1258 bytes)
/// beside <c>NAME.expected.txt</c> (UTF-8, NFC); compared exactly.
/// </summary>
public sealed class LegacyGoldenTests
{
    static LegacyGoldenTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    private static string Folder => Path.Combine(RepoPaths.Root, "tests", "DanVan.Extraction.Tests", "Text", "LegacyGolden");

    public static TheoryData<string, TextEncodingKind> Cases => new()
    {
        { "article.tcvn3.bin", TextEncodingKind.Tcvn3 },
        { "article.vni.bin", TextEncodingKind.Vni },
        { "article.cp1258.bin", TextEncodingKind.Windows1258 },
    };

    public static TheoryData<string, TextEncodingKind> FontEncodingCases => new()
    {
        { "article.tcvn3.bin", TextEncodingKind.Tcvn3 },
        { "article.vni.bin", TextEncodingKind.Vni },
    };

    [Fact]
    public void Every_golden_input_is_listed()
    {
        var listed = Cases.Select(c => (string)c[0]).ToHashSet(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(Folder, "*.bin").Select(Path.GetFileName).ToList();
        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.Contains(f!, listed));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Golden_bytes_decode_to_the_expected_text(string file, TextEncodingKind kind)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder, file));
        var expected = ExpectedFor(file);

        foreach (var declared in new string?[] { null, "iso-8859-1", "windows-1258" })
        {
            Assert.True(VietnameseTextDecoder.TryDecode(bytes, declared, out var decoded, out var error), error);
            Assert.Equal(kind, decoded.Encoding);
            Assert.Equal(expected, decoded.Text);
        }
    }

    [Theory]
    [MemberData(nameof(FontEncodingCases))]
    public void Golden_mojibake_normalizes_with_offsets_into_the_mojibake(string file, TextEncodingKind kind)
    {
        var mojibake = Encoding.GetEncoding(1252).GetString(File.ReadAllBytes(Path.Combine(Folder, file)));
        var expected = TextNormalizer.Default.Normalize(ExpectedFor(file));

        var normalized = TextNormalizer.Default.Normalize(mojibake);

        Assert.Equal(kind, normalized.SourceEncoding);
        Assert.Equal(expected.Text, normalized.Text);
        var table = kind == TextEncodingKind.Tcvn3 ? LegacyEncodingTable.Tcvn3 : LegacyEncodingTable.Vni;
        foreach (var word in new[] { "Huyện ủy", "Trần Thị Mai", "Dân vận khéo", "nguyện vọng" })
        {
            var at = normalized.Text.IndexOf(word, StringComparison.Ordinal);
            Assert.True(at >= 0, word);
            var span = normalized.ToOriginal(new TextSpan(at, word.Length));
            Assert.Equal(LegacyTestEncoding.Encode(word, table), mojibake.Substring(span.Start, span.Length));
        }
    }

    private static string ExpectedFor(string file) =>
        File.ReadAllText(Path.Combine(Folder, file[..file.IndexOf('.', StringComparison.Ordinal)] + ".expected.txt"));
}

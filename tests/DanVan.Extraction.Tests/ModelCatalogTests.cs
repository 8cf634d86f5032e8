using DanVan.Extraction.Text;

namespace DanVan.Extraction.Tests;

/// <summary>Every catalog entry is embedded and opens; every embedded model is in the catalog; the tables parse.</summary>
public sealed class ModelCatalogTests
{
    [Fact]
    public void Every_catalog_entry_opens_and_is_not_empty()
    {
        Assert.NotEmpty(ModelCatalog.All);
        foreach (var name in ModelCatalog.All)
        {
            using var stream = ModelCatalog.Open(name);
            Assert.True(stream.ReadByte() >= 0, name + " is empty");
        }
    }

    [Fact]
    public void Every_embedded_model_is_in_the_catalog()
    {
        var listed = ModelCatalog.All.ToHashSet(StringComparer.Ordinal);
        Assert.All(ModelCatalog.Embedded(), name => Assert.Contains(name, listed));
    }

    [Fact]
    public void Every_model_file_is_embedded_under_its_logical_name()
    {
        var embedded = ModelCatalog.Embedded().ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Models, "*", SearchOption.AllDirectories))
        {
            if (file.EndsWith(".md", StringComparison.Ordinal))
            {
                continue;
            }

            var relative = Path.GetRelativePath(RepoPaths.Models, file);
            Assert.Contains(ModelCatalog.NameOf(relative), embedded);
        }
    }

    [Fact]
    public void Missing_resource_fails_loudly() =>
        Assert.Throws<InvalidOperationException>(() => ModelCatalog.Open(ModelCatalog.NameOf("encodings/missing.tsv")));

    [Fact]
    public void Legacy_encoding_tables_parse()
    {
        Assert.Equal(TextEncodingKind.Tcvn3, LegacyEncodingTable.Tcvn3.Kind);
        Assert.Equal(1, LegacyEncodingTable.Tcvn3.MaxLength);
        Assert.Equal(TextEncodingKind.Vni, LegacyEncodingTable.Vni.Kind);
        Assert.Equal(2, LegacyEncodingTable.Vni.MaxLength);
    }

    [Theory]
    [InlineData("B8 á")]
    [InlineData("ZZ\tá")]
    [InlineData("B8\tab")]
    [InlineData("B8\t1")]
    [InlineData("61 F9 F9 F9\tá")]
    [InlineData("B8\ta\u0301")]
    [InlineData("B8\tá\nB8\tà")]
    [InlineData("# only a comment")]
    public void Malformed_tables_are_refused(string content) =>
        Assert.Throws<InvalidDataException>(() => LegacyEncodingTable.Parse(TextEncodingKind.Tcvn3, new StringReader(content), "test.tsv"));
}

namespace DanVan.Extraction.Tests;

public class ModelCatalogTests
{
    [Fact]
    public void Every_catalog_entry_opens_and_has_content()
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
        Assert.Equal(ModelCatalog.Embedded().Order(StringComparer.Ordinal), ModelCatalog.All.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_missing_resource_throws()
    {
        Assert.Throws<InvalidOperationException>(() => ModelCatalog.Open(ModelCatalog.NameOf("segmenter/missing.bin")));
    }
}

using System.Text.Json;
using DanVan.Extraction.Evaluation;
using DanVan.Extraction.Records;

namespace DanVan.Extraction.Tests.Records;

public class RecordSchemaTests
{
    private static readonly Lazy<SchemaValidator> Validator = new(() =>
        new SchemaValidator(JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "meeting-record.schema.json"))).RootElement.Clone()));

    [Fact]
    public void Every_corpus_article_and_seed_record_validates_against_the_schema()
    {
        var extractor = MeetingExtractor.CreateDefault();
        var inputs = CorpusArticleReader.ReadDirectory(Path.Combine(RepoPaths.Corpus, "articles")).Select(a => (a.Path, a.Text, (DateOnly?)a.Published))
            .Concat(RepoPaths.SeedFiles().Select(f => (f, File.ReadAllText(f), (DateOnly?)null)));
        var count = 0;
        foreach (var (path, text, published) in inputs)
        {
            var json = RecordJson.Serialize(extractor.ExtractText(text, new ExtractionOptions { Published = published, SourcePath = path }));
            using var doc = JsonDocument.Parse(json);
            var errors = Validator.Value.Validate(doc.RootElement);
            Assert.True(errors.Count == 0, path + ": " + string.Join("; ", errors.Take(5)));
            count++;
        }

        Assert.True(count >= 85);
    }

    [Theory]
    [InlineData("source", "\"x\"", "is not object")]
    [InlineData("meeting.kind", "\"họp\"", "enum")]
    [InlineData("dates", "[{\"text\":\"20/9\",\"value\":\"20-9\",\"start\":0,\"end\":4}]", "does not match")]
    [InlineData("sections", "[{\"label\":\"results\",\"start\":-1,\"end\":4}]", "below")]
    [InlineData("extra", "1", "not allowed")]
    public void The_validator_rejects_records_that_break_the_schema(string property, string replacement, string expected)
    {
        var record = MeetingExtractor.CreateDefault().ExtractText("Ngày 20/9/2023, Ban Dân vận Thành ủy tổ chức giao ban.");
        var node = System.Text.Json.Nodes.JsonNode.Parse(RecordJson.Serialize(record))!.AsObject();
        var parts = property.Split('.');
        var target = parts.Length == 2 ? node[parts[0]]!.AsObject() : node;
        target[parts[^1]] = System.Text.Json.Nodes.JsonNode.Parse(replacement);
        using var doc = JsonDocument.Parse(node.ToJsonString());
        Assert.Contains(Validator.Value.Validate(doc.RootElement), e => e.Contains(expected, StringComparison.Ordinal));
    }
}

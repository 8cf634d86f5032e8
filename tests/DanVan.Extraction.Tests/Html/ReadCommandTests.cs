using System.Text.Json;
using DanVan.Extraction.Cli;
using DanVan.Extraction.Html;

namespace DanVan.Extraction.Tests.Html;

public sealed class ReadCommandTests
{
    [Fact]
    public void Json_is_camel_case_with_vietnamese_unescaped()
    {
        var article = PageReader.Default.Read(HtmlBuilder.Utf8(HtmlBuilder.Page(HtmlBuilder.BodyParagraphs() + "<p>Thanh Trúc</p>"))).Article!;
        var json = ReadCommand.ToJson(article);
        Assert.Contains("\"title\": \"Ban Dân vận Thị ủy tổng kết công tác dân vận năm 2020\"", json, StringComparison.Ordinal);
        Assert.Contains("\"published\": \"2021-01-29\"", json, StringComparison.Ordinal);
        Assert.Contains("\"publishedPrecision\": \"date\"", json, StringComparison.Ordinal);
        Assert.Contains("\"author\": \"Thanh Trúc\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", json, StringComparison.Ordinal);

        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal(article.Paragraphs.Count, root.GetProperty("paragraphs").GetArrayLength());
        var span = root.GetProperty("paragraphSpans")[0];
        Assert.Equal(article.Paragraphs[0], root.GetProperty("text").GetString()!.Substring(span.GetProperty("start").GetInt32(), span.GetProperty("length").GetInt32()));
    }
}

using System.Text;
using System.Text.Json;
using DanVan.Extraction.Html;

namespace DanVan.Extraction.Tests.Html;

/// <summary><c>danvan read</c> run as the user runs it (the built danvan.dll beside the tests).</summary>
public sealed class ReadCommandTests
{
    private static (int ExitCode, string Output, string Error) Danvan(params string[] args)
    {
        var result = CliRunner.Run(null, args);
        return (result.ExitCode, result.StdOut, result.StdErr);
    }

    [Fact]
    public void Json_is_camel_case_with_vietnamese_unescaped()
    {
        var path = Path.Combine(Path.GetTempPath(), $"danvan-read-{Guid.NewGuid():N}.html");
        File.WriteAllText(path, HtmlBuilder.Page(HtmlBuilder.BodyParagraphs() + "<p>Thanh Trúc</p>"), new UTF8Encoding(false));
        try
        {
            var (code, json, error) = Danvan("read", path, "--format", "json");
            Assert.True(code == 0, error);
            Assert.Contains("\"title\": \"Ban Dân vận Thị ủy tổng kết công tác dân vận năm 2020\"", json, StringComparison.Ordinal);
            Assert.Contains("\"published\": \"2021-01-29\"", json, StringComparison.Ordinal);
            Assert.Contains("\"publishedPrecision\": \"date\"", json, StringComparison.Ordinal);
            Assert.Contains("\"author\": \"Thanh Trúc\"", json, StringComparison.Ordinal);
            Assert.DoesNotContain("\\u", json, StringComparison.Ordinal);

            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            Assert.Equal(HtmlBuilder.Paragraphs.Length, root.GetProperty("paragraphs").GetArrayLength());
            var span = root.GetProperty("paragraphSpans")[0];
            Assert.Equal(HtmlBuilder.Paragraphs[0], root.GetProperty("text").GetString()!.Substring(span.GetProperty("start").GetInt32(), span.GetProperty("length").GetInt32()));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Not_an_article_is_an_error_with_the_reason()
    {
        var path = Path.Combine(Path.GetTempPath(), $"danvan-read-{Guid.NewGuid():N}.html");
        File.WriteAllText(path, "<html><head><meta http-equiv='refresh' content='0; url=/tin/1'></head><body></body></html>");
        try
        {
            var (code, _, error) = Danvan("read", path);
            Assert.Equal(2, code);
            Assert.Contains(nameof(NotArticleReason.Redirect), error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using DanVan.Extraction.Html;

namespace DanVan.Extraction.Cli;

/// <summary><c>danvan read PAGE [--format text|json]</c>: the clean article of a saved page (or of copied text).</summary>
internal static class ReadCommand
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never,
    };

    public static Command Create()
    {
        var file = new Argument<FileInfo>("page") { Description = "A saved HTML page (or a .txt file of text copied from a page)." };
        var format = new Option<string>("--format") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var url = new Option<string?>("--url") { Description = "The URL the page came from (used when the page names no canonical URL)." };
        var charset = new Option<string?>("--charset") { Description = "The HTTP charset, when known." };
        var asText = new Option<bool>("--text") { Description = "Read the input as plain text copied from a page (default for .txt files)." };
        var explain = new Option<bool>("--explain") { Description = "Print the lines the content selector chose, with their hints and classes, instead of the article." };
        var command = new Command("read", "Print the clean article of a saved portal page: title, date, author, lead, body, captions.") { file, format, url, charset, asText, explain };
        command.SetAction(parse =>
        {
            var input = parse.GetValue(file)!;
            if (!input.Exists)
            {
                return CliIO.Fail($"no such file: {input.FullName}");
            }

            var options = PageReadOptions.Default with
            {
                Url = Uri.TryCreate(parse.GetValue(url), UriKind.Absolute, out var u) ? u : null,
                HttpCharset = parse.GetValue(charset),
            };
            if (parse.GetValue(explain))
            {
                using var explained = CliIO.StdOut();
                explained.Write(PageReader.Explain(File.ReadAllBytes(input.FullName)));
                return 0;
            }

            var text = parse.GetValue(asText) || input.Extension.Equals(".txt", StringComparison.OrdinalIgnoreCase);
            var result = text
                ? PageReader.Default.ReadText(File.ReadAllText(input.FullName), options)
                : PageReader.Default.Read(File.ReadAllBytes(input.FullName), options);
            if (result.Article is not { } article)
            {
                return CliIO.Fail($"{input.Name}: not an article ({result.Reason}): {result.Message}");
            }

            using var output = CliIO.StdOut();
            if (parse.GetValue(format) == "json")
            {
                output.WriteLine(ToJson(article));
            }
            else
            {
                WriteText(output, article);
            }

            return 0;
        });
        return command;
    }

    private static void WriteText(TextWriter output, Article article)
    {
        output.WriteLine(article.Title ?? "(no title)");
        output.WriteLine($"Published: {article.Published?.ToString() ?? "-"}");
        output.WriteLine($"Author: {article.Author ?? "-"}");
        output.WriteLine($"Site: {article.Site ?? "-"}");
        output.WriteLine($"URL: {article.Url ?? "-"}");
        output.WriteLine($"Encoding: {article.Encoding.Name} ({article.Encoding.Source})");
        output.WriteLine();
        if (article.Lead is not null)
        {
            output.WriteLine(article.Lead);
            output.WriteLine();
        }

        foreach (var p in article.Paragraphs)
        {
            output.WriteLine(p);
        }

        if (article.Captions.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Captions:");
            foreach (var c in article.Captions)
            {
                output.WriteLine("- " + c);
            }
        }
    }

    /// <summary>The article as indented camelCase JSON, Vietnamese written as is (not \u-escaped).</summary>
    internal static string ToJson(Article article) => JsonSerializer.Serialize(ToDto(article), Json);

    private static ArticleDto ToDto(Article a) => new(
        a.Title,
        a.Published?.ToString(),
        a.Published?.Precision.ToString().ToLowerInvariant(),
        a.Author,
        a.Site,
        a.Url,
        a.Lead,
        a.Paragraphs,
        a.Captions,
        new EncodingDto(a.Encoding.Kind.ToString(), a.Encoding.Name, a.Encoding.Source),
        a.Text,
        a.TitleSpan is { } t ? new SpanDto(t.Start, t.Length) : null,
        a.LeadSpan is { } l ? new SpanDto(l.Start, l.Length) : null,
        a.ParagraphSpans.Select(s => new SpanDto(s.Start, s.Length)).ToArray());

    private sealed record ArticleDto(
        string? Title,
        string? Published,
        string? PublishedPrecision,
        string? Author,
        string? Site,
        string? Url,
        string? Lead,
        IReadOnlyList<string> Paragraphs,
        IReadOnlyList<string> Captions,
        EncodingDto Encoding,
        string Text,
        SpanDto? TitleSpan,
        SpanDto? LeadSpan,
        IReadOnlyList<SpanDto> ParagraphSpans);

    private sealed record EncodingDto(string Kind, string Name, string Source);

    private sealed record SpanDto(int Start, int Length);
}

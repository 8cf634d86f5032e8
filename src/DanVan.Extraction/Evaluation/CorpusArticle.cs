using System.Globalization;
using System.Text;
using DanVan.Extraction.Text;

namespace DanVan.Extraction.Evaluation;

/// <summary>One gold entity mention of an annotated corpus article.</summary>
/// <param name="Type">person, title, org, date, period, figure or campaign.</param>
/// <param name="Span">The mention's span in <see cref="CorpusArticle.Text"/>.</param>
/// <param name="Text">The mention as written.</param>
/// <param name="Attributes">The normalized values (name, expanded, value, start, end, unit, …).</param>
internal sealed record GoldEntity(string Type, TextSpan Span, string Text, IReadOnlyDictionary<string, string> Attributes)
{
    public string Attribute(string key) => Attributes.TryGetValue(key, out var v) ? v : string.Empty;
}

/// <summary>An article of <c>corpus/articles</c>: its plain text, its gold mentions and its header fields.</summary>
internal sealed record CorpusArticle(
    string Id,
    string Split,
    string Path,
    string Text,
    IReadOnlyList<GoldEntity> Entities,
    IReadOnlyList<KeyValuePair<string, string>> Header)
{
    public string HeaderValue(string key) => Header.FirstOrDefault(h => h.Key == key).Value ?? string.Empty;

    public IEnumerable<string> HeaderValues(string key) => Header.Where(h => h.Key == key).Select(h => h.Value);

    public DateOnly Published => DateOnly.ParseExact(HeaderValue("published"), "yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>The corpus file had a format error; the message names the file and line.</summary>
internal sealed class CorpusFormatException(string message) : Exception(message);

/// <summary>Reads the hand-editable annotation format described in corpus/README.md.</summary>
internal static class CorpusArticleReader
{
    public static readonly IReadOnlySet<string> EntityTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "person", "title", "org", "date", "period", "figure", "campaign",
    };

    private static readonly Dictionary<string, string[]> RequiredAttributes = new(StringComparer.Ordinal)
    {
        ["person"] = ["name"],
        ["title"] = ["expanded"],
        ["org"] = ["expanded"],
        ["date"] = ["value"],
        ["period"] = ["start"],
        ["figure"] = ["value", "unit"],
        ["campaign"] = ["name"],
    };

    private static readonly string[] Splits = ["train", "dev", "test"];

    /// <summary>Every article of <paramref name="directory"/> (sorted by file name), optionally one split only.</summary>
    public static IReadOnlyList<CorpusArticle> ReadDirectory(string directory, string? split = null)
    {
        var articles = new List<CorpusArticle>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.txt").Order(StringComparer.Ordinal))
        {
            var article = Parse(File.ReadAllText(file, Encoding.UTF8), file);
            if (split is null || article.Split == split)
            {
                articles.Add(article);
            }
        }

        return articles;
    }

    public static CorpusArticle Parse(string content, string path)
    {
        content = content.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (!content.StartsWith("---\n", StringComparison.Ordinal))
        {
            throw new CorpusFormatException($"{path}:1: the file must start with a '---' header line");
        }

        var headerEnd = content.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        if (headerEnd < 0)
        {
            throw new CorpusFormatException($"{path}: the header has no closing '---' line");
        }

        var header = ParseHeader(content[4..headerEnd], path);
        var bodyStart = headerEnd + 5;
        var bodyLine = content[..bodyStart].Count(c => c == '\n') + 1;
        var (text, entities) = ParseBody(content[bodyStart..], path, bodyLine);

        var id = header.FirstOrDefault(h => h.Key == "id").Value;
        var split = header.FirstOrDefault(h => h.Key == "split").Value;
        var published = header.FirstOrDefault(h => h.Key == "published").Value;
        if (string.IsNullOrEmpty(id))
        {
            throw new CorpusFormatException($"{path}: header key 'id' is missing");
        }

        if (split is null || !Splits.Contains(split))
        {
            throw new CorpusFormatException($"{path}: header key 'split' must be one of train, dev, test");
        }

        if (!IsIsoDate(published))
        {
            throw new CorpusFormatException($"{path}: header key 'published' must be a YYYY-MM-DD date");
        }

        return new CorpusArticle(id, split, path, text, entities, header);
    }

    private static List<KeyValuePair<string, string>> ParseHeader(string header, string path)
    {
        var result = new List<KeyValuePair<string, string>>();
        var lineNumber = 1;
        foreach (var line in header.Split('\n'))
        {
            lineNumber++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new CorpusFormatException($"{path}:{lineNumber}: header lines are 'key: value'");
            }

            result.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }

        return result;
    }

    private static (string Text, List<GoldEntity> Entities) ParseBody(string body, string path, int firstLine)
    {
        var text = new StringBuilder(body.Length);
        var entities = new List<GoldEntity>();
        var i = 0;
        while (i < body.Length)
        {
            var open = body.IndexOf("[[", i, StringComparison.Ordinal);
            var strayClose = body.IndexOf("]]", i, StringComparison.Ordinal);
            if (strayClose >= 0 && (open < 0 || strayClose < open))
            {
                throw Error(path, firstLine, body, strayClose, "']]' without '[['");
            }

            if (open < 0)
            {
                text.Append(body, i, body.Length - i);
                break;
            }

            text.Append(body, i, open - i);
            var close = body.IndexOf("]]", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                throw Error(path, firstLine, body, open, "'[[' without ']]'");
            }

            var inner = body[(open + 2)..close];
            if (inner.Contains("[[", StringComparison.Ordinal) || inner.Contains('\n', StringComparison.Ordinal))
            {
                throw Error(path, firstLine, body, open, "annotations do not nest or span lines");
            }

            var colon = inner.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw Error(path, firstLine, body, open, "an annotation is [[type:text|key=value…]]");
            }

            var type = inner[..colon];
            if (!EntityTypes.Contains(type))
            {
                throw Error(path, firstLine, body, open, $"unknown entity type '{type}'");
            }

            var parts = inner[(colon + 1)..].Split('|');
            var mention = parts[0];
            if (mention.Length == 0 || mention.Trim().Length != mention.Length)
            {
                throw Error(path, firstLine, body, open, "the mention must be non-empty with no surrounding spaces");
            }

            var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var part in parts.Skip(1))
            {
                var eq = part.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0)
                {
                    throw Error(path, firstLine, body, open, $"attribute '{part}' is not key=value");
                }

                attributes[part[..eq].Trim()] = part[(eq + 1)..].Trim();
            }

            Validate(type, attributes, path, firstLine, body, open);
            entities.Add(new GoldEntity(type, new TextSpan(text.Length, mention.Length), mention, attributes));
            text.Append(mention);
            i = close + 2;
        }

        return (text.ToString(), entities);
    }

    private static void Validate(string type, Dictionary<string, string> attributes, string path, int firstLine, string body, int at)
    {
        foreach (var key in RequiredAttributes[type])
        {
            if (!attributes.TryGetValue(key, out var value) || value.Length == 0)
            {
                throw Error(path, firstLine, body, at, $"{type} needs attribute '{key}'");
            }
        }

        switch (type)
        {
            case "date" when !IsIsoDate(attributes["value"]):
                throw Error(path, firstLine, body, at, "date value must be YYYY-MM-DD");
            case "period" when !IsIsoDate(attributes["start"]) || (attributes.TryGetValue("end", out var end) && end.Length > 0 && !IsIsoDate(end)):
                throw Error(path, firstLine, body, at, "period start/end must be YYYY-MM-DD (end may be empty)");
            case "figure" when !decimal.TryParse(attributes["value"], NumberStyles.Number, CultureInfo.InvariantCulture, out _):
                throw Error(path, firstLine, body, at, "figure value must be a decimal number");
        }
    }

    private static bool IsIsoDate(string? value) =>
        value is not null && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static CorpusFormatException Error(string path, int firstLine, string body, int offset, string message)
    {
        var line = firstLine + body.AsSpan(0, offset).Count('\n');
        return new CorpusFormatException($"{path}:{line}: {message}");
    }
}

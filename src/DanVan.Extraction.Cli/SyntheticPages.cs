using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using DanVan.Extraction.Bulk;

namespace DanVan.Extraction.Cli;

/// <summary>
/// Synthetic portal pages for bulk benchmarks and tests, made from the labeled corpus pages: the article body
/// and title of a UTF-8 page's HTML are swapped for a lead, paragraphs and a title drawn from the whole corpus
/// (with a fixed seed), numbers varied, so pages look like real portal pages but are distinct articles
/// (near-duplicate detection does not merge them). Deterministic for a seed; not thread-safe.
/// </summary>
internal sealed class SyntheticPages
{
    private readonly List<Template> _templates;
    private readonly List<string> _leads;
    private readonly List<string> _paragraphs;
    private readonly List<string> _titles;

    private SyntheticPages(List<Template> templates, List<string> leads, List<string> paragraphs, List<string> titles)
    {
        _templates = templates;
        _leads = leads;
        _paragraphs = paragraphs;
        _titles = titles;
    }

    public int TemplateCount => _templates.Count;

    /// <summary>The portal kind (corpus folder) of a template.</summary>
    public string TemplateKind(int template) => _templates[template].Kind;

    /// <summary>Loads <c>&lt;kind&gt;/NNN.html</c> with <c>NNN.gold.json</c> below <paramref name="pagesDirectory"/>.</summary>
    public static SyntheticPages Load(string pagesDirectory)
    {
        var templates = new List<Template>();
        var leads = new List<string>();
        var paragraphs = new List<string>();
        var titles = new List<string>();
        foreach (var gold in Directory.EnumerateFiles(pagesDirectory, "*.gold.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(gold));
            var root = doc.RootElement;
            if (!root.TryGetProperty("body", out var bodyElement) || bodyElement.ValueKind != JsonValueKind.Array || bodyElement.GetArrayLength() < 2)
            {
                continue;
            }

            var body = bodyElement.EnumerateArray().Select(p => p.GetString() ?? string.Empty).ToList();
            var title = root.TryGetProperty("title", out var t) ? t.GetString() ?? string.Empty : string.Empty;
            leads.Add(body[0]);
            paragraphs.AddRange(body.Skip(1).Where(p => p.Length > 40));
            if (title.Length > 0)
            {
                titles.Add(title);
            }

            var htmlPath = gold[..^".gold.json".Length] + ".html";
            if (root.TryGetProperty("encoding", out var e) && e.GetString() == "utf-8" && File.Exists(htmlPath))
            {
                var html = File.ReadAllText(htmlPath, Encoding.UTF8);
                var start = html.IndexOf(body[0][..Math.Min(40, body[0].Length)], StringComparison.Ordinal);
                var last = body[^1][^Math.Min(40, body[^1].Length)..];
                var end = html.IndexOf(last, Math.Max(0, start), StringComparison.Ordinal);
                if (start >= 0 && end > start && title.Length > 0)
                {
                    templates.Add(new Template(html[..start], html[(end + last.Length)..], title, Path.GetFileName(Path.GetDirectoryName(gold)!)));
                }
            }
        }

        var pages = new SyntheticPages(templates, leads, paragraphs, titles);
        pages.KeepTemplatesThatRead();
        return pages;
    }

    /// <summary>
    /// Drops the templates whose page reader output does not hold a swapped-in body (a template whose article
    /// sits in markup the swap breaks), so every generated page is an article.
    /// </summary>
    private void KeepTemplatesThatRead()
    {
        var extractor = Records.MeetingExtractor.CreateDefault();
        var probe = new List<string> { _leads[^1] };
        probe.AddRange(_paragraphs.Take(4));
        _templates.RemoveAll(t =>
        {
            var html = Encoding.UTF8.GetBytes(Page(_templates.IndexOf(t), _titles[0], probe));
            var record = extractor.Extract(html, new Records.ExtractionOptions { HttpCharset = "utf-8" }).Record;
            return record is null || !record.Text.Contains(probe[2][..Math.Min(30, probe[2].Length)], StringComparison.Ordinal);
        });
    }

    /// <summary>The HTML of a page: a template with <paramref name="title"/> and <paramref name="body"/> paragraphs.</summary>
    public string Page(int template, string title, IReadOnlyList<string> body)
    {
        var t = _templates[template];
        var encodedTitle = WebUtility.HtmlEncode(title);
        var inner = string.Join("</p>\n<p>", body.Select(WebUtility.HtmlEncode));
        return t.Before.Replace(t.Title, encodedTitle, StringComparison.Ordinal) + inner + t.After.Replace(t.Title, encodedTitle, StringComparison.Ordinal);
    }

    /// <summary>Writes <paramref name="count"/> pages as WARC responses (gzipped per record for a <c>.gz</c> name).</summary>
    public void WriteWarc(string path, int count, int seed)
    {
        var random = new Random(seed);
        using var warc = WarcWriter.Create(path);
        var date = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        warc.WriteWarcinfo("software: danvan bulk-generate\r\nseed: " + seed.ToString(CultureInfo.InvariantCulture) + "\r\n", date);
        string[] headers = ["Content-Type", "text/html; charset=utf-8"];
        for (var i = 0; i < count; i++)
        {
            var template = random.Next(_templates.Count);
            var body = new List<string> { Vary(_leads[random.Next(_leads.Count)], random) };
            var paragraphs = 3 + random.Next(5);
            for (var p = 0; p < paragraphs; p++)
            {
                body.Add(Vary(_paragraphs[random.Next(_paragraphs.Count)], random));
            }

            var title = Vary(_titles[random.Next(_titles.Count)], random);
            var html = Encoding.UTF8.GetBytes(Page(template, title, body));
            var uri = string.Create(CultureInfo.InvariantCulture, $"https://{_templates[template].Kind}.example.vn/tin-tuc/{i:D7}.html");
            warc.WriteResponse(uri, 200, "OK", [new(headers[0], headers[1])], html, date.AddMinutes(i));
        }
    }

    /// <summary>Every number of the text replaced by another of the same length, so copies of a paragraph differ.</summary>
    private static string Vary(string text, Random random)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsAsciiDigit(chars[i]))
            {
                chars[i] = (char)('0' + random.Next(10));
            }
        }

        return new string(chars);
    }

    private sealed record Template(string Before, string After, string Title, string Kind);
}

using System.Text.Json;
using AngleSharp.Html.Parser;
using DanVan.Extraction.Text;

namespace DanVan.Extraction.Html;

/// <summary>
/// Reads portal pages into <see cref="Article"/>s with a general main-content algorithm (text and link
/// density per block, block structure, headings, position relative to the title) and a Vietnamese
/// page-chrome classifier shared with plain-text input. No per-site rules are needed;
/// <see cref="PageReadOptions.SiteHints"/> may name the content element of a known site.
/// Immutable and thread-safe: create one and share it between threads.
/// </summary>
public sealed class PageReader : IPageReader
{
    private const int MinBodyChars = 80;

    // A parser builds its browsing context and element factories when created: one per thread, reused.
    [ThreadStatic]
    private static HtmlParser? t_parser;

    private static HtmlParser Parser => t_parser ??= new HtmlParser(new HtmlParserOptions { IsScripting = false, DisableElementPositionTracking = true });

    /// <summary>A shared reader.</summary>
    public static PageReader Default { get; } = new();

    /// <inheritdoc />
    public PageReadResult Read(byte[] html, PageReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        return ReadCore(html, html.Length, null, options ?? PageReadOptions.Default, cancellationToken);
    }

    /// <summary>
    /// <see cref="Read"/> for bytes the caller has already decoded with <see cref="VietnameseTextDecoder.TryDecode"/>
    /// and the same <see cref="PageReadOptions.HttpCharset"/>: the same result, without decoding twice.
    /// </summary>
    internal static PageReadResult ReadDecoded(int byteLength, DecodedText decoded, PageReadOptions? options = null, CancellationToken cancellationToken = default) =>
        ReadCore(null, byteLength, decoded, options ?? PageReadOptions.Default, cancellationToken);

    private static PageReadResult ReadCore(byte[]? html, int byteLength, DecodedText? decoded, PageReadOptions options, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (byteLength > options.MaxBytes)
        {
            return PageReadResult.NotAnArticle(NotArticleReason.TooLarge, $"the page is {byteLength} bytes, more than the {options.MaxBytes} allowed (PageReadOptions.MaxBytes)");
        }

        if (byteLength == 0)
        {
            return PageReadResult.NotAnArticle(NotArticleReason.Empty, "the page is empty");
        }

        try
        {
            if (decoded is null && !VietnameseTextDecoder.TryDecode(html, options.HttpCharset, out decoded, out var error))
            {
                return PageReadResult.NotAnArticle(NotArticleReason.NotText, "the bytes are not text: " + error);
            }

            if (string.IsNullOrWhiteSpace(decoded.Text))
            {
                return PageReadResult.NotAnArticle(NotArticleReason.Empty, "the page holds only whitespace");
            }

            var encoding = new ArticleEncoding(decoded.Encoding, decoded.EncodingName, decoded.Source);
            return ReadHtml(decoded.Text, encoding, options, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return PageReadResult.NotAnArticle(NotArticleReason.Unreadable, $"the page could not be read ({ex.GetType().Name}: {ex.Message})");
        }
    }

    /// <inheritdoc />
    public PageReadResult ReadText(string text, PageReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= PageReadOptions.Default;
        cancellationToken.ThrowIfCancellationRequested();
        if (text.Length > options.MaxBytes)
        {
            return PageReadResult.NotAnArticle(NotArticleReason.TooLarge, $"the text is {text.Length} characters, more than the {options.MaxBytes} allowed (PageReadOptions.MaxBytes)");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return PageReadResult.NotAnArticle(NotArticleReason.Empty, "the text is empty");
        }

        try
        {
            using var memo = LineMemo.Begin();
            var lines = new List<PageLine>();
            foreach (var raw in text.Split('\n'))
            {
                var line = TextClean.Collapse(raw);
                if (line.Length > 0)
                {
                    lines.Add(new PageLine(line, LineHints.None));
                }
            }

            var assembled = ArticleAssembler.Assemble(lines, null, null, fromMarkup: false, cancellationToken);
            var url = options.Url?.AbsoluteUri;
            return Finish(assembled, (assembled.Dateline ?? assembled.OutsideDateline)?.Date, url, options.Url?.Host, new ArticleEncoding(TextEncodingKind.Unicode, "text", "text"));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return PageReadResult.NotAnArticle(NotArticleReason.Unreadable, $"the text could not be read ({ex.GetType().Name}: {ex.Message})");
        }
    }

    private static PageReadResult ReadHtml(string html, ArticleEncoding encoding, PageReadOptions options, CancellationToken cancellationToken)
    {
        using var memo = LineMemo.Begin();
        using var document = Parser.ParseDocument(html);
        cancellationToken.ThrowIfCancellationRequested();
        var page = HtmlPage.Build(document, cancellationToken);
        var meta = page.Meta;
        if (page.Truncated)
        {
            return PageReadResult.NotAnArticle(NotArticleReason.TooLarge, $"the page has more than {HtmlPage.MaxBlocks} text blocks");
        }

        var textChars = 0;
        foreach (var b in page.Blocks)
        {
            textChars += b.Text.Length;
        }

        if (meta.HasFrameset && textChars < 200)
        {
            return PageReadResult.NotAnArticle(NotArticleReason.Frameset, "the page is a frameset; the article is in a frame", meta.FrameUrl);
        }

        if (meta.RefreshUrl is { Length: > 0 } && textChars < 300)
        {
            return PageReadResult.NotAnArticle(NotArticleReason.Redirect, "the page only redirects (meta refresh) to " + meta.RefreshUrl, meta.RefreshUrl);
        }

        var structured = JsonLdArticle.Read(meta.JsonLd);
        var headline = meta.Get("og:title") ?? structured.Headline ?? meta.Get("twitter:title");
        var url = ResolveUrl(meta.Canonical, options.Url) ?? ResolveUrl(meta.Get("og:url"), options.Url) ?? options.Url?.AbsoluteUri;
        var host = Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.Host : options.Url?.Host;
        var hinted = SiteHint(document, page, host, options);
        var selection = ContentSelector.Select(page, headline ?? CleanTitleTag(meta.TitleTag), hinted, cancellationToken);
        if (selection is null)
        {
            return PageReadResult.NotAnArticle(NotArticleReason.NoArticleText, "no block of article text was found");
        }

        var description = meta.Get("og:description") ?? meta.Get("description");
        // Without a headline block, the metadata headline keeps a label line ("Tin tức") from being taken for the title.
        var knownTitle = selection.Title ?? (headline is null ? CleanTitleTag(meta.TitleTag) : TextClean.Collapse(headline));
        var assembled = ArticleAssembler.Assemble(selection.Lines, knownTitle, description is null ? null : TextClean.Key(description), fromMarkup: true, cancellationToken);
        assembled.Title ??= headline is null ? CleanTitleTag(meta.TitleTag) : TextClean.Collapse(headline);
        var published = MergePublished(assembled.Dateline, StructuredDate(structured, meta)) ?? assembled.OutsideDateline?.Date;
        if (assembled.Author is null)
        {
            foreach (var candidate in (ReadOnlySpan<string?>)[structured.Author, meta.Get("article:author"), meta.Get("author"), meta.Get("dc.creator")])
            {
                if (candidate is not null && Bylines.IsPersonName(TextClean.Collapse(candidate)))
                {
                    assembled.Author = TextClean.Collapse(candidate);
                    break;
                }
            }
        }

        var site = meta.Get("og:site_name") is { } siteName ? TextClean.Collapse(siteName) : host;
        return Finish(assembled, published, url, site, encoding);
    }

    /// <summary>For looking at what the selector did: the chosen lines with their hints, one a line.</summary>
    internal static string Explain(byte[] html)
    {
        if (!VietnameseTextDecoder.TryDecode(html, null, out var decoded, out _))
        {
            return string.Empty;
        }

        using var document = Parser.ParseDocument(decoded.Text);
        var page = HtmlPage.Build(document, CancellationToken.None);
        var structured = JsonLdArticle.Read(page.Meta.JsonLd);
        var selection = ContentSelector.Select(page, page.Meta.Get("og:title") ?? structured.Headline ?? CleanTitleTag(page.Meta.TitleTag), null, CancellationToken.None);
        var sb = new System.Text.StringBuilder();
        sb.Append("title: ").AppendLine(selection?.Title);
        foreach (var line in selection?.Lines ?? [])
        {
            sb.Append('[').Append(line.Hints).Append("] ").Append(LineClassifier.Classify(line.Text)).Append(": ").AppendLine(line.Text.Length > 100 ? line.Text[..100] : line.Text);
        }

        sb.AppendLine("-- all blocks: index, owner element, innermost chrome element, score of the owner");
        for (var i = 0; i < page.Blocks.Count; i++)
        {
            var b = page.Blocks[i];
            var owner = b.Owner >= 0 ? page.Elements[b.Owner] : null;
            var text = b.IsImage ? "<img>" : b.Text.Length > 80 ? b.Text[..80] : b.Text;
            sb.Append(i).Append(' ').Append(b.Owner).Append(':').Append(owner?.Tag).Append('.').Append(owner?.Classes.Trim()).Append(" chrome=").Append(b.Chrome)
                .Append(" score=").Append(owner is null ? 0 : Math.Round(owner.Score, 1)).Append(" | ").AppendLine(text);
        }

        return sb.ToString();
    }

    private static PageReadResult Finish(AssembledArticle a, PublishedDate? published, string? url, string? site, ArticleEncoding encoding)
    {
        var chars = a.Lead?.Length ?? 0;
        foreach (var p in a.Paragraphs)
        {
            chars += p.Length;
        }

        if (chars < MinBodyChars)
        {
            return PageReadResult.NotAnArticle(NotArticleReason.NoArticleText, $"the article text is too short ({chars} characters)");
        }

        var article = new Article(a.Title, published, a.Author, site, url, a.Lead, a.Paragraphs.ToArray(), a.Captions.ToArray(), encoding);
        return PageReadResult.Success(article);
    }

    private static int? SiteHint(AngleSharp.Dom.IDocument document, HtmlPage page, string? host, PageReadOptions options)
    {
        if (options.SiteHints is not { Count: > 0 } hints || host is null || !hints.TryGetValue(host, out var selector))
        {
            return null;
        }

        AngleSharp.Dom.IElement? element;
        try
        {
            element = document.QuerySelector(selector);
        }
        catch (AngleSharp.Dom.DomException)
        {
            return null;
        }

        for (var i = 0; element is not null && i < page.Elements.Count; i++)
        {
            if (ReferenceEquals(page.Elements[i].Element, element))
            {
                return i;
            }
        }

        return null;
    }

    private static string? ResolveUrl(string? href, Uri? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        href = href.Trim();
        if (Uri.TryCreate(href, UriKind.Absolute, out var abs) && (abs.Scheme == Uri.UriSchemeHttp || abs.Scheme == Uri.UriSchemeHttps))
        {
            return abs.AbsoluteUri;
        }

        return baseUrl is not null && Uri.TryCreate(baseUrl, href, out var rel) ? rel.AbsoluteUri : null;
    }

    /// <summary>The browser title without the site name: the longest part between " - ", " | ", " – ".</summary>
    internal static string? CleanTitleTag(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        var best = title;
        var parts = title.Split([" - ", " | ", " – ", " — ", " :: ", " » "], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length > 1)
        {
            best = parts[0];
            foreach (var p in parts)
            {
                if (p.Length > best.Length)
                {
                    best = p;
                }
            }
        }

        return best;
    }

    private static PublishedDate? StructuredDate(JsonLdArticle structured, PageMeta meta)
    {
        foreach (var value in (ReadOnlySpan<string?>)[structured.DatePublished, meta.Get("article:published_time"), meta.Get("og:published_time"), meta.Get("datePublished"), meta.Get("pubdate"), meta.Get("publishdate"), meta.Get("publish-date"), meta.Get("dc.date.issued"), meta.Get("dc.date"), meta.Get("date")])
        {
            if (Datelines.TryParseMachine(value, out var d))
            {
                return d;
            }
        }

        foreach (var value in meta.TimeValues)
        {
            if (Datelines.TryParseMachine(value, out var d))
            {
                return d;
            }
        }

        return null;
    }

    /// <summary>
    /// The visible dateline is the article's own; structured metadata adds the time when the dateline has the
    /// day only, and wins when the visible line is an update time for another day.
    /// </summary>
    internal static PublishedDate? MergePublished(DatelineMatch? visible, PublishedDate? structured)
    {
        if (visible is null)
        {
            return structured;
        }

        var v = visible.Value.Date;
        if (structured is not { } s)
        {
            return v;
        }

        if (s.Value.Date == v.Value.Date)
        {
            if (v.Precision == DatePrecision.Date && s.Precision == DatePrecision.Minute && s.Value.TimeOfDay != TimeSpan.Zero)
            {
                return s;
            }

            return v;
        }

        return visible.Value.IsUpdate ? s : v;
    }

    /// <summary>What a JSON-LD NewsArticle says.</summary>
    private sealed record JsonLdArticle(string? Headline, string? DatePublished, string? Author)
    {
        public static JsonLdArticle Read(List<string> scripts)
        {
            foreach (var json in scripts)
            {
                try
                {
                    using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 32, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                    var found = Find(doc.RootElement, 0);
                    if (found is not null)
                    {
                        return found;
                    }
                }
                catch (JsonException)
                {
                    // A broken JSON-LD block is common on portals; the page's other metadata still counts.
                }
            }

            return new JsonLdArticle(null, null, null);
        }

        private static JsonLdArticle? Find(JsonElement e, int depth)
        {
            if (depth > 4)
            {
                return null;
            }

            if (e.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in e.EnumerateArray())
                {
                    if (Find(item, depth + 1) is { } f)
                    {
                        return f;
                    }
                }

                return null;
            }

            if (e.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (e.TryGetProperty("@graph", out var graph) && Find(graph, depth + 1) is { } g)
            {
                return g;
            }

            var type = e.TryGetProperty("@type", out var t) ? t.ToString() : string.Empty;
            if (!type.Contains("Article", StringComparison.Ordinal) && !type.Contains("BlogPosting", StringComparison.Ordinal))
            {
                return null;
            }

            return new JsonLdArticle(Str(e, "headline") ?? Str(e, "name"), Str(e, "datePublished") ?? Str(e, "dateCreated"), AuthorName(e));
        }

        private static string? Str(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        private static string? AuthorName(JsonElement e)
        {
            if (!e.TryGetProperty("author", out var a))
            {
                return null;
            }

            if (a.ValueKind == JsonValueKind.Array)
            {
                a = a.GetArrayLength() > 0 ? a[0] : default;
            }

            return a.ValueKind switch
            {
                JsonValueKind.String => a.GetString(),
                JsonValueKind.Object => Str(a, "name"),
                _ => null,
            };
        }
    }
}

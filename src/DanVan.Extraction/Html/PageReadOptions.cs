namespace DanVan.Extraction.Html;

/// <summary>Options for one read of a page. Immutable; change with <c>with</c>.</summary>
public sealed record PageReadOptions
{
    /// <summary>The defaults: no URL, no HTTP charset, no site hints, 16 MiB at most.</summary>
    public static PageReadOptions Default { get; } = new();

    /// <summary>The URL the page was fetched from: the article's URL when the page names no canonical one, and the base for relative links.</summary>
    public Uri? Url { get; init; }

    /// <summary>The charset of the HTTP Content-Type header, when known; it wins over a &lt;meta charset&gt;.</summary>
    public string? HttpCharset { get; init; }

    /// <summary>
    /// Optional per-site hints: host name (e.g. <c>danvan.example.gov.vn</c>) → CSS selector of the element holding
    /// the article. Never required; when the selector matches nothing, the general algorithm runs.
    /// </summary>
    public IReadOnlyDictionary<string, string>? SiteHints { get; init; }

    /// <summary>Pages larger than this many bytes (or characters, for text) are refused with <see cref="NotArticleReason.TooLarge"/>. 16 MiB by default.</summary>
    public int MaxBytes { get; init; } = 16 * 1024 * 1024;
}

namespace DanVan.Extraction.Html;

/// <summary>Why a page gave no article.</summary>
public enum NotArticleReason
{
    /// <summary>A page was read: not a failure.</summary>
    None,

    /// <summary>No bytes, or only whitespace.</summary>
    Empty,

    /// <summary>The bytes are not text (an image, an archive, a PDF).</summary>
    NotText,

    /// <summary>The input is larger than <see cref="PageReadOptions.MaxBytes"/>.</summary>
    TooLarge,

    /// <summary>The page is only a frameset; the article is in one of its frames (<see cref="PageReadResult.RedirectUrl"/> names the one named main/content, else the last).</summary>
    Frameset,

    /// <summary>The page only redirects (meta refresh) to <see cref="PageReadResult.RedirectUrl"/>.</summary>
    Redirect,

    /// <summary>The page has text but no article body (a home page, a list, an error page).</summary>
    NoArticleText,

    /// <summary>The markup could not be read (a defect in the reader or the parser met on this input); the message says what failed.</summary>
    Unreadable,
}

/// <summary>
/// The outcome of reading one page: an <see cref="Html.Article"/>, or the reason there is none.
/// Immutable and thread-safe.
/// </summary>
public sealed class PageReadResult
{
    private PageReadResult(Article? article, NotArticleReason reason, string? message, string? redirectUrl)
    {
        Article = article;
        Reason = reason;
        Message = message;
        RedirectUrl = redirectUrl;
    }

    /// <summary>The article, or null when <see cref="IsArticle"/> is false.</summary>
    public Article? Article { get; }

    /// <summary>True when the page held an article.</summary>
    public bool IsArticle => Article is not null;

    /// <summary>Why there is no article; <see cref="NotArticleReason.None"/> when there is one.</summary>
    public NotArticleReason Reason { get; }

    /// <summary>A sentence for people saying why there is no article; null when there is one.</summary>
    public string? Message { get; }

    /// <summary>For <see cref="NotArticleReason.Redirect"/> and <see cref="NotArticleReason.Frameset"/>: where the content is (as written in the page).</summary>
    public string? RedirectUrl { get; }

    internal static PageReadResult Success(Article article) => new(article, NotArticleReason.None, null, null);

    internal static PageReadResult NotAnArticle(NotArticleReason reason, string message, string? redirectUrl = null) =>
        new(null, reason, message, redirectUrl);
}

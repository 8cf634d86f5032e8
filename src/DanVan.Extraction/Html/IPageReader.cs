namespace DanVan.Extraction.Html;

/// <summary>The page → article stage: reads a saved portal page, or text copied from one, into a clean <see cref="Article"/>.</summary>
public interface IPageReader
{
    /// <summary>
    /// Reads the bytes of an HTML page. Never throws for any content: bad input gives a result whose
    /// <see cref="PageReadResult.Reason"/> says why there is no article.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="html"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    PageReadResult Read(byte[] html, PageReadOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads plain text copied from a page (one paragraph a line) through the same chrome filter as HTML.
    /// Never throws for any content.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    PageReadResult ReadText(string text, PageReadOptions? options = null, CancellationToken cancellationToken = default);
}

namespace DanVan.Extraction.Bulk;

/// <summary>Settings for <see cref="InputReader.Read"/>. Immutable; change with <c>with</c>.</summary>
public sealed record InputReadOptions
{
    /// <summary>The default settings.</summary>
    public static InputReadOptions Default { get; } = new();

    /// <summary>
    /// The largest entry read into memory, in bytes (default 64 MiB). For a WARC record it limits the HTTP body
    /// both as stored and after content decoding. A larger entry becomes an <see cref="InputError"/>
    /// ("entry too large") and reading goes on. Must be between 1 and <see cref="Array.MaxLength"/>.
    /// </summary>
    public long MaxEntryBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>
    /// Whether a WARC response or resource with this media type (lower case, without parameters) is a
    /// document; the others become <see cref="InputSkipped"/> with <see cref="InputSkipKind.ContentType"/>.
    /// Null (the default) accepts <c>text/html</c> and <c>application/xhtml+xml</c>. A record without a
    /// content type is a document. Plain files and zip entries are documents whatever their type. Called on the
    /// reading thread.
    /// </summary>
    public Func<string, bool>? IsDocumentContentType { get; init; }

    internal bool AcceptsContentType(string mediaType) =>
        IsDocumentContentType?.Invoke(mediaType) ?? mediaType is "text/html" or "application/xhtml+xml";
}

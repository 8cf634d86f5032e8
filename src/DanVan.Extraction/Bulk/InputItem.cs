namespace DanVan.Extraction.Bulk;

/// <summary>
/// One entry of an input, as <see cref="InputReader.Read"/> yields it: a <see cref="InputDocument"/>, an
/// <see cref="InputSkipped"/> (read, but not a document) or an <see cref="InputError"/> (could not be read).
/// Every entry of an input ends as exactly one item. Items are immutable and own their bytes, so they may be
/// kept or handed to other threads.
/// </summary>
public abstract record InputItem
{
    private protected InputItem(string id, string sourcePath)
    {
        Id = id;
        SourcePath = sourcePath;
    }

    /// <summary>
    /// A stable identifier, independent of the machine: the file's path relative to the input root (the file
    /// name for a single file), then <c>!/path/in/zip</c> for a zip entry or <c>#record-id</c> for a WARC record
    /// (<c>#@offset</c> when a damaged record has no readable id). Separators are always <c>/</c>.
    /// </summary>
    public string Id { get; init; }

    /// <summary>The full path of the file on disk that holds the entry (the archive, for archive entries).</summary>
    public string SourcePath { get; init; }
}

/// <summary>A document: the raw bytes of one page, not yet decoded (see <c>VietnameseTextDecoder</c>).</summary>
/// <param name="Id">See <see cref="InputItem.Id"/>.</param>
/// <param name="SourcePath">See <see cref="InputItem.SourcePath"/>.</param>
/// <param name="Uri">The page's URI (WARC-Target-URI) when known, as written in the archive, unvalidated.</param>
/// <param name="ContentType">The media type, lower case and without parameters (<c>text/html</c>), when known:
/// from HTTP or WARC headers, or guessed from a file extension (<c>.html</c>, <c>.htm</c>, <c>.txt</c>).</param>
/// <param name="Charset">The charset label from a Content-Type header, as written (unquoted), when present;
/// pass it to the decoder as the declared charset.</param>
/// <param name="Content">The body: HTTP transfer and content encodings removed, at most
/// <see cref="InputReadOptions.MaxEntryBytes"/> bytes. A fresh array per document, never reused.</param>
/// <param name="Date">The WARC-Date (capture time) of a WARC record, the modification time of a file or zip
/// entry (a zip's DOS time has no zone and is given with offset zero), when known.</param>
public sealed record InputDocument(
    string Id,
    string SourcePath,
    string? Uri,
    string? ContentType,
    string? Charset,
    ReadOnlyMemory<byte> Content,
    DateTimeOffset? Date) : InputItem(Id, SourcePath);

/// <summary>An entry that was read and is deliberately not a document (a request record, an image, a 404).</summary>
/// <param name="Id">See <see cref="InputItem.Id"/>.</param>
/// <param name="SourcePath">See <see cref="InputItem.SourcePath"/>.</param>
/// <param name="Kind">Why, as a category callers can count.</param>
/// <param name="Reason">Why, for people (<c>HTTP status 404 Not Found</c>).</param>
/// <param name="Uri">The target URI when the entry has one.</param>
public sealed record InputSkipped(string Id, string SourcePath, InputSkipKind Kind, string Reason, string? Uri)
    : InputItem(Id, SourcePath);

/// <summary>
/// An entry, or a damaged stretch of an archive, that could not be read: truncated or corrupt data, an entry
/// over the size limit, an unreadable file. Reading goes on after it.
/// </summary>
/// <param name="Id">See <see cref="InputItem.Id"/>; the archive's own id when the damage is not one entry's.</param>
/// <param name="SourcePath">See <see cref="InputItem.SourcePath"/>.</param>
/// <param name="Reason">What went wrong, for people, with a byte offset when it helps.</param>
public sealed record InputError(string Id, string SourcePath, string Reason) : InputItem(Id, SourcePath);

/// <summary>Why an entry was skipped.</summary>
public enum InputSkipKind
{
    /// <summary>The entry is not a page: a WARC request, warcinfo, metadata, revisit, conversion or continuation
    /// record, or a link to a directory that is not followed.</summary>
    NotDocument,

    /// <summary>The content type is not a document type (<see cref="InputReadOptions.IsDocumentContentType"/>).</summary>
    ContentType,

    /// <summary>The HTTP status is not 2xx.</summary>
    HttpStatus,
}

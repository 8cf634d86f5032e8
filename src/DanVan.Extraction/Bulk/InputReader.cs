using System.IO.Compression;
using System.IO.Enumeration;

namespace DanVan.Extraction.Bulk;

/// <summary>
/// Streams documents out of a file, a directory tree, a <c>.zip</c> or a WARC (<c>.warc</c>, <c>.warc.gz</c>),
/// one entry at a time, reporting every entry that is skipped or cannot be read as an item of its own.
/// </summary>
/// <remarks>
/// <para><b>Synchronous on purpose.</b> Reads are local, buffered file reads; an <see cref="IAsyncEnumerable{T}"/>
/// would add a state machine and allocations per item without freeing a thread. Run the enumeration on a
/// worker and hand documents to parallel consumers.</para>
/// <para><b>Ordering.</b> A directory tree yields its files in ordinal order of their relative paths
/// (<c>/</c>-separated); a zip, its entries in central-directory order (directory entries are not items); a
/// WARC, its records in file order.</para>
/// <para><b>Memory.</b> At most one entry's bytes (see <see cref="InputReadOptions.MaxEntryBytes"/>) and fixed
/// buffers are held at a time, whatever the number of entries; a zip's central directory and a WARC are read
/// record by record. Only a directory's own list of names is held while it is walked.</para>
/// <para><b>Dispatch.</b> By content first, then name: a file starting with <c>WARC/1.</c> is a WARC; a gzip
/// file whose content starts with <c>WARC/1.</c>, or named <c>.warc.gz</c>, is a gzipped WARC; another gzip
/// file is one document, decompressed; a zip signature with a <c>.zip</c> name or no extension is a zip; a
/// <c>.zip</c> without a zip signature is an <see cref="InputError"/>; anything else is one document. Archives
/// inside a directory tree are expanded by the same rules; archives inside archives are not.</para>
/// <para><b>One item per entry.</b> Every file, zip entry (directory entries excepted) and WARC record
/// becomes exactly one item. <see cref="InputSkipped"/> means read and deliberately not a document: WARC
/// <c>request</c>, <c>warcinfo</c>, <c>metadata</c>, <c>revisit</c>, <c>conversion</c> and <c>continuation</c>
/// records, a response that is not 2xx or whose media type is not a document type, a link to a directory.
/// <see cref="InputError"/> means it could not be read: truncated or corrupt data (bad header, Content-Length
/// past the end, a corrupt gzip member, a CRC mismatch), an entry over
/// <see cref="InputReadOptions.MaxEntryBytes"/>, undecodable transfer or content encoding, an unreadable file.
/// Damage that belongs to no single entry (bytes between WARC records, a lost zip central directory) is one
/// error of its own, named by its offset or by the archive; reading then resumes at the next gzip member,
/// the next <c>WARC/1.</c> line, or the next zip local header.</para>
/// <para><b>Thread safety.</b> The class is stateless and thread-safe; each enumeration opens its own files.
/// One enumerator must be used from one thread at a time.</para>
/// </remarks>
public static class InputReader
{
    /// <summary>
    /// Reads <paramref name="path"/> (a file or a directory) lazily: nothing is opened until the first
    /// <c>MoveNext</c>. Never throws for bad input: a missing path, unreadable file or damaged archive becomes an
    /// <see cref="InputError"/>. Throws <see cref="OperationCanceledException"/> when
    /// <paramref name="cancellationToken"/> is cancelled (checked before every item and in long scans).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="InputReadOptions.MaxEntryBytes"/> is out of range.</exception>
    public static IEnumerable<InputItem> Read(string path, InputReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= InputReadOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxEntryBytes, 1L, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.MaxEntryBytes, (long)Array.MaxLength, nameof(options));
        return ReadCore(Path.GetFullPath(path), options, cancellationToken);
    }

    private static IEnumerable<InputItem> ReadCore(string fullPath, InputReadOptions options, CancellationToken ct)
    {
        if (Directory.Exists(fullPath))
        {
            return ReadDirectory(fullPath, string.Empty, options, ct);
        }

        var name = Path.GetFileName(fullPath.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        return File.Exists(fullPath)
            ? ReadFile(fullPath, name, options, ct)
            : [new InputError(name, fullPath, "no such file or directory")];
    }

    private static IEnumerable<InputItem> ReadDirectory(string directory, string relative, InputReadOptions options, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        List<Child>? children = null;
        string? error = null;
        try
        {
            // Names and flags only (no FileSystemInfo per entry): a folder of 100,000 pages stays small.
            var enumeration = new EnumerationOptions { RecurseSubdirectories = false, AttributesToSkip = 0, IgnoreInaccessible = false };
            children = [.. new FileSystemEnumerable<Child>(
                directory,
                static (ref FileSystemEntry e) => new Child(
                    e.IsDirectory ? e.FileName.ToString() + "/" : e.FileName.ToString(),
                    e.IsDirectory,
                    (e.Attributes & FileAttributes.ReparsePoint) != 0),
                enumeration)];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            error = "cannot list directory: " + ex.Message;
        }

        if (error is not null)
        {
            yield return new InputError(relative.Length == 0 ? "./" : relative, directory, error);
            yield break;
        }

        // A directory sorts as "name/": then per-directory order is the ordinal order of whole relative paths.
        children!.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        foreach (var child in children)
        {
            var childRelative = relative + child.Key;
            var childPath = Path.Join(directory, child.IsDirectory ? child.Key[..^1] : child.Key);
            if (child.IsDirectory)
            {
                if (child.IsLink)
                {
                    // Links to directories can form cycles; the tree is read as stored.
                    yield return new InputSkipped(childRelative, childPath, InputSkipKind.NotDocument, "link to a directory, not followed", null);
                    continue;
                }

                foreach (var item in ReadDirectory(childPath, childRelative, options, ct))
                {
                    yield return item;
                }
            }
            else
            {
                foreach (var item in ReadFile(childPath, childRelative, options, ct))
                {
                    yield return item;
                }
            }
        }
    }

    private readonly record struct Child(string Key, bool IsDirectory, bool IsLink);

    private static IEnumerable<InputItem> ReadFile(string fullPath, string id, InputReadOptions options, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        InputKind kind;
        try
        {
            kind = Sniff(fullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [new InputError(id, fullPath, "cannot read file: " + ex.Message)];
        }

        return kind switch
        {
            InputKind.Zip => ZipEntryReader.Read(fullPath, id, options, ct),
            InputKind.NotZip => [new InputError(id, fullPath, "not a zip archive (no zip signature)")],
            InputKind.Warc => WarcRecordReader.Read(fullPath, id, gzip: false, options, ct),
            InputKind.WarcGzip => WarcRecordReader.Read(fullPath, id, gzip: true, options, ct),
            InputKind.Gzip => [ReadGzipDocument(fullPath, id, options)],
            _ => [ReadPlainDocument(fullPath, id, options)],
        };
    }

    internal enum InputKind
    {
        Plain,
        Zip,
        NotZip,
        Warc,
        WarcGzip,
        Gzip,
    }

    internal static InputKind Sniff(string fullPath)
    {
        Span<byte> head = stackalloc byte[8];
        int n;
        using (var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1))
        {
            n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        head = head[..n];
        var name = Path.GetFileName(fullPath);
        var extension = Path.GetExtension(name);
        var isZipName = extension.Equals(".zip", StringComparison.OrdinalIgnoreCase);
        var isWarcName = name.EndsWith(".warc", StringComparison.OrdinalIgnoreCase);
        var isWarcGzipName = name.EndsWith(".warc.gz", StringComparison.OrdinalIgnoreCase);
        if (head.StartsWith("WARC/1."u8))
        {
            return InputKind.Warc;
        }

        if (head.Length >= 3 && head[0] == 0x1F && head[1] == 0x8B && head[2] == 0x08)
        {
            return isWarcGzipName || GzipContentStartsWithWarc(fullPath) ? InputKind.WarcGzip : InputKind.Gzip;
        }

        if (head.StartsWith("PK\x03\x04"u8) || head.StartsWith("PK\x05\x06"u8))
        {
            return isZipName || extension.Length == 0 ? InputKind.Zip : InputKind.Plain;
        }

        return isZipName ? InputKind.NotZip
            : isWarcName ? InputKind.Warc
            : isWarcGzipName ? InputKind.WarcGzip
            : InputKind.Plain;
    }

    private static bool GzipContentStartsWithWarc(string fullPath)
    {
        try
        {
            using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 4096);
            using var gzip = new GZipStream(stream, CompressionMode.Decompress);
            Span<byte> head = stackalloc byte[7];
            var n = gzip.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            return head[..n].SequenceEqual("WARC/1."u8);
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static InputItem ReadPlainDocument(string fullPath, string id, InputReadOptions options)
    {
        try
        {
            var info = new FileInfo(fullPath);
            if (info.Length > options.MaxEntryBytes)
            {
                return new InputError(id, fullPath, TooLarge(info.Length, options));
            }

            var bytes = File.ReadAllBytes(fullPath);
            return new InputDocument(id, fullPath, null, GuessContentType(id), null, bytes, new DateTimeOffset(info.LastWriteTimeUtc));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new InputError(id, fullPath, "cannot read file: " + ex.Message);
        }
    }

    private static InputItem ReadGzipDocument(string fullPath, string id, InputReadOptions options)
    {
        try
        {
            using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
            using var gzip = new GZipStream(stream, CompressionMode.Decompress);
            if (!HttpBody.TryReadCapped(gzip, options.MaxEntryBytes, out var bytes))
            {
                return new InputError(id, fullPath, $"entry too large: more than {options.MaxEntryBytes} bytes after gzip decompression");
            }

            var inner = id.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? id[..^3] : id;
            return new InputDocument(id, fullPath, null, GuessContentType(inner), null, bytes, new DateTimeOffset(File.GetLastWriteTimeUtc(fullPath)));
        }
        catch (InvalidDataException ex)
        {
            return new InputError(id, fullPath, "corrupt gzip data: " + ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new InputError(id, fullPath, "cannot read file: " + ex.Message);
        }
    }

    internal static string TooLarge(long size, InputReadOptions options) =>
        $"entry too large: {size} bytes, limit {options.MaxEntryBytes}";

    /// <summary>A media type from a file name, for files and zip entries that carry none.</summary>
    internal static string? GuessContentType(string name)
    {
        var extension = Path.GetExtension(name.AsSpan());
        return extension.Equals(".html", StringComparison.OrdinalIgnoreCase)
            || extension.Equals(".htm", StringComparison.OrdinalIgnoreCase)
            || extension.Equals(".shtml", StringComparison.OrdinalIgnoreCase) ? "text/html"
            : extension.Equals(".xhtml", StringComparison.OrdinalIgnoreCase) ? "application/xhtml+xml"
            : extension.Equals(".txt", StringComparison.OrdinalIgnoreCase) ? "text/plain"
            : null;
    }
}

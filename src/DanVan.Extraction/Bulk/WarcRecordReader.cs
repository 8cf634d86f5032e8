using System.Globalization;

namespace DanVan.Extraction.Bulk;

/// <summary>
/// Reads WARC 1.0/1.1 records, plain or gzipped (one member per record, or one member for the whole file),
/// turning each record into exactly one <see cref="InputItem"/>:
/// <list type="bullet">
/// <item><c>response</c> with <c>application/http</c>: a document when the status is 2xx and the media type is a
/// document type; otherwise skipped (<see cref="InputSkipKind.HttpStatus"/>, <see cref="InputSkipKind.ContentType"/>).</item>
/// <item><c>resource</c> (and a <c>response</c> that is not HTTP): a document when its WARC Content-Type is a
/// document type (or absent), else skipped.</item>
/// <item><c>request</c>, <c>warcinfo</c>, <c>metadata</c>, <c>revisit</c>, <c>conversion</c>,
/// <c>continuation</c> and unknown types: skipped (<see cref="InputSkipKind.NotDocument"/>) — reported, not
/// dropped, so the items of an archive add up to its records.</item>
/// <item>A bad header, a block shorter than its Content-Length, a corrupt gzip member, bytes between records
/// that are not a record, a body over the size limit, undecodable chunked or content encoding: an error.</item>
/// </list>
/// After damage, a gzipped file resumes at the next valid gzip member (header 1F 8B 08 whose content starts
/// <c>WARC/1.</c>); a plain file, at the next line starting <c>WARC/1.</c>.
/// </summary>
internal sealed class WarcRecordReader
{
    private const int MaxHeaderLineBytes = 32 * 1024;
    private const int MaxHeaderLines = 1000;
    private const int HttpHeadAllowance = 64 * 1024;

    private readonly string _prefix;
    private readonly string _sourcePath;
    private readonly InputReadOptions _options;
    private readonly GzipMemberStream? _gzip;
    private readonly LineReader _reader;
    private bool _discard;
    private string? _currentId;

    private WarcRecordReader(Stream file, string prefix, string sourcePath, bool gzip, InputReadOptions options)
    {
        _prefix = prefix;
        _sourcePath = sourcePath;
        _options = options;
        _gzip = gzip ? new GzipMemberStream(file, "WARC/1."u8) : null;
        _reader = new LineReader(_gzip ?? file);
    }

    public static IEnumerable<InputItem> Read(string path, string id, bool gzip, InputReadOptions options, CancellationToken ct)
    {
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [new InputError(id, path, "cannot read file: " + ex.Message)];
        }

        return ReadRecords(file, id, path, gzip, options, ct);
    }

    internal static IEnumerable<InputItem> ReadRecords(Stream file, string id, string path, bool gzip, InputReadOptions options, CancellationToken ct)
    {
        using (file)
        {
            var reader = new WarcRecordReader(file, id, path, gzip, options);
            while (true)
            {
                ct.ThrowIfCancellationRequested();
                InputItem? item;
                var stop = false;
                try
                {
                    item = reader.Next(ct);
                }
                catch (InvalidDataException ex) when (reader._gzip is not null)
                {
                    item = reader.AfterCorruptMember(ex, ct);
                }
                catch (IOException ex)
                {
                    item = new InputError(reader._currentId ?? id, path, "cannot read file: " + ex.Message);
                    stop = true;
                }

                if (item is null)
                {
                    yield break;
                }

                yield return item;
                if (stop)
                {
                    yield break;
                }
            }
        }
    }

    private InputError AfterCorruptMember(InvalidDataException ex, CancellationToken ct)
    {
        var memberStart = _gzip!.MemberStart;
        var id = _currentId ?? $"{_prefix}#@{memberStart}";
        var resumed = _gzip.Resync(ct);
        _reader.Restart();
        _discard = false;
        var where = resumed ? $"resumed at the gzip member at offset {_gzip.MemberStart}" : "no further gzip member";
        return new InputError(id, _sourcePath, $"corrupt gzip member at offset {memberStart}: {ex.Message}; {where}");
    }

    private InputItem? Next(CancellationToken ct)
    {
        _currentId = null;
        if (_discard)
        {
            _discard = false;
            if (_gzip is not null)
            {
                // The rest of this member belongs to the damaged record, already reported: so does its damage.
                try
                {
                    _reader.Skip(long.MaxValue, ct);
                }
                catch (InvalidDataException)
                {
                    _gzip.Resync(ct);
                    _reader.Restart();
                }
            }
            else
            {
                SkipToRecordStart(ct);
            }
        }

        while (true)
        {
            while (_reader.Peek() is '\r' or '\n')
            {
                _reader.Skip(1, ct);
            }

            if (!_reader.AtEnd)
            {
                break;
            }

            if (_gzip is null || !_gzip.NextMember())
            {
                return null;
            }

            _reader.Restart();
        }

        var at = Where();
        if (!_reader.StartsWith("WARC/1."u8))
        {
            var garbage = SkipToRecordStart(ct);
            return new InputError($"{_prefix}#{at}", _sourcePath, $"{garbage} bytes at {Describe(at)} are not a WARC record; skipped to the next record");
        }

        return ReadRecord(at, ct);
    }

    /// <summary>The place a record starts: "@offset" in a plain file, "@member" or "@member+offset" in a gzipped one.</summary>
    private string Where() => _gzip is null ? $"@{_reader.Position}"
        : _reader.Position == 0 ? $"@{_gzip.MemberStart}"
        : $"@{_gzip.MemberStart}+{_reader.Position}";

    private string Describe(string at) => _gzip is null
        ? "offset " + at[1..]
        : "gzip member at offset " + at[1..];

    private long SkipToRecordStart(CancellationToken ct)
    {
        long skipped = 0;
        var lines = 0;
        do
        {
            var n = _reader.SkipLine();
            if (n == 0)
            {
                break;
            }

            skipped += n;
            if (++lines % 1024 == 0)
            {
                ct.ThrowIfCancellationRequested();
            }
        }
        while (!_reader.StartsWith("WARC/1."u8) && !_reader.AtEnd);

        return skipped;
    }

    private InputItem ReadRecord(string at, CancellationToken ct)
    {
        if (_reader.ReadLine(MaxHeaderLineBytes, out _, out _) != LineReader.LineStatus.Ok)
        {
            _discard = true;
            return Error(at, null, "malformed WARC header: version line too long or not terminated");
        }

        string? type = null, recordId = null, uri = null, date = null, contentType = null, lengthText = null, payloadType = null;
        string? lastName = null;
        var lines = 0;
        while (true)
        {
            var status = _reader.ReadLine(MaxHeaderLineBytes, out var line, out _);
            if (status == LineReader.LineStatus.End)
            {
                _discard = true;
                return Error(at, recordId, "truncated record: end of file inside the WARC header");
            }

            if (status == LineReader.LineStatus.TooLong || ++lines > MaxHeaderLines)
            {
                _discard = true;
                return Error(at, recordId, "malformed WARC header: line or header too long");
            }

            if (line.Length == 0)
            {
                break;
            }

            if (line[0] is ' ' or '\t' && lastName is not null)
            {
                // Folded continuation line: only the fields read here matter, and they do not fold in practice.
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                _discard = true;
                return Error(at, recordId, $"malformed WARC header line '{Shorten(line)}'");
            }

            lastName = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            switch (lastName.ToUpperInvariant())
            {
                case "WARC-TYPE": type = value; break;
                case "WARC-RECORD-ID": recordId = value; break;
                case "WARC-TARGET-URI": uri = value.Trim('<', '>'); break;
                case "WARC-DATE": date = value; break;
                case "CONTENT-TYPE": contentType = value; break;
                case "CONTENT-LENGTH": lengthText = value; break;
                case "WARC-IDENTIFIED-PAYLOAD-TYPE": payloadType = value; break;
            }
        }

        _currentId = Id(at, recordId);
        if (!long.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            _discard = true;
            return Error(at, recordId, lengthText is null ? "WARC header has no Content-Length" : $"invalid Content-Length '{Shorten(lengthText)}'");
        }

        var kind = (type ?? string.Empty).ToLowerInvariant();
        var (warcMedia, warcCharset) = HttpBody.ParseContentType(contentType);
        InputItem item;
        if (kind == "response" && (warcMedia?.StartsWith("application/http", StringComparison.Ordinal) == true || (warcMedia is null && _reader.StartsWith("HTTP/"u8))))
        {
            item = ReadHttpResponse(length, uri, date, payloadType, ct);
        }
        else if (kind is "response" or "resource")
        {
            item = ReadPayload(length, uri, date, warcMedia, warcCharset, ct);
        }
        else
        {
            var reason = kind switch
            {
                "" => "WARC record without WARC-Type",
                "revisit" => "revisit record (payload stored in an earlier record)",
                _ => $"WARC-Type {type} is not a document",
            };
            item = SkipBlock(length, ct) is { } truncated ? truncated : Skipped(InputSkipKind.NotDocument, reason, uri);
        }

        return CheckRecordEnd() ?? item;
    }

    private InputItem ReadHttpResponse(long length, string? uri, string? date, string? payloadType, CancellationToken ct)
    {
        var remaining = length;
        string? statusLine = null, contentType = null, transferEncoding = null, contentEncoding = null;
        while (true)
        {
            var max = (int)Math.Min(remaining, HttpHeadAllowance);
            var status = _reader.ReadLine(max, out var line, out var consumed);
            if (status != LineReader.LineStatus.Ok)
            {
                return SkipBlock(remaining, ct) ?? Error("invalid HTTP response: head not terminated within the record");
            }

            remaining -= consumed;
            if (statusLine is null)
            {
                statusLine = line;
                continue;
            }

            if (line.Length == 0)
            {
                break;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var name = line.AsSpan(0, colon).Trim();
            var value = line[(colon + 1)..].Trim();
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                contentType ??= value;
            }
            else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                transferEncoding = value;
            }
            else if (name.Equals("Content-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                contentEncoding = value;
            }
        }

        if (!HttpBody.TryParseStatusLine(statusLine, out var code, out var phrase))
        {
            return SkipBlock(remaining, ct) ?? Error($"invalid HTTP status line '{Shorten(statusLine)}'");
        }

        if (code is < 200 or > 299)
        {
            return SkipBlock(remaining, ct) ?? (InputItem)Skipped(InputSkipKind.HttpStatus, $"HTTP status {code}{(phrase.Length > 0 ? " " + phrase : string.Empty)}", uri);
        }

        var (media, charset) = HttpBody.ParseContentType(contentType ?? payloadType);
        if (media is not null && !_options.AcceptsContentType(media))
        {
            return SkipBlock(remaining, ct) ?? (InputItem)Skipped(InputSkipKind.ContentType, $"content type {media} is not a document type", uri);
        }

        if (!TryReadBlock(remaining, ct, out var body, out var failure))
        {
            return failure!;
        }

        var chunked = transferEncoding?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true;
        if (chunked)
        {
            if (!HttpBody.TryDechunk(body, _options.MaxEntryBytes, out var dechunked, out var error))
            {
                return Error(error!);
            }

            body = dechunked;
        }

        if (!string.IsNullOrWhiteSpace(contentEncoding))
        {
            if (!HttpBody.TryDecode(body, contentEncoding, _options.MaxEntryBytes, out var decoded, out var error))
            {
                return Error(error!);
            }

            body = decoded;
        }

        return new InputDocument(_currentId!, _sourcePath, uri, media, charset, body, ParseDate(date));
    }

    private InputItem ReadPayload(long length, string? uri, string? date, string? media, string? charset, CancellationToken ct)
    {
        if (media is not null && !_options.AcceptsContentType(media))
        {
            return SkipBlock(length, ct) ?? (InputItem)Skipped(InputSkipKind.ContentType, $"content type {media} is not a document type", uri);
        }

        return TryReadBlock(length, ct, out var body, out var failure)
            ? new InputDocument(_currentId!, _sourcePath, uri, media, charset, body, ParseDate(date))
            : failure!;
    }

    /// <summary>Reads the rest of a block into a fresh array, or explains why not (too large, truncated).</summary>
    private bool TryReadBlock(long length, CancellationToken ct, out byte[] body, out InputItem? failure)
    {
        body = [];
        failure = null;
        if (length > _options.MaxEntryBytes)
        {
            failure = SkipBlock(length, ct) ?? Error(InputReader.TooLarge(length, _options));
            return false;
        }

        body = new byte[length];
        var got = _reader.Read(body);
        if (got < length)
        {
            failure = Error($"truncated record: {length} bytes expected, {got} before end of {(_gzip is null ? "file" : "gzip member")}");
            return false;
        }

        return true;
    }

    /// <summary>Skips the rest of a block; returns the error for a truncated one, else null.</summary>
    private InputError? SkipBlock(long length, CancellationToken ct)
    {
        var skipped = _reader.Skip(length, ct);
        return skipped < length
            ? Error($"truncated record: {length} bytes expected, {skipped} before end of {(_gzip is null ? "file" : "gzip member")}")
            : null;
    }

    /// <summary>
    /// A block is followed by CRLF CRLF. Anything else means the Content-Length was wrong: the record is an error
    /// and reading resumes at the next record.
    /// </summary>
    private InputError? CheckRecordEnd()
    {
        var peek = _reader.Peek();
        if (peek is -1 or '\r' or '\n')
        {
            return null;
        }

        _discard = true;
        return Error("record does not end where its Content-Length says (no CRLF CRLF after the block)");
    }

    private string Id(string at, string? recordId) =>
        string.IsNullOrWhiteSpace(recordId) ? $"{_prefix}#{at}" : $"{_prefix}#{recordId.Trim('<', '>')}";

    private InputError Error(string at, string? recordId, string reason) => new(Id(at, recordId), _sourcePath, reason);

    private InputError Error(string reason) => new(_currentId!, _sourcePath, reason);

    private InputSkipped Skipped(InputSkipKind kind, string reason, string? uri) => new(_currentId!, _sourcePath, kind, reason, uri);

    private static DateTimeOffset? ParseDate(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var d) ? d : null;

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}

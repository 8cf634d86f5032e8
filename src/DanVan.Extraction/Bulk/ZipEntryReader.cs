using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using ICSharpCode.SharpZipLib.Checksum;
using ICSharpCode.SharpZipLib.Zip.Compression;
using Microsoft.Win32.SafeHandles;

namespace DanVan.Extraction.Bulk;

/// <summary>
/// Reads a zip one entry at a time in central-directory order, holding one central-directory record and one
/// entry's bytes at a time (<c>ZipArchive</c> loads the whole directory, which grows with the entry count).
/// Stored and deflated entries are read; their CRC-32 and sizes are checked. When the central directory is
/// missing (a truncated file) or damaged, an <see cref="InputError"/> for the archive says so and the entries are
/// recovered by walking the local headers from the front: the item count is then the entries found plus that
/// one archive error.
/// </summary>
internal static class ZipEntryReader
{
    private const uint LocalHeaderSignature = 0x04034B50;
    private const uint CentralHeaderSignature = 0x02014B50;
    private const uint EndSignature = 0x06054B50;
    private const uint Zip64EndSignature = 0x06064B50;
    private const uint Zip64LocatorSignature = 0x07064B50;
    private const uint DataDescriptorSignature = 0x08074B50;
    private const int InputBufferSize = 64 * 1024;

    private static readonly Encoding Cp437 = CreateCp437();

    public static IEnumerable<InputItem> Read(string path, string id, InputReadOptions options, CancellationToken ct)
    {
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [new InputError(id, path, "cannot read file: " + ex.Message)];
        }

        return ReadEntries(file, id, path, options, ct);
    }

    private static IEnumerable<InputItem> ReadEntries(FileStream file, string id, string path, InputReadOptions options, CancellationToken ct)
    {
        using (file)
        {
            // Read failures (a disk error, a file shrinking underneath) end the archive with one error item.
            var context = new Context(file.SafeFileHandle, file.Length, id, path, options);
            InputItem? failure = null;
            long recoverFrom = -1;
            bool located;
            long cdPosition = 0, cdEnd = 0, count = 0, delta = 0;
            string problem = string.Empty;
            try
            {
                located = TryLocateCentralDirectory(context, out cdPosition, out cdEnd, out count, out delta, out problem);
            }
            catch (IOException ex)
            {
                located = false;
                failure = context.ReadFailure(ex);
            }

            if (failure is not null)
            {
                yield return failure;
                yield break;
            }

            if (!located)
            {
                yield return new InputError(id, path, problem + "; entries recovered from local headers");
                recoverFrom = 0;
            }
            else
            {
                long maxDataEnd = 0;
                for (long i = 0; i < count && failure is null; i++)
                {
                    ct.ThrowIfCancellationRequested();
                    InputItem? item = null;
                    try
                    {
                        if (!TryReadCentralRecord(context, ref cdPosition, cdEnd, out var entry, out problem))
                        {
                            item = new InputError(id, path, $"zip central directory damaged at entry {i + 1} of {count}: {problem}; later entries recovered from local headers");
                            recoverFrom = maxDataEnd;
                        }
                        else if (!entry.IsDirectory)
                        {
                            entry.LocalOffset += delta;
                            item = ReadCentralEntry(context, entry, ct, out var dataEnd);
                            maxDataEnd = Math.Max(maxDataEnd, dataEnd);
                        }
                    }
                    catch (IOException ex)
                    {
                        failure = context.ReadFailure(ex);
                    }

                    if (item is not null)
                    {
                        yield return item;
                    }

                    if (recoverFrom >= 0)
                    {
                        break;
                    }
                }

                if (failure is null && recoverFrom < 0 && cdPosition < cdEnd)
                {
                    // The end record undercounts the entries: read the rest from their local headers.
                    yield return new InputError(id, path, $"zip end record lists {count} entries but the central directory holds more; later entries recovered from local headers");
                    recoverFrom = maxDataEnd;
                }
            }

            var position = recoverFrom;
            while (failure is null && position >= 0 && position < context.Length)
            {
                ct.ThrowIfCancellationRequested();
                InputItem? item = null;
                try
                {
                    item = RecoverEntry(context, ref position, ct);
                }
                catch (IOException ex)
                {
                    failure = context.ReadFailure(ex);
                }

                if (item is not null)
                {
                    yield return item;
                }
            }

            if (failure is not null)
            {
                yield return failure;
            }
        }
    }

    private sealed class Context(SafeFileHandle handle, long length, string id, string path, InputReadOptions options)
    {
        public SafeFileHandle Handle { get; } = handle;

        public long Length { get; } = length;

        public string Id { get; } = id;

        public string Path { get; } = path;

        public InputReadOptions Options { get; } = options;

        public Inflater Inflater { get; } = new(noHeader: true);

        public Crc32 Crc { get; } = new();

        public string EntryId(string name) => $"{Id}!/{name}";

        public InputError Error(string name, string reason) => new(EntryId(name), Path, reason);

        public InputError ReadFailure(IOException ex) => new(Id, Path, "cannot read file: " + ex.Message);

        public int ReadAt(Span<byte> buffer, long offset)
        {
            var total = 0;
            while (total < buffer.Length)
            {
                var n = RandomAccess.Read(Handle, buffer[total..], offset + total);
                if (n == 0)
                {
                    break;
                }

                total += n;
            }

            return total;
        }
    }

    private struct Entry
    {
        public string Name;
        public ushort Flags;
        public ushort Method;
        public uint Crc;
        public long CompressedSize;
        public long Size;
        public long LocalOffset;
        public DateTimeOffset? Date;

        public readonly bool IsDirectory => Name.EndsWith('/') && Size == 0;

        public readonly bool HasDataDescriptor => (Flags & 0x08) != 0;
    }

    private static bool TryLocateCentralDirectory(Context c, out long cdStart, out long cdEnd, out long count, out long delta, out string problem)
    {
        cdStart = cdEnd = count = delta = 0;
        problem = "zip end of central directory not found (truncated or damaged archive)";
        var tailLength = (int)Math.Min(c.Length, 22 + 0xFFFF + 20);
        var tail = new byte[tailLength];
        if (c.ReadAt(tail, c.Length - tailLength) < tailLength)
        {
            return false;
        }

        var at = -1;
        for (var i = tailLength - 22; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i)) == EndSignature
                && i + 22 + BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(i + 20)) <= tailLength)
            {
                at = i;
                break;
            }
        }

        if (at < 0)
        {
            return false;
        }

        var end = tail.AsSpan(at);
        var endPosition = c.Length - tailLength + at;
        var disk = BinaryPrimitives.ReadUInt16LittleEndian(end[4..]);
        var cdDisk = BinaryPrimitives.ReadUInt16LittleEndian(end[6..]);
        count = BinaryPrimitives.ReadUInt16LittleEndian(end[10..]);
        long cdSize = BinaryPrimitives.ReadUInt32LittleEndian(end[12..]);
        long cdOffset = BinaryPrimitives.ReadUInt32LittleEndian(end[16..]);
        cdEnd = endPosition;
        var needsZip64 = count == 0xFFFF || cdSize == 0xFFFFFFFF || cdOffset == 0xFFFFFFFF;
        var hasLocator = at >= 20 && BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(at - 20)) == Zip64LocatorSignature;
        if (needsZip64 && !hasLocator)
        {
            problem = "zip64 end of central directory locator missing";
            return false;
        }

        if (hasLocator)
        {
            // Some writers add zip64 records whether or not they are needed; the directory then ends before them.
            var z64Position = (long)BinaryPrimitives.ReadUInt64LittleEndian(tail.AsSpan(at - 12));
            Span<byte> z64 = stackalloc byte[56];
            var valid = z64Position >= 0 && z64Position <= c.Length - 56 && c.ReadAt(z64, z64Position) == 56
                && BinaryPrimitives.ReadUInt32LittleEndian(z64) == Zip64EndSignature;
            if (valid)
            {
                disk = (ushort)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(z64[16..]), ushort.MaxValue);
                cdDisk = (ushort)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(z64[20..]), ushort.MaxValue);
                count = (long)BinaryPrimitives.ReadUInt64LittleEndian(z64[32..]);
                cdSize = (long)BinaryPrimitives.ReadUInt64LittleEndian(z64[40..]);
                cdOffset = (long)BinaryPrimitives.ReadUInt64LittleEndian(z64[48..]);
                cdEnd = z64Position;
            }
            else if (needsZip64)
            {
                problem = "zip64 end of central directory record damaged";
                return false;
            }
            else
            {
                cdEnd = endPosition - 20;
            }
        }

        if (disk != 0 || cdDisk != 0)
        {
            problem = "multi-volume zip archives are not supported";
            return false;
        }

        cdStart = cdEnd - cdSize;
        if (cdSize < 0 || count < 0 || cdStart < 0 || cdOffset > cdStart)
        {
            problem = "zip central directory size or offset out of range";
            return false;
        }

        // Data before the archive (a self-extractor stub) shifts every recorded offset by the same amount.
        delta = cdStart - cdOffset;
        return true;
    }

    private static bool TryReadCentralRecord(Context c, ref long position, long cdEnd, out Entry entry, out string problem)
    {
        entry = default;
        problem = string.Empty;
        Span<byte> fixedPart = stackalloc byte[46];
        if (position + 46 > cdEnd || c.ReadAt(fixedPart, position) < 46)
        {
            problem = "record runs past the end of the central directory";
            return false;
        }

        if (BinaryPrimitives.ReadUInt32LittleEndian(fixedPart) != CentralHeaderSignature)
        {
            problem = $"bad central header signature at offset {position}";
            return false;
        }

        int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(fixedPart[28..]);
        int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(fixedPart[30..]);
        int commentLength = BinaryPrimitives.ReadUInt16LittleEndian(fixedPart[32..]);
        var recordLength = 46L + nameLength + extraLength + commentLength;
        if (position + recordLength > cdEnd)
        {
            problem = "record runs past the end of the central directory";
            return false;
        }

        var variable = ArrayPool<byte>.Shared.Rent(nameLength + extraLength);
        try
        {
            var span = variable.AsSpan(0, nameLength + extraLength);
            if (c.ReadAt(span, position + 46) < span.Length)
            {
                problem = "record runs past the end of the file";
                return false;
            }

            entry.Flags = BinaryPrimitives.ReadUInt16LittleEndian(fixedPart[8..]);
            entry.Method = BinaryPrimitives.ReadUInt16LittleEndian(fixedPart[10..]);
            entry.Date = DosDate(BinaryPrimitives.ReadUInt16LittleEndian(fixedPart[14..]), BinaryPrimitives.ReadUInt16LittleEndian(fixedPart[12..]));
            entry.Crc = BinaryPrimitives.ReadUInt32LittleEndian(fixedPart[16..]);
            entry.CompressedSize = BinaryPrimitives.ReadUInt32LittleEndian(fixedPart[20..]);
            entry.Size = BinaryPrimitives.ReadUInt32LittleEndian(fixedPart[24..]);
            entry.LocalOffset = BinaryPrimitives.ReadUInt32LittleEndian(fixedPart[42..]);
            entry.Name = DecodeName(span[..nameLength], entry.Flags);
            ApplyExtra(ref entry, span[nameLength..], central: true);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(variable);
        }

        position += recordLength;
        return true;
    }

    /// <summary>Zip64 sizes and offset (0x0001) and the UTC modification time (0x5455) from an extra field.</summary>
    private static void ApplyExtra(ref Entry entry, ReadOnlySpan<byte> extra, bool central)
    {
        while (extra.Length >= 4)
        {
            var tag = BinaryPrimitives.ReadUInt16LittleEndian(extra);
            int size = BinaryPrimitives.ReadUInt16LittleEndian(extra[2..]);
            if (size > extra.Length - 4)
            {
                return;
            }

            var data = extra.Slice(4, size);
            if (tag == 0x0001)
            {
                // In a central record only the fields that overflowed are present; a local header has both sizes.
                if ((!central || entry.Size == 0xFFFFFFFF) && data.Length >= 8)
                {
                    entry.Size = (long)BinaryPrimitives.ReadUInt64LittleEndian(data);
                    data = data[8..];
                }

                if ((!central || entry.CompressedSize == 0xFFFFFFFF) && data.Length >= 8)
                {
                    entry.CompressedSize = (long)BinaryPrimitives.ReadUInt64LittleEndian(data);
                    data = data[8..];
                }

                if (central && entry.LocalOffset == 0xFFFFFFFF && data.Length >= 8)
                {
                    entry.LocalOffset = (long)BinaryPrimitives.ReadUInt64LittleEndian(data);
                }
            }
            else if (tag == 0x5455 && data.Length >= 5 && (data[0] & 1) != 0)
            {
                entry.Date = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt32LittleEndian(data[1..]));
            }

            extra = extra[(4 + size)..];
        }
    }

    private static InputItem ReadCentralEntry(Context c, Entry entry, CancellationToken ct, out long dataEnd)
    {
        dataEnd = entry.LocalOffset;
        Span<byte> local = stackalloc byte[30];
        if (entry.LocalOffset < 0 || c.ReadAt(local, entry.LocalOffset) < 30)
        {
            return c.Error(entry.Name, $"local header at offset {entry.LocalOffset} is past the end of the file");
        }

        if (BinaryPrimitives.ReadUInt32LittleEndian(local) != LocalHeaderSignature)
        {
            return c.Error(entry.Name, $"bad local header signature at offset {entry.LocalOffset}");
        }

        var dataStart = entry.LocalOffset + 30 + BinaryPrimitives.ReadUInt16LittleEndian(local[26..]) + BinaryPrimitives.ReadUInt16LittleEndian(local[28..]);
        dataEnd = dataStart + entry.CompressedSize;
        return ReadData(c, entry, dataStart, ct);
    }

    /// <summary>Reads one entry whose compressed size is known, checking size and CRC-32.</summary>
    private static InputItem ReadData(Context c, Entry entry, long dataStart, CancellationToken ct)
    {
        if ((entry.Flags & 0x01) != 0)
        {
            return c.Error(entry.Name, "encrypted entry");
        }

        if (entry.Size < 0 || entry.CompressedSize < 0)
        {
            return c.Error(entry.Name, "entry sizes out of range");
        }

        if (entry.Method is not (0 or 8))
        {
            return c.Error(entry.Name, $"unsupported compression method {entry.Method}");
        }

        if (entry.Size > c.Options.MaxEntryBytes)
        {
            return c.Error(entry.Name, InputReader.TooLarge(entry.Size, c.Options));
        }

        if (dataStart + entry.CompressedSize > c.Length)
        {
            return c.Error(entry.Name, $"truncated entry: its data ends {dataStart + entry.CompressedSize - c.Length} bytes past the end of the file");
        }

        byte[] content;
        if (entry.Method == 0)
        {
            if (entry.CompressedSize != entry.Size)
            {
                return c.Error(entry.Name, "stored entry whose compressed and uncompressed sizes differ");
            }

            content = new byte[entry.Size];
            if (c.ReadAt(content, dataStart) < content.Length)
            {
                return c.Error(entry.Name, "truncated entry data");
            }
        }
        else if (!TryInflate(c, dataStart, entry.CompressedSize, entry.Size, ct, out content, out _, out var error))
        {
            return c.Error(entry.Name, error!);
        }

        return CheckedDocument(c, entry, content);
    }

    private static InputItem CheckedDocument(Context c, Entry entry, byte[] content)
    {
        c.Crc.Reset();
        c.Crc.Update(new ArraySegment<byte>(content));
        return (uint)c.Crc.Value != entry.Crc
            ? c.Error(entry.Name, "CRC-32 mismatch (corrupt entry data)")
            : new InputDocument(c.EntryId(entry.Name), c.Path, null, InputReader.GuessContentType(entry.Name), null, content, entry.Date);
    }

    /// <summary>
    /// Inflates raw deflate data starting at <paramref name="start"/>. With <paramref name="expectedSize"/> &lt; 0
    /// the size is unknown and the output grows up to the entry limit. <paramref name="consumed"/> is the exact
    /// compressed length, which locates the next local header when the central directory is lost.
    /// </summary>
    private static bool TryInflate(Context c, long start, long maxCompressed, long expectedSize, CancellationToken ct, out byte[] output, out long consumed, out string? error)
    {
        output = [];
        consumed = 0;
        error = null;
        var inflater = c.Inflater;
        inflater.Reset();
        var input = ArrayPool<byte>.Shared.Rent(InputBufferSize);
        var grow = expectedSize < 0 ? new ArrayBufferWriter<byte>(InputBufferSize) : null;
        var exact = expectedSize >= 0 ? new byte[expectedSize] : null;
        var produced = 0L;
        var position = start;
        var limit = maxCompressed < 0 ? c.Length : Math.Min(c.Length, start + maxCompressed);
        try
        {
            var stalled = 0;
            while (!inflater.IsFinished)
            {
                int n;
                if (exact is null)
                {
                    var memory = grow!.GetMemory(InputBufferSize);
                    var segment = System.Runtime.InteropServices.MemoryMarshal.TryGetArray<byte>(memory, out var s) ? s : default;
                    n = inflater.Inflate(segment.Array!, segment.Offset, Math.Min(segment.Count, InputBufferSize));
                    grow.Advance(n);
                    if (grow.WrittenCount > c.Options.MaxEntryBytes)
                    {
                        error = $"entry too large: more than {c.Options.MaxEntryBytes} bytes";
                        return false;
                    }
                }
                else if (produced < exact.Length)
                {
                    n = inflater.Inflate(exact, (int)produced, exact.Length - (int)produced);
                }
                else
                {
                    var extra = new byte[1];
                    if (inflater.Inflate(extra, 0, 1) > 0)
                    {
                        error = $"entry inflates to more than its recorded {expectedSize} bytes";
                        return false;
                    }

                    n = 0;
                }

                produced += n;
                if (n > 0 || inflater.IsFinished)
                {
                    stalled = 0;
                    continue;
                }

                if (++stalled > 2)
                {
                    error = "corrupt deflate data: no progress";
                    return false;
                }

                if (inflater.IsNeedingDictionary)
                {
                    error = "corrupt deflate data: preset dictionary requested";
                    return false;
                }

                if (inflater.IsNeedingInput)
                {
                    // Only when a call without new input made no progress is more input needed.
                    var want = (int)Math.Min(InputBufferSize, limit - position);
                    var got = want <= 0 ? 0 : c.ReadAt(input.AsSpan(0, want), position);
                    if (got == 0)
                    {
                        error = "truncated entry: compressed data ends before the deflate stream does";
                        return false;
                    }

                    inflater.SetInput(input, 0, got);
                    position += got;
                    stalled = 0;
                    ct.ThrowIfCancellationRequested();
                }
            }

            if (exact is not null && produced != exact.Length)
            {
                error = $"entry inflates to {produced} bytes, its recorded size is {expectedSize}";
                return false;
            }

            consumed = position - start - inflater.RemainingInput;
            output = exact ?? grow!.WrittenSpan.ToArray();
            return true;
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or IOException))
        {
            // The inflater reports bad data as SharpZipBaseException, and a few malformed streams as index errors.
            error = "corrupt deflate data: " + ex.Message;
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(input);
        }
    }

    /// <summary>
    /// Reads the entry whose local header is at <paramref name="position"/> without a central directory, and
    /// moves <paramref name="position"/> past it (-1 when nothing more can be found).
    /// </summary>
    private static InputItem? RecoverEntry(Context c, ref long position, CancellationToken ct)
    {
        Span<byte> header = stackalloc byte[30];
        var got = c.ReadAt(header, position);
        var signature = got >= 4 ? BinaryPrimitives.ReadUInt32LittleEndian(header) : 0;
        if (signature is CentralHeaderSignature or EndSignature or Zip64EndSignature)
        {
            position = -1;
            return null;
        }

        if (signature != LocalHeaderSignature)
        {
            var next = FindLocalHeader(c, position + 1, ct);
            var length = (next < 0 ? c.Length : next) - position;
            var item = new InputError(c.Id, c.Path, $"{length} bytes at offset {position} are not a zip entry" + (next < 0 ? " (end of file)" : "; skipped to the next local header"));
            position = next;
            return item;
        }

        if (got < 30)
        {
            position = -1;
            return new InputError(c.Id, c.Path, "truncated local header at the end of the file");
        }

        int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(header[26..]);
        int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(header[28..]);
        var variable = new byte[nameLength + extraLength];
        if (c.ReadAt(variable, position + 30) < variable.Length)
        {
            position = -1;
            return new InputError(c.Id, c.Path, "truncated local header at the end of the file");
        }

        var entry = new Entry
        {
            Flags = BinaryPrimitives.ReadUInt16LittleEndian(header[6..]),
            Method = BinaryPrimitives.ReadUInt16LittleEndian(header[8..]),
            Date = DosDate(BinaryPrimitives.ReadUInt16LittleEndian(header[12..]), BinaryPrimitives.ReadUInt16LittleEndian(header[10..])),
            Crc = BinaryPrimitives.ReadUInt32LittleEndian(header[14..]),
            CompressedSize = BinaryPrimitives.ReadUInt32LittleEndian(header[18..]),
            Size = BinaryPrimitives.ReadUInt32LittleEndian(header[22..]),
            LocalOffset = position,
        };
        entry.Name = DecodeName(variable.AsSpan(0, nameLength), entry.Flags);
        if (entry.CompressedSize == 0xFFFFFFFF || entry.Size == 0xFFFFFFFF)
        {
            ApplyExtra(ref entry, variable.AsSpan(nameLength), central: false);
        }

        var dataStart = position + 30 + nameLength + extraLength;
        if (!entry.HasDataDescriptor)
        {
            position = dataStart + entry.CompressedSize;
            return entry.IsDirectory ? null : ReadData(c, entry, dataStart, ct);
        }

        // Sizes and CRC follow the data; only a deflate stream marks its own end.
        if (entry.Method != 8 || (entry.Flags & 0x01) != 0)
        {
            position = FindLocalHeader(c, dataStart, ct);
            return entry.IsDirectory && entry.Method == 0 ? null : c.Error(entry.Name, "entry with a data descriptor cannot be read without the central directory (not deflated)");
        }

        if (!TryInflate(c, dataStart, -1, -1, ct, out var content, out var consumed, out var error))
        {
            position = FindLocalHeader(c, dataStart, ct);
            return c.Error(entry.Name, error!);
        }

        var descriptorAt = dataStart + consumed;
        Span<byte> descriptor = stackalloc byte[24];
        var descriptorLength = c.ReadAt(descriptor, descriptorAt);
        var d = descriptor[..descriptorLength];
        if (d.Length >= 4 && BinaryPrimitives.ReadUInt32LittleEndian(d) == DataDescriptorSignature)
        {
            d = d[4..];
            descriptorAt += 4;
        }

        if (d.Length < 12)
        {
            position = -1;
            return c.Error(entry.Name, "truncated entry: data descriptor missing at the end of the file");
        }

        entry.Crc = BinaryPrimitives.ReadUInt32LittleEndian(d);
        entry.Size = content.Length;
        var zip64Descriptor = d.Length >= 20 && BinaryPrimitives.ReadUInt32LittleEndian(d[12..]) is not (LocalHeaderSignature or CentralHeaderSignature);
        position = descriptorAt + (zip64Descriptor ? 20 : 12);
        return entry.IsDirectory ? null : CheckedDocument(c, entry, content);
    }

    private static long FindLocalHeader(Context c, long from, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(InputBufferSize);
        try
        {
            while (from < c.Length)
            {
                ct.ThrowIfCancellationRequested();
                var n = c.ReadAt(buffer.AsSpan(0, InputBufferSize), from);
                if (n < 4)
                {
                    return -1;
                }

                var hit = buffer.AsSpan(0, n).IndexOf("PK\x03\x04"u8);
                if (hit >= 0)
                {
                    return from + hit;
                }

                from += n - 3;
            }

            return -1;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static string DecodeName(ReadOnlySpan<byte> bytes, ushort flags)
    {
        var utf8 = (flags & 0x800) != 0 || System.Text.Unicode.Utf8.IsValid(bytes);
        var name = (utf8 ? Encoding.UTF8 : Cp437).GetString(bytes);
        return name.Replace('\\', '/').TrimStart('/');
    }

    private static DateTimeOffset? DosDate(ushort date, ushort time)
    {
        var year = 1980 + (date >> 9);
        var month = (date >> 5) & 0x0F;
        var day = date & 0x1F;
        var hour = time >> 11;
        var minute = (time >> 5) & 0x3F;
        var second = (time & 0x1F) * 2;
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) && hour < 24 && minute < 60 && second < 60
            ? new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero)
            : null;
    }

    private static Encoding CreateCp437()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(437);
    }
}

using System.Text;

namespace DanVan.Extraction.Bulk;

/// <summary>
/// A forward-only buffered reader over a stream of bytes: header lines, exact byte counts, skips. Holds one
/// fixed buffer; <see cref="Position"/> counts the bytes consumed since the last <see cref="Restart"/>.
/// </summary>
internal sealed class LineReader
{
    public const int BufferSize = 64 * 1024;

    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[BufferSize];
    private int _pos;
    private int _len;

    public LineReader(Stream stream)
    {
        _stream = stream;
    }

    public enum LineStatus
    {
        Ok,
        End,
        TooLong,
    }

    public long Position { get; private set; }

    /// <summary>Drops buffered bytes and restarts <see cref="Position"/> at zero (after the stream moved on).</summary>
    public void Restart()
    {
        _pos = 0;
        _len = 0;
        Position = 0;
    }

    /// <summary>True when no byte is left (the stream returns no more).</summary>
    public bool AtEnd => !Ensure(1);

    /// <summary>Whether the unread bytes start with <paramref name="prefix"/> (false when fewer remain).</summary>
    public bool StartsWith(ReadOnlySpan<byte> prefix) =>
        Ensure(prefix.Length) && _buffer.AsSpan(_pos, prefix.Length).SequenceEqual(prefix);

    /// <summary>The next unread byte, or -1 at the end.</summary>
    public int Peek() => Ensure(1) ? _buffer[_pos] : -1;

    /// <summary>
    /// Reads a line ending in LF (a CR before it is dropped) and decodes it as UTF-8. A line of more than
    /// <paramref name="maxBytes"/> bytes including its end is <see cref="LineStatus.TooLong"/>; the end of the
    /// input before an LF is <see cref="LineStatus.End"/>; neither consumes anything.
    /// <paramref name="consumed"/> counts the bytes taken.
    /// </summary>
    public LineStatus ReadLine(int maxBytes, out string line, out int consumed)
    {
        line = string.Empty;
        consumed = 0;
        maxBytes = Math.Min(maxBytes, BufferSize);
        var searched = 0;
        while (true)
        {
            var available = _len - _pos;
            var limit = Math.Min(available, maxBytes);
            var newline = _buffer.AsSpan(_pos + searched, limit - searched).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var length = searched + newline;
                var content = _buffer.AsSpan(_pos, length);
                if (content.EndsWith("\r"u8))
                {
                    content = content[..^1];
                }

                line = Encoding.UTF8.GetString(content);
                consumed = length + 1;
                Consume(consumed);
                return LineStatus.Ok;
            }

            searched = limit;
            if (limit >= maxBytes)
            {
                return LineStatus.TooLong;
            }

            if (!Ensure(available + 1))
            {
                return LineStatus.End;
            }
        }
    }

    /// <summary>Consumes through the next LF (or to the end); returns the bytes consumed, 0 at the end.</summary>
    public long SkipLine()
    {
        long skipped = 0;
        while (Ensure(1))
        {
            var newline = _buffer.AsSpan(_pos, _len - _pos).IndexOf((byte)'\n');
            var take = newline >= 0 ? newline + 1 : _len - _pos;
            Consume(take);
            skipped += take;
            if (newline >= 0)
            {
                break;
            }
        }

        return skipped;
    }

    /// <summary>Copies up to <c>destination.Length</c> bytes; fewer only at the end.</summary>
    public int Read(Span<byte> destination)
    {
        var total = 0;
        while (total < destination.Length)
        {
            if (_pos < _len)
            {
                var take = Math.Min(_len - _pos, destination.Length - total);
                _buffer.AsSpan(_pos, take).CopyTo(destination[total..]);
                Consume(take);
                total += take;
                continue;
            }

            if (destination.Length - total >= BufferSize)
            {
                // Large reads bypass the buffer, in bounded pieces: a stream without a span overload rents a
                // temporary array as large as the request.
                var n = _stream.Read(destination.Slice(total, Math.Min(destination.Length - total, 1 << 20)));
                if (n == 0)
                {
                    break;
                }

                total += n;
                Position += n;
                continue;
            }

            if (!Ensure(1))
            {
                break;
            }
        }

        return total;
    }

    /// <summary>Skips up to <paramref name="count"/> bytes; returns how many were skipped (fewer only at the end).</summary>
    public long Skip(long count, CancellationToken cancellationToken)
    {
        long skipped = 0;
        while (skipped < count)
        {
            if (!Ensure(1))
            {
                break;
            }

            var take = (int)Math.Min(_len - _pos, count - skipped);
            Consume(take);
            skipped += take;
            if ((skipped & 0xFFFFF) < take)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        return skipped;
    }

    private void Consume(int count)
    {
        _pos += count;
        Position += count;
    }

    private bool Ensure(int count)
    {
        if (_len - _pos >= count)
        {
            return true;
        }

        if (_pos > 0)
        {
            Buffer.BlockCopy(_buffer, _pos, _buffer, 0, _len - _pos);
            _len -= _pos;
            _pos = 0;
        }

        while (_len < count)
        {
            var n = _stream.Read(_buffer, _len, BufferSize - _len);
            if (n == 0)
            {
                return false;
            }

            _len += n;
        }

        return true;
    }
}

using ICSharpCode.SharpZipLib.Checksum;
using ICSharpCode.SharpZipLib.Zip.Compression;

namespace DanVan.Extraction.Bulk;

/// <summary>
/// Decompresses a file of concatenated gzip members one member at a time: <see cref="Read(byte[], int, int)"/>
/// returns 0 at the end of each member and <see cref="NextMember"/> moves on. Knowing where each member starts
/// lets a reader resynchronise after a corrupt member (<see cref="Resync"/>), which <c>GZipStream</c> cannot:
/// it hides member boundaries. Damage surfaces as <see cref="InvalidDataException"/>; a member's last bytes are
/// returned only after its end, CRC and size are checked, so damage is reported while they are still in use.
/// </summary>
internal sealed class GzipMemberStream : Stream
{
    private const int BufferSize = 64 * 1024;
    private const int KeepOnRefill = 8;
    private const int Holdback = 4;

    private readonly Stream _file;
    private readonly byte[] _in = new byte[BufferSize];
    private readonly byte[] _out = new byte[BufferSize];
    private readonly Inflater _inflater = new(noHeader: true);
    private readonly Crc32 _crc = new();
    private readonly byte[] _expectedPrefix;
    private int _inPos;
    private int _inLen;
    private long _inBase;
    private long _memberSize;
    private int _outPos;
    private int _outLen;
    private int _stalled;
    private State _state = State.Header;

    /// <param name="file">A seekable stream positioned at the first member.</param>
    /// <param name="expectedPrefix">What a member's content starts with (<c>WARC/1.</c>); a candidate member found
    /// by <see cref="Resync"/> must start with it, so a stray 1F 8B 08 inside compressed data is not taken
    /// for a member.</param>
    public GzipMemberStream(Stream file, ReadOnlySpan<byte> expectedPrefix)
    {
        _file = file;
        _inBase = file.Position;
        _expectedPrefix = expectedPrefix.ToArray();
        MemberStart = _inBase;
    }

    private enum State
    {
        Header,
        Inflating,
        Verified,
        MemberEnd,
        End,
    }

    /// <summary>The file offset of the member being read (or about to be read).</summary>
    public long MemberStart { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    private long FileOffset => _inBase + _inPos;

    /// <summary>After a member ended: true when another member follows (its header is checked on the next read).</summary>
    public bool NextMember()
    {
        if (_state == State.MemberEnd)
        {
            _state = State.Header;
        }

        if (_state != State.Header || !Ensure(1))
        {
            _state = State.End;
            return false;
        }

        MemberStart = FileOffset;
        return true;
    }

    /// <summary>
    /// After damage in the member at <see cref="MemberStart"/>: finds the next offset after it that holds a valid
    /// member header whose content starts with the expected prefix and positions there. False when there is none
    /// (the stream then stays at its end).
    /// </summary>
    public bool Resync(CancellationToken cancellationToken)
    {
        var window = new byte[BufferSize];
        var scratch = new Inflater(noHeader: true);
        var from = MemberStart + 1;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _file.Position = from;
            var n = _file.ReadAtLeast(window, window.Length, throwOnEndOfStream: false);
            if (n < 3)
            {
                break;
            }

            var span = window.AsSpan(0, n);
            var at = 0;
            while (at <= n - 3)
            {
                var hit = span[at..].IndexOf((ReadOnlySpan<byte>)[0x1F, 0x8B, 0x08]);
                if (hit < 0)
                {
                    break;
                }

                at += hit;
                if (IsMemberStart(from + at, scratch))
                {
                    SeekTo(from + at);
                    return true;
                }

                at++;
            }

            // Overlap by two bytes so a signature across windows is seen.
            from += n - 2;
        }

        SeekTo(_file.Length);
        _state = State.End;
        return false;
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (count == 0)
        {
            return 0;
        }

        while (true)
        {
            // Until the member's trailer is checked, its last bytes are held back: whoever needs them (a record's
            // closing CRLF CRLF) learns of damage while that record is still being read.
            var servable = _outLen - _outPos - (_state == State.Inflating ? Holdback : 0);
            if (servable > 0)
            {
                var n = Math.Min(servable, count);
                Buffer.BlockCopy(_out, _outPos, buffer, offset, n);
                _outPos += n;
                return n;
            }

            switch (_state)
            {
                case State.Header:
                    if (!Ensure(1))
                    {
                        _state = State.End;
                        return 0;
                    }

                    MemberStart = FileOffset;
                    ReadHeader();
                    _inflater.Reset();
                    _crc.Reset();
                    _memberSize = 0;
                    _outPos = 0;
                    _outLen = 0;
                    _state = State.Inflating;
                    break;

                case State.Inflating:
                    InflateMore();
                    break;

                case State.Verified:
                    _state = State.MemberEnd;
                    return 0;

                default:
                    return 0;
            }
        }
    }

    private void InflateMore()
    {
        Buffer.BlockCopy(_out, _outPos, _out, 0, _outLen - _outPos);
        _outLen -= _outPos;
        _outPos = 0;
        if (_inflater.IsNeedingInput)
        {
            if (_inPos == _inLen && !RefillKeepingTail())
            {
                throw new InvalidDataException("gzip member truncated (end of file inside compressed data)");
            }

            _inflater.SetInput(_in, _inPos, _inLen - _inPos);
            _inPos = _inLen;
        }

        int n;
        try
        {
            n = _inflater.Inflate(_out, _outLen, BufferSize - _outLen);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or IOException))
        {
            // SharpZipBaseException for bad data, and a few malformed streams as index errors.
            throw new InvalidDataException("corrupt deflate data: " + ex.Message, ex);
        }

        if (n > 0)
        {
            _crc.Update(new ArraySegment<byte>(_out, _outLen, n));
            _memberSize += n;
            _outLen += n;
            _stalled = 0;
        }

        if (_inflater.IsFinished)
        {
            _inPos = _inLen - _inflater.RemainingInput;
            ReadTrailer();
            _state = State.Verified;
        }
        else if (n == 0 && !_inflater.IsNeedingInput && (_inflater.IsNeedingDictionary || ++_stalled > 2))
        {
            throw new InvalidDataException("corrupt deflate data: the stream makes no progress");
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <summary>The length of a gzip member header at the start of <paramref name="s"/>; 0 when more bytes are needed.</summary>
    internal static int ParseHeader(ReadOnlySpan<byte> s, out string? error)
    {
        error = null;
        if (s.Length < 10)
        {
            return 0;
        }

        if (s[0] != 0x1F || s[1] != 0x8B)
        {
            error = "not a gzip member header";
            return -1;
        }

        if (s[2] != 8)
        {
            error = $"unsupported gzip compression method {s[2]}";
            return -1;
        }

        var flags = s[3];
        if ((flags & 0xE0) != 0)
        {
            error = "gzip header has reserved flags set";
            return -1;
        }

        var pos = 10;
        if ((flags & 0x04) != 0)
        {
            if (s.Length < pos + 2)
            {
                return 0;
            }

            pos += 2 + (s[pos] | (s[pos + 1] << 8));
        }

        for (var bit = 0x08; bit <= 0x10; bit <<= 1)
        {
            if ((flags & bit) != 0)
            {
                if (pos >= s.Length)
                {
                    return 0;
                }

                var zero = s[pos..].IndexOf((byte)0);
                if (zero < 0)
                {
                    return 0;
                }

                pos += zero + 1;
            }
        }

        if ((flags & 0x02) != 0)
        {
            pos += 2;
        }

        return pos <= s.Length ? pos : 0;
    }

    private void ReadHeader()
    {
        while (true)
        {
            var length = ParseHeader(_in.AsSpan(_inPos, _inLen - _inPos), out var error);
            if (length > 0)
            {
                _inPos += length;
                return;
            }

            if (length < 0)
            {
                throw new InvalidDataException(error);
            }

            if (_inLen - _inPos >= BufferSize || !Ensure(_inLen - _inPos + 1))
            {
                throw new InvalidDataException(_inLen - _inPos >= BufferSize ? "gzip header too long" : "gzip member truncated (end of file inside header)");
            }
        }
    }

    private void ReadTrailer()
    {
        if (!Ensure(8))
        {
            throw new InvalidDataException("gzip member truncated (end of file inside trailer)");
        }

        var t = _in.AsSpan(_inPos, 8);
        var crc = (uint)(t[0] | (t[1] << 8) | (t[2] << 16) | (t[3] << 24));
        var size = (uint)(t[4] | (t[5] << 8) | (t[6] << 16) | (t[7] << 24));
        _inPos += 8;
        if (crc != (uint)_crc.Value)
        {
            throw new InvalidDataException("gzip member CRC mismatch");
        }

        if (size != (uint)_memberSize)
        {
            throw new InvalidDataException("gzip member size mismatch");
        }
    }

    /// <summary>Makes at least <paramref name="count"/> unread bytes available; false at end of file.</summary>
    private bool Ensure(int count)
    {
        if (_inLen - _inPos >= count)
        {
            return true;
        }

        Buffer.BlockCopy(_in, _inPos, _in, 0, _inLen - _inPos);
        _inBase += _inPos;
        _inLen -= _inPos;
        _inPos = 0;
        while (_inLen < count)
        {
            var n = _file.Read(_in, _inLen, BufferSize - _inLen);
            if (n == 0)
            {
                return false;
            }

            _inLen += n;
        }

        return true;
    }

    /// <summary>
    /// Refills an exhausted buffer for the inflater, keeping the last bytes: the inflater may have read a few of
    /// them ahead into its bit buffer, and gives them back through <see cref="Inflater.RemainingInput"/>.
    /// </summary>
    private bool RefillKeepingTail()
    {
        var keep = Math.Min(KeepOnRefill, _inLen);
        Buffer.BlockCopy(_in, _inLen - keep, _in, 0, keep);
        _inBase += _inLen - keep;
        _inLen = keep;
        _inPos = keep;
        var n = _file.Read(_in, _inLen, BufferSize - _inLen);
        _inLen += n;
        return n > 0;
    }

    private void SeekTo(long offset)
    {
        _file.Position = offset;
        _inBase = offset;
        _inPos = 0;
        _inLen = 0;
        _outPos = 0;
        _outLen = 0;
        MemberStart = offset;
        _state = State.Header;
    }

    private bool IsMemberStart(long offset, Inflater scratch)
    {
        var window = new byte[4096];
        _file.Position = offset;
        var n = _file.ReadAtLeast(window, window.Length, throwOnEndOfStream: false);
        var header = ParseHeader(window.AsSpan(0, n), out _);
        if (header <= 0)
        {
            return false;
        }

        try
        {
            scratch.Reset();
            scratch.SetInput(window, header, n - header);
            var output = new byte[_expectedPrefix.Length == 0 ? 1 : _expectedPrefix.Length];
            var got = 0;
            while (got < output.Length)
            {
                var k = scratch.Inflate(output, got, output.Length - got);
                if (k == 0)
                {
                    break;
                }

                got += k;
            }

            return got == output.Length && (_expectedPrefix.Length == 0 || output.AsSpan().SequenceEqual(_expectedPrefix));
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or IOException))
        {
            return false;
        }
    }
}

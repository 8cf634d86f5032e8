namespace DanVan.Extraction.Text;

/// <summary>
/// Maps each character of a derived text back to the range of the original text it came from.
/// Built by <see cref="DerivedTextBuilder"/>; composed when one derived text is derived again.
/// </summary>
internal sealed class OffsetMap
{
    // For derived character i: the original range [_starts[i], _ends[i]). Null when the map is the identity.
    private readonly int[]? _starts;
    private readonly int[]? _ends;
    private readonly int _originalLength;

    private OffsetMap(int[]? starts, int[]? ends, int originalLength)
    {
        _starts = starts;
        _ends = ends;
        _originalLength = originalLength;
    }

    public static OffsetMap Identity(int length) => new(null, null, length);

    public static OffsetMap FromArrays(int[] starts, int[] ends, int originalLength) => new(starts, ends, originalLength);

    public bool IsIdentity => _starts is null;

    /// <summary>The original index where derived character <paramref name="index"/> starts.</summary>
    public int StartOf(int index)
    {
        if (_starts is null)
        {
            return Math.Clamp(index, 0, _originalLength);
        }

        if (index >= _starts.Length)
        {
            return _originalLength;
        }

        return index < 0 ? 0 : _starts[index];
    }

    /// <summary>The original index one past derived character <paramref name="index"/>.</summary>
    public int EndOf(int index)
    {
        if (_ends is null)
        {
            return Math.Clamp(index + 1, 0, _originalLength);
        }

        if (index >= _ends.Length)
        {
            return _originalLength;
        }

        return index < 0 ? 0 : _ends[index];
    }

    /// <summary>Maps a derived span to the smallest original span covering all its characters.</summary>
    public TextSpan Map(TextSpan span)
    {
        if (span.Length <= 0)
        {
            var at = StartOf(span.Start);
            return new TextSpan(at, 0);
        }

        var start = StartOf(span.Start);
        var end = EndOf(span.End - 1);
        return TextSpan.FromBounds(start, Math.Max(start, end));
    }

    /// <summary>This map applied after <paramref name="inner"/>: derived → intermediate (this) → original (inner).</summary>
    public OffsetMap ComposeWith(OffsetMap inner)
    {
        if (inner.IsIdentity)
        {
            return _starts is null ? Identity(inner._originalLength) : new OffsetMap(_starts, _ends, inner._originalLength);
        }

        if (_starts is null)
        {
            return inner;
        }

        var starts = new int[_starts.Length];
        var ends = new int[_starts.Length];
        for (var i = 0; i < starts.Length; i++)
        {
            starts[i] = inner.StartOf(_starts[i]);
            ends[i] = _ends![i] > _starts[i] ? inner.EndOf(_ends[i] - 1) : starts[i];
        }

        return new OffsetMap(starts, ends, inner._originalLength);
    }
}

/// <summary>Builds a derived text and its <see cref="OffsetMap"/> one piece at a time.</summary>
internal sealed class DerivedTextBuilder
{
    private char[] _chars;
    private int[] _starts;
    private int[] _ends;
    private int _length;
    private bool _identity = true;
    private bool _contentChanged;

    public DerivedTextBuilder(int capacity)
    {
        capacity = Math.Max(16, capacity);
        _chars = new char[capacity];
        _starts = new int[capacity];
        _ends = new int[capacity];
    }

    public int Length => _length;

    public char this[int index] => _chars[index];

    /// <summary>
    /// Appends one character that stands for the original range [start, end); <paramref name="changed"/>
    /// says whether it differs from the original character there.
    /// </summary>
    public void Append(char c, int start, int end, bool changed = true)
    {
        Ensure(1);
        if (start != _length || end != _length + 1)
        {
            _identity = false;
        }

        _contentChanged |= changed;
        _chars[_length] = c;
        _starts[_length] = start;
        _ends[_length] = end;
        _length++;
    }

    /// <summary>
    /// Appends characters that correspond one to one to the original characters starting at
    /// <paramref name="start"/>; <paramref name="changed"/> says whether any differs from the original.
    /// </summary>
    public void AppendCopy(ReadOnlySpan<char> chars, int start, bool changed = false)
    {
        _contentChanged |= changed;
        Ensure(chars.Length);
        if (start != _length)
        {
            _identity = false;
        }

        chars.CopyTo(_chars.AsSpan(_length));
        for (var k = 0; k < chars.Length; k++)
        {
            _starts[_length + k] = start + k;
            _ends[_length + k] = start + k + 1;
        }

        _length += chars.Length;
    }

    /// <summary>Appends characters that together stand for the original range [start, end).</summary>
    public void AppendReplacement(ReadOnlySpan<char> chars, int start, int end)
    {
        foreach (var c in chars)
        {
            Append(c, start, end);
        }
    }

    /// <summary>Removes trailing characters equal to <paramref name="c"/>.</summary>
    public void TrimEnd(char c)
    {
        while (_length > 0 && _chars[_length - 1] == c)
        {
            _length--;
            _identity = false;
        }
    }

    public bool EndsWith(char c) => _length > 0 && _chars[_length - 1] == c;

    public (string Text, OffsetMap Map) Build(int originalLength, string? original)
    {
        var text = _identity && !_contentChanged && _length == originalLength && original is not null ? original : new string(_chars, 0, _length);
        var map = _identity && _length == originalLength
            ? OffsetMap.Identity(originalLength)
            : OffsetMap.FromArrays(_starts.AsSpan(0, _length).ToArray(), _ends.AsSpan(0, _length).ToArray(), originalLength);
        return (text, map);
    }

    private void Ensure(int extra)
    {
        if (_length + extra <= _chars.Length)
        {
            return;
        }

        var size = Math.Max(_chars.Length * 2, _length + extra);
        Array.Resize(ref _chars, size);
        Array.Resize(ref _starts, size);
        Array.Resize(ref _ends, size);
    }
}

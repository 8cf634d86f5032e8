using System.Buffers.Binary;
using System.Text;

namespace DanVan.Extraction.Learning;

/// <summary>
/// Writes a model file: little-endian, variable-length integers, length-prefixed UTF-8 strings and
/// sparse quantized weight arrays. The same content always gives the same bytes (no timestamps, no
/// hash-order iteration), so training with a fixed seed is byte-reproducible.
/// </summary>
internal sealed class ModelWriter
{
    private readonly Stream _stream;
    private readonly byte[] _scratch = new byte[16];

    public ModelWriter(Stream stream)
    {
        _stream = stream;
    }

    public void WriteMagic(string magic, int version)
    {
        _stream.Write(Encoding.ASCII.GetBytes(magic));
        WriteVarint((uint)version);
    }

    public void WriteVarint(uint value)
    {
        var n = 0;
        while (value >= 0x80)
        {
            _scratch[n++] = (byte)(value | 0x80);
            value >>= 7;
        }

        _scratch[n++] = (byte)value;
        _stream.Write(_scratch, 0, n);
    }

    public void WriteInt32(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(_scratch, value);
        _stream.Write(_scratch, 0, 4);
    }

    public void WriteSingle(float value)
    {
        BinaryPrimitives.WriteSingleLittleEndian(_scratch, value);
        _stream.Write(_scratch, 0, 4);
    }

    public void WriteString(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        WriteVarint((uint)bytes.Length);
        _stream.Write(bytes);
    }

    /// <summary>
    /// Writes <paramref name="weights"/> as 16-bit integers (one scale for the whole array, the largest
    /// magnitude maps to 32767); only the non-zero ones, as index gaps and values.
    /// </summary>
    public void WriteQuantized(ReadOnlySpan<float> weights)
    {
        var max = 0f;
        foreach (var w in weights)
        {
            max = Math.Max(max, Math.Abs(w));
        }

        var scale = max > 0 ? max / short.MaxValue : 1f;
        var nonZero = 0;
        foreach (var w in weights)
        {
            if (Quantize(w, scale) != 0)
            {
                nonZero++;
            }
        }

        WriteVarint((uint)weights.Length);
        WriteSingle(scale);
        WriteVarint((uint)nonZero);
        var previous = -1;
        for (var i = 0; i < weights.Length; i++)
        {
            var q = Quantize(weights[i], scale);
            if (q == 0)
            {
                continue;
            }

            WriteVarint((uint)(i - previous - 1));
            BinaryPrimitives.WriteInt16LittleEndian(_scratch, q);
            _stream.Write(_scratch, 0, 2);
            previous = i;
        }
    }

    public static short Quantize(float w, float scale) => (short)Math.Clamp(MathF.Round(w / scale, MidpointRounding.AwayFromZero), -short.MaxValue, short.MaxValue);
}

/// <summary>Reads what <see cref="ModelWriter"/> wrote; throws <see cref="InvalidDataException"/> on a damaged file.</summary>
internal sealed class ModelReader
{
    private readonly byte[] _data;
    private int _at;

    public ModelReader(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        _data = copy.ToArray();
    }

    public void ReadMagic(string magic, int version)
    {
        var expected = Encoding.ASCII.GetBytes(magic);
        if (_data.Length < expected.Length || !_data.AsSpan(0, expected.Length).SequenceEqual(expected))
        {
            throw new InvalidDataException($"Not a {magic} model file.");
        }

        _at = expected.Length;
        var v = (int)ReadVarint();
        if (v != version)
        {
            throw new InvalidDataException($"{magic} model version {v}; this library reads version {version}.");
        }
    }

    public uint ReadVarint()
    {
        uint value = 0;
        var shift = 0;
        while (true)
        {
            var b = Next();
            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }

            shift += 7;
            if (shift > 28)
            {
                throw new InvalidDataException("Malformed integer in model file.");
            }
        }
    }

    public int ReadInt32()
    {
        Need(4);
        var v = BinaryPrimitives.ReadInt32LittleEndian(_data.AsSpan(_at));
        _at += 4;
        return v;
    }

    public float ReadSingle()
    {
        Need(4);
        var v = BinaryPrimitives.ReadSingleLittleEndian(_data.AsSpan(_at));
        _at += 4;
        return v;
    }

    public string ReadString()
    {
        var length = (int)ReadVarint();
        Need(length);
        var s = Encoding.UTF8.GetString(_data, _at, length);
        _at += length;
        return s;
    }

    /// <summary>Reads a quantized array back as 16-bit integers and the scale that turns them into weights.</summary>
    public short[] ReadQuantized(out float scale)
    {
        var length = (int)ReadVarint();
        scale = ReadSingle();
        var nonZero = (int)ReadVarint();
        var result = new short[length];
        var index = -1;
        for (var k = 0; k < nonZero; k++)
        {
            index += (int)ReadVarint() + 1;
            Need(2);
            if ((uint)index >= (uint)length)
            {
                throw new InvalidDataException("Weight index out of range in model file.");
            }

            result[index] = BinaryPrimitives.ReadInt16LittleEndian(_data.AsSpan(_at));
            _at += 2;
        }

        return result;
    }

    private byte Next()
    {
        Need(1);
        return _data[_at++];
    }

    private void Need(int count)
    {
        if (count < 0 || _at + count > _data.Length)
        {
            throw new InvalidDataException("Truncated model file.");
        }
    }
}

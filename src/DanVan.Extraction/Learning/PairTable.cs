using System.Numerics;
using System.Runtime.CompilerServices;

namespace DanVan.Extraction.Learning;

/// <summary>
/// A byte for each of a set of id pairs (the join statistics of adjacent syllables), compact enough to
/// stay in cache: open addressing with linear probing over 32-bit fingerprints of a 64-bit mix of the
/// pair (the slot comes from the other half of the same mix), one byte of value a slot; sized once. Two pairs with equal
/// fingerprints and equal slots would share a value; with 32-bit fingerprints that is negligible, and
/// it is deterministic. No allocation on lookup; read-only after building, so concurrent lookups are safe.
/// </summary>
internal sealed class PairTable
{
    private const ulong Multiplier = 0x9E3779B97F4A7C15UL;

    private readonly uint[] _keys;
    private readonly byte[] _values;
    private readonly int _mask;

    /// <summary>A table for up to <paramref name="capacity"/> pairs (kept at most half full).</summary>
    public PairTable(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(64, capacity * 2));
        _keys = new uint[size];
        _values = new byte[size];
        _mask = size - 1;
    }

    /// <summary>Number of pairs stored.</summary>
    public int Count { get; private set; }

    /// <summary>The value of the pair (<paramref name="a"/>, <paramref name="b"/>); 0 when absent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public byte Lookup(uint a, uint b)
    {
        var h = Mix(a, b);
        return LinearProbe.Lookup(_keys, _values, _mask, Slot(h), Fingerprint(h));
    }

    /// <summary>Stores <paramref name="value"/> (not 0) for the pair, replacing any value it had.</summary>
    public void Set(uint a, uint b, byte value)
    {
        ArgumentOutOfRangeException.ThrowIfZero(value);
        if ((Count + 1) * 2 > _keys.Length)
        {
            throw new InvalidOperationException("The pair table is full.");
        }

        var h = Mix(a, b);
        var key = Fingerprint(h);
        var i = LinearProbe.Find(_keys, _mask, Slot(h), key);

        if (_keys[i] == 0)
        {
            _keys[i] = key;
            Count++;
        }

        _values[i] = value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(uint a, uint b)
    {
        var h = (((ulong)a << 32) | b) * Multiplier;
        h = (h ^ (h >> 32)) * 0xD6E8FEB86659FD93UL;
        return h ^ (h >> 29);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Fingerprint(ulong h) => (uint)h | 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Slot(ulong h) => (int)(h >> 32) & _mask;
}

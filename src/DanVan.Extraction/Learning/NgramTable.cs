using System.Numerics;
using System.Runtime.CompilerServices;

namespace DanVan.Extraction.Learning;

/// <summary>
/// A set of id sequences (lexicon words as syllable ids) with three bits of flags each, keyed by a 64-bit
/// rolling hash of the sequence: open addressing, linear probing, no allocation on lookup. The flags live in
/// the low bits of the stored key, so a lookup touches one array (one cache line) per probe. A caller
/// extends a key one id at a time with <see cref="Extend"/>, so the words starting at one position are
/// found with one probe per length. Read-only after building; concurrent lookups are safe.
/// </summary>
internal sealed class NgramTable
{
    /// <summary>The flag of a sequence that is a whole entry.</summary>
    public const byte Entry = 1;

    /// <summary>The flag of a sequence that is the start of a longer entry.</summary>
    public const byte Prefix = 2;

    /// <summary>The flag of a pair of ids that stand next to each other somewhere inside an entry.</summary>
    public const byte InnerPair = 4;

    private const ulong Multiplier = 0x9E3779B97F4A7C15UL;

    private const ulong FlagBits = 7;

    // Each slot: the key with its low three bits replaced by the flags; 0 = empty (keys always have bit 3 set).
    private ulong[] _keys = new ulong[64];

    // Whether some entry starts with id i (ids below the array length): most tokens start nothing,
    // and this answers that without probing the table.
    private bool[] _starts = new bool[64];

    // Whether id i stands before another id inside some entry (so a pair starting with it can be an inner pair).
    private bool[] _inner = new bool[64];
    private int _mask = 63;

    /// <summary>Number of distinct sequences stored (entries and prefixes).</summary>
    public int Count { get; private set; }

    /// <summary>The key of the empty sequence.</summary>
    public const ulong Empty = 0x2545F4914F6CDD1DUL;

    /// <summary>The key of <paramref name="key"/>'s sequence followed by <paramref name="id"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Extend(ulong key, uint id)
    {
        var h = (key ^ (id + 0x632BE59BD9B4E019UL)) * Multiplier;
        return (h ^ (h >> 32)) | 8;
    }

    /// <summary>True when some entry starts with <paramref name="id"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool StartsEntry(uint id)
    {
        var starts = _starts;
        return id < (uint)starts.Length && starts[id];
    }

    /// <summary>True when <paramref name="id"/> is followed by another id inside some entry (special ids: always probed).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MayStartInnerPair(uint id)
    {
        var inner = _inner;
        return id >= (1u << 24) || (id < (uint)inner.Length && inner[id]);
    }

    /// <summary>The flags of <paramref name="key"/> (0 when absent).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public byte Lookup(ulong key)
    {
        var stored = _keys[FindSlot(_keys, _mask, key)];
        return (byte)(stored & FlagBits);
    }

    /// <summary>Adds <paramref name="ids"/> as an entry, and each of its proper prefixes as a prefix.</summary>
    public void AddEntry(ReadOnlySpan<uint> ids)
    {
        if (ids.IsEmpty)
        {
            return;
        }

        // Special ids (numbers, unknown words) are far above any vocabulary id: those are always probed.
        Mark(ref _starts, ids[0]);
        for (var k = 0; k + 1 < ids.Length; k++)
        {
            Mark(ref _inner, ids[k]);
        }

        var key = Empty;
        for (var k = 0; k < ids.Length; k++)
        {
            key = Extend(key, ids[k]);
            Set(key, k == ids.Length - 1 ? Entry : Prefix);
        }

        for (var k = 0; k + 1 < ids.Length; k++)
        {
            Set(Extend(Extend(Empty, ids[k]), ids[k + 1]), InnerPair);
        }
    }

    private static void Mark(ref bool[] flags, uint id)
    {
        if (id >= (1u << 24))
        {
            return;
        }

        if (id >= (uint)flags.Length)
        {
            Array.Resize(ref flags, (int)BitOperations.RoundUpToPowerOf2(id + 1));
        }

        flags[id] = true;
    }

    private void Set(ulong key, byte flag)
    {
        if ((Count + 1) * 2 > _keys.Length)
        {
            Grow();
        }

        var i = FindSlot(_keys, _mask, key);
        if (_keys[i] == 0)
        {
            _keys[i] = key & ~FlagBits;
            Count++;
        }

        _keys[i] |= flag;
    }

    /// <summary>The slot holding <paramref name="key"/>, or the empty slot (0, so no flags) where it would go.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int FindSlot(ulong[] keys, int mask, ulong key)
    {
        var i = Slot(key) & mask;
        while (keys[i] != 0 && ((keys[i] ^ key) & ~FlagBits) != 0)
        {
            i = (i + 1) & mask;
        }

        return i;
    }

    private void Grow()
    {
        var oldKeys = _keys;
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)oldKeys.Length * 2);
        _keys = new ulong[size];
        _mask = size - 1;
        foreach (var stored in oldKeys)
        {
            if (stored != 0)
            {
                _keys[FindSlot(_keys, _mask, stored)] = stored;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Slot(ulong key) => (int)(key >> 20);
}

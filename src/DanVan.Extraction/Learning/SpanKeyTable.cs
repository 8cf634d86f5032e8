using System.Numerics;
using System.Runtime.CompilerServices;

namespace DanVan.Extraction.Learning;

/// <summary>
/// Maps short strings to dense ids 0..Count−1, looked up by <see cref="ReadOnlySpan{T}"/> without
/// allocating: open addressing with linear probing over one char pool. Built once, then read-only;
/// concurrent lookups are safe once building is over. (FrozenDictionary's span lookup needs .NET 9.)
/// </summary>
internal sealed class SpanKeyTable
{
    private char[] _pool = new char[1024];
    private int _poolLength;
    private int[] _offsets = new int[64];
    private int[] _lengths = new int[64];
    private uint[] _hashes = new uint[64];
    private byte[] _attributes = new byte[64];
    private int[] _slots = CreateSlots(128);
    private int _mask = 127;

    /// <summary>Number of keys.</summary>
    public int Count { get; private set; }

    /// <summary>The byte stored with key <paramref name="id"/> when it was added.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public byte AttributeOf(int id) => _attributes[id];

    /// <summary>The key with id <paramref name="id"/>.</summary>
    public ReadOnlySpan<char> KeyOf(int id) => _pool.AsSpan(_offsets[id], _lengths[id]);

    /// <summary>The id of <paramref name="key"/>, or −1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(ReadOnlySpan<char> key)
    {
        var hash = Hash(key);
        var slots = _slots;
        var i = (int)hash & _mask;
        while (true)
        {
            var id = slots[i];
            if (id < 0)
            {
                return -1;
            }

            if (_hashes[id] == hash && key.SequenceEqual(_pool.AsSpan(_offsets[id], _lengths[id])))
            {
                return id;
            }

            i = (i + 1) & _mask;
        }
    }

    /// <summary>The id of <paramref name="key"/>, added with the next id (and <paramref name="attribute"/>) when new.</summary>
    public int Add(ReadOnlySpan<char> key, byte attribute = 0)
    {
        var found = Find(key);
        if (found >= 0)
        {
            return found;
        }

        var id = Count;
        if (id == _offsets.Length)
        {
            Array.Resize(ref _offsets, id * 2);
            Array.Resize(ref _lengths, id * 2);
            Array.Resize(ref _hashes, id * 2);
            Array.Resize(ref _attributes, id * 2);
        }

        if (_poolLength + key.Length > _pool.Length)
        {
            Array.Resize(ref _pool, Math.Max(_pool.Length * 2, _poolLength + key.Length));
        }

        key.CopyTo(_pool.AsSpan(_poolLength));
        _offsets[id] = _poolLength;
        _lengths[id] = key.Length;
        _hashes[id] = Hash(key);
        _attributes[id] = attribute;
        _poolLength += key.Length;
        Count++;
        if (Count * 2 > _slots.Length)
        {
            Rehash(_slots.Length * 2);
        }
        else
        {
            Insert(id);
        }

        return id;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Hash(ReadOnlySpan<char> key)
    {
        var h = 0x811C9DC5u ^ (uint)key.Length;
        foreach (var c in key)
        {
            h = (h ^ c) * 0x01000193u;
        }

        return h ^ (h >> 15);
    }

    private void Insert(int id)
    {
        var i = (int)_hashes[id] & _mask;
        while (_slots[i] >= 0)
        {
            i = (i + 1) & _mask;
        }

        _slots[i] = id;
    }

    private void Rehash(int size)
    {
        size = (int)BitOperations.RoundUpToPowerOf2((uint)size);
        _slots = CreateSlots(size);
        _mask = size - 1;
        for (var id = 0; id < Count; id++)
        {
            Insert(id);
        }
    }

    private static int[] CreateSlots(int size)
    {
        var slots = new int[size];
        Array.Fill(slots, -1);
        return slots;
    }
}

using System.Runtime.CompilerServices;

namespace DanVan.Extraction.Learning;

/// <summary>
/// Open addressing with linear probing over a power-of-two key array, the zero key marking an empty slot,
/// values in a parallel array: the probe loop of <see cref="PairTable"/> (32-bit fingerprints) and other
/// tables. Generic over value-type keys, so the JIT compiles one specialized loop per key type.
/// </summary>
internal static class LinearProbe
{
    /// <summary>The slot that holds <paramref name="key"/>, or the empty slot where it would go, probing from <paramref name="slot"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Find<TKey>(TKey[] keys, int mask, int slot, TKey key)
        where TKey : unmanaged, IEquatable<TKey>
    {
        var i = slot & mask;
        while (true)
        {
            var k = keys[i];
            if (k.Equals(key) || k.Equals(default))
            {
                return i;
            }

            i = (i + 1) & mask;
        }
    }

    /// <summary>The value stored for <paramref name="key"/>, or 0 when it is absent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte Lookup<TKey>(TKey[] keys, byte[] values, int mask, int slot, TKey key)
        where TKey : unmanaged, IEquatable<TKey>
    {
        var i = Find(keys, mask, slot, key);
        return keys[i].Equals(key) ? values[i] : (byte)0;
    }
}

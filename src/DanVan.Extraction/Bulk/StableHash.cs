namespace DanVan.Extraction.Bulk;

/// <summary>Hashes whose values never change between processes, machines or runtimes (unlike <see cref="string.GetHashCode()"/>).</summary>
internal static class StableHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>FNV-1a 64 over the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static ulong Fnv1a64(string text)
    {
        var hash = Offset;
        Span<byte> buffer = stackalloc byte[4];
        foreach (var rune in text.EnumerateRunes())
        {
            var n = rune.EncodeToUtf8(buffer);
            for (var i = 0; i < n; i++)
            {
                hash = (hash ^ buffer[i]) * Prime;
            }
        }

        return hash;
    }

    /// <summary>A 64-bit finalizer (splitmix64) that spreads FNV's weak low bits before bits are counted.</summary>
    public static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xbf58476d1ce4e5b9UL;
        x ^= x >> 27;
        x *= 0x94d049bb133111ebUL;
        x ^= x >> 31;
        return x;
    }

    /// <summary>Lower-case hexadecimal.</summary>
    public static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
}

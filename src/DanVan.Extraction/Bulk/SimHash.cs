using System.Globalization;
using System.Numerics;
using System.Text;

namespace DanVan.Extraction.Bulk;

/// <summary>
/// 64-bit SimHash of an article text over word 3-shingles. The text is normalized first (NFC, lower case,
/// every run of non-letters and non-digits a single space) so chrome-free copies of one article that differ in
/// punctuation, spacing or case hash alike; close texts get hashes a few bits apart.
/// </summary>
internal static class SimHash
{
    private const int ShingleWords = 3;
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>The SimHash of <paramref name="text"/>; 0 for a text without words.</summary>
    public static ulong Compute(string text)
    {
        var normalized = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        Span<int> weights = stackalloc int[64];
        Span<ulong> window = stackalloc ulong[ShingleWords];
        var words = 0;
        var word = Offset;
        var inWord = false;
        foreach (var rune in normalized.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune) || (inWord && Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark))
            {
                word = (word ^ (uint)Rune.ToLowerInvariant(rune).Value) * Prime;
                inWord = true;
            }
            else if (inWord)
            {
                AddWord(word, window, ref words, weights);
                word = Offset;
                inWord = false;
            }
        }

        if (inWord)
        {
            AddWord(word, window, ref words, weights);
        }

        if (words is > 0 and < ShingleWords)
        {
            // A text shorter than one shingle is one shingle.
            AddShingle(window[..words], weights);
        }

        var result = 0UL;
        for (var bit = 0; bit < 64; bit++)
        {
            if (weights[bit] > 0)
            {
                result |= 1UL << bit;
            }
        }

        return result;
    }

    public static int Distance(ulong a, ulong b) => BitOperations.PopCount(a ^ b);

    private static void AddWord(ulong word, Span<ulong> window, ref int words, Span<int> weights)
    {
        window[..^1].CopyTo(window[1..]);
        window[0] = word;
        words++;
        if (words >= ShingleWords)
        {
            AddShingle(window, weights);
        }
    }

    private static void AddShingle(ReadOnlySpan<ulong> words, Span<int> weights)
    {
        var hash = 0UL;
        foreach (var w in words)
        {
            hash = StableHash.Mix(hash ^ w);
        }

        for (var bit = 0; bit < 64; bit++)
        {
            weights[bit] += (int)((hash >> bit) & 1) * 2 - 1;
        }
    }
}

/// <summary>
/// Finds an earlier SimHash within Hamming distance 3 without a linear scan: each hash is filed under its four
/// 16-bit bands; two hashes at most 3 bits apart agree on at least one band (pigeonhole), so only the entries of
/// four buckets are compared. Buckets are chains through flat arrays (a fixed 1 MiB of heads plus 32 bytes per
/// entry), so the index stays small at millions of records. Not thread-safe: the bulk writer is its only user.
/// </summary>
internal sealed class NearDuplicateIndex
{
    public const int MaxDistance = 3;
    private const int Bands = 4;
    private readonly int[][] _heads = new int[Bands][];
    private readonly int _distance;
    private ulong[] _hashes = new ulong[1024];
    private ulong[] _ids = new ulong[1024];
    private int[] _next = new int[1024 * Bands];
    private int _count;

    public NearDuplicateIndex(int distance)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(distance, MaxDistance);
        _distance = distance;
        for (var band = 0; band < Bands; band++)
        {
            _heads[band] = new int[1 << 16];
            Array.Fill(_heads[band], -1);
        }
    }

    public int Count => _count;

    /// <summary>The id of the earliest entry within the distance, or null.</summary>
    public ulong? Find(ulong hash)
    {
        if (_distance < 0)
        {
            return null;
        }

        var best = int.MaxValue;
        for (var band = 0; band < Bands; band++)
        {
            // Chains run from the newest entry to the oldest: the last match in a chain is the earliest.
            for (var i = _heads[band][Band(hash, band)]; i >= 0; i = _next[(i * Bands) + band])
            {
                if (i < best && SimHash.Distance(_hashes[i], hash) <= _distance)
                {
                    best = i;
                }
            }
        }

        return best == int.MaxValue ? null : _ids[best];
    }

    public void Add(ulong hash, ulong id)
    {
        if (_count == _hashes.Length)
        {
            Array.Resize(ref _hashes, _count * 2);
            Array.Resize(ref _ids, _count * 2);
            Array.Resize(ref _next, _count * 2 * Bands);
        }

        var index = _count++;
        _hashes[index] = hash;
        _ids[index] = id;
        for (var band = 0; band < Bands; band++)
        {
            var key = Band(hash, band);
            _next[(index * Bands) + band] = _heads[band][key];
            _heads[band][key] = index;
        }
    }

    private static int Band(ulong hash, int band) => (ushort)(hash >> (band * 16));
}

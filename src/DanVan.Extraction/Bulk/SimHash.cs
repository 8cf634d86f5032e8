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

    /// <summary>The SimHash of <paramref name="text"/>; 0 for a text without words.</summary>
    public static ulong Compute(string text)
    {
        var words = Words(text);
        if (words.Count == 0)
        {
            return 0;
        }

        Span<int> weights = stackalloc int[64];
        var shingles = Math.Max(1, words.Count - ShingleWords + 1);
        for (var i = 0; i < shingles; i++)
        {
            var hash = 14695981039346656037UL;
            for (var w = i; w < Math.Min(words.Count, i + ShingleWords); w++)
            {
                hash = StableHash.Fnv1a64(words[w], hash);
                hash = StableHash.Fnv1a64(" ", hash);
            }

            hash = StableHash.Mix(hash);
            for (var bit = 0; bit < 64; bit++)
            {
                weights[bit] += ((hash >> bit) & 1) != 0 ? 1 : -1;
            }
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

    /// <summary>The normalized words of the text.</summary>
    internal static List<string> Words(string text)
    {
        var normalized = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var rune in normalized.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                current.Append(Rune.ToLowerInvariant(rune).ToString());
            }
            else if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark && current.Length > 0)
            {
                current.Append(rune.ToString());
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
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

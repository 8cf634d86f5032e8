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
/// four buckets are compared. Not thread-safe: the bulk writer is its only user.
/// </summary>
internal sealed class NearDuplicateIndex
{
    public const int MaxDistance = 3;
    private const int Bands = 4;
    private readonly Dictionary<ushort, List<int>>[] _bands = [new(), new(), new(), new()];
    private readonly List<(ulong Hash, string RecordId)> _entries = [];
    private readonly int _distance;

    public NearDuplicateIndex(int distance)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(distance, MaxDistance);
        _distance = distance;
    }

    public int Count => _entries.Count;

    /// <summary>The record id of the first entry within the distance, or null.</summary>
    public string? Find(ulong hash)
    {
        if (_distance < 0)
        {
            return null;
        }

        string? best = null;
        var bestIndex = int.MaxValue;
        for (var band = 0; band < Bands; band++)
        {
            if (!_bands[band].TryGetValue(Band(hash, band), out var bucket))
            {
                continue;
            }

            foreach (var index in bucket)
            {
                if (index < bestIndex && SimHash.Distance(_entries[index].Hash, hash) <= _distance)
                {
                    bestIndex = index;
                    best = _entries[index].RecordId;
                    break;
                }
            }
        }

        return best;
    }

    public void Add(ulong hash, string recordId)
    {
        var index = _entries.Count;
        _entries.Add((hash, recordId));
        for (var band = 0; band < Bands; band++)
        {
            var key = Band(hash, band);
            if (!_bands[band].TryGetValue(key, out var bucket))
            {
                bucket = [];
                _bands[band][key] = bucket;
            }

            bucket.Add(index);
        }
    }

    private static ushort Band(ulong hash, int band) => (ushort)(hash >> (band * 16));
}

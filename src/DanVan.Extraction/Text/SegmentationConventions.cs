namespace DanVan.Extraction.Text;

/// <summary>
/// Brings the word-segmentation conventions of the training sources together before training, in two
/// passes. The UD treebank is the convention the segmenter is scored against, but it is small; pyvi's
/// data (an older cut of the same treebank) and RDRsegmenter's (VLSP conventions) join or split some
/// sequences differently ("người dân" is two words in the UD treebank, one in RDRsegmenter's data).
/// <list type="number">
/// <item>Towards the UD treebank: a span of words of another source whose syllables the UD training
/// split segments one way at least <see cref="UdMinEvidence"/> times out of <see cref="UdMinShare"/>
/// is re-segmented that way.</item>
/// <item>Towards the majority: a span that all the sources together segment one way at least
/// <see cref="MajorityMinEvidence"/> times out of <see cref="MajorityMinShare"/> is re-segmented that
/// way wherever it is segmented otherwise.</item>
/// </list>
/// A span is 2–<see cref="MaxSpan"/> syllables whose ends are word boundaries in the sentence at hand;
/// syllables are compared lowercased. Never reads the dev split: only the sentences it is given.
/// </summary>
internal static class SegmentationConventions
{
    /// <summary>Longest span, in syllables, whose segmentation is compared.</summary>
    public const int MaxSpan = 4;

    public const int UdMinEvidence = 2;
    public const double UdMinShare = 0.8;
    public const int MajorityMinEvidence = 3;
    public const double MajorityMinShare = 0.7;

    /// <summary>The convention a pass brings the sentences to.</summary>
    public enum Towards
    {
        /// <summary>The UD treebank's training sentences; the other sources are changed.</summary>
        UdTreebank,

        /// <summary>The most frequent segmentation over all the sources; every source may be changed.</summary>
        Majority,
    }

    /// <summary>
    /// Returns <paramref name="sentences"/> with spans re-segmented to the convention <paramref name="towards"/>;
    /// <paramref name="changed"/> counts the sentences that changed. Deterministic.
    /// </summary>
    public static List<SegmentedSentence> Harmonize(IReadOnlyList<SegmentedSentence> sentences, Towards towards, out int changed)
    {
        var ud = towards == Towards.UdTreebank;
        var minEvidence = ud ? UdMinEvidence : MajorityMinEvidence;
        var minShare = ud ? UdMinShare : MajorityMinShare;
        var patterns = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var s in sentences)
        {
            if (!ud || s.Source == SegmentedCorpus.SourceUd)
            {
                CountSpans(s, patterns);
            }
        }

        var dominant = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (span, counts) in patterns)
        {
            var total = 0;
            var best = string.Empty;
            var bestCount = 0;
            foreach (var (pattern, count) in counts)
            {
                total += count;
                if (count > bestCount || (count == bestCount && string.CompareOrdinal(pattern, best) < 0))
                {
                    best = pattern;
                    bestCount = count;
                }
            }

            if (total >= minEvidence && bestCount >= minShare * total)
            {
                dominant[span] = best;
            }
        }

        changed = 0;
        var result = new List<SegmentedSentence>(sentences.Count);
        foreach (var s in sentences)
        {
            if (ud && s.Source == SegmentedCorpus.SourceUd)
            {
                result.Add(s);
                continue;
            }

            var resegmented = Resegment(s, dominant);
            if (!ReferenceEquals(resegmented, s))
            {
                changed++;
            }

            result.Add(resegmented);
        }

        return result;
    }

    /// <summary>Every word-aligned span of 2–<see cref="MaxSpan"/> syllables: its lowercase syllables and its word lengths.</summary>
    private static void CountSpans(SegmentedSentence s, Dictionary<string, Dictionary<string, int>> patterns)
    {
        var words = s.Words;
        for (var start = 0; start < words.Length; start++)
        {
            var syllables = 0;
            for (var end = start; end < words.Length; end++)
            {
                syllables += words[end].Length;
                if (syllables > MaxSpan)
                {
                    break;
                }

                if (syllables < 2)
                {
                    continue;
                }

                var key = SpanKey(words, start, end);
                if (!patterns.TryGetValue(key, out var counts))
                {
                    counts = new Dictionary<string, int>(StringComparer.Ordinal);
                    patterns[key] = counts;
                }

                var pattern = PatternOf(words, start, end);
                counts[pattern] = counts.GetValueOrDefault(pattern) + 1;
            }
        }
    }

    /// <summary>Left to right, longest span first: a span whose dominant pattern differs from its own takes that pattern.</summary>
    private static SegmentedSentence Resegment(SegmentedSentence s, Dictionary<string, string> dominant)
    {
        var words = s.Words;
        List<string[]>? output = null;
        var w = 0;
        while (w < words.Length)
        {
            var replaced = false;

            // Longest span first, starting at word w and ending at a word boundary.
            var ends = new List<int>();
            var syllables = 0;
            for (var end = w; end < words.Length; end++)
            {
                syllables += words[end].Length;
                if (syllables > MaxSpan)
                {
                    break;
                }

                if (syllables >= 2)
                {
                    ends.Add(end);
                }
            }

            for (var k = ends.Count - 1; k >= 0 && !replaced; k--)
            {
                var end = ends[k];
                if (!dominant.TryGetValue(SpanKey(words, w, end), out var target) || target == PatternOf(words, w, end))
                {
                    continue;
                }

                output ??= [.. words.AsSpan(0, w).ToArray()];
                var flat = new List<string>();
                for (var j = w; j <= end; j++)
                {
                    flat.AddRange(words[j]);
                }

                var at = 0;
                foreach (var c in target)
                {
                    var length = c - '0';
                    output.Add([.. flat.GetRange(at, length)]);
                    at += length;
                }

                w = end + 1;
                replaced = true;
            }

            if (!replaced)
            {
                output?.Add(words[w]);
                w++;
            }
        }

        return output is null ? s : new SegmentedSentence([.. output], s.Source);
    }

    private static string SpanKey(string[][] words, int start, int end)
    {
        var parts = new List<string>();
        for (var j = start; j <= end; j++)
        {
            foreach (var syllable in words[j])
            {
                parts.Add(syllable.ToLowerInvariant());
            }
        }

        return string.Join(' ', parts);
    }

    private static string PatternOf(string[][] words, int start, int end)
    {
        var chars = new char[end - start + 1];
        for (var j = start; j <= end; j++)
        {
            chars[j - start] = (char)('0' + words[j].Length);
        }

        return new string(chars);
    }
}

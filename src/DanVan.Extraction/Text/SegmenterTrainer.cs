using System.Diagnostics;
using System.Globalization;
using DanVan.Extraction.Learning;

namespace DanVan.Extraction.Text;

/// <summary>Settings of a segmenter training run.</summary>
internal sealed record SegmenterTrainingOptions
{
    /// <summary>Seeds the fold assignment and the example order of every epoch.</summary>
    public int Seed { get; init; } = 13;

    public int Epochs { get; init; } = 10;

    /// <summary>log2 of the number of hashed weights.</summary>
    public int Bits { get; init; } = 18;

    /// <summary>Jackknife folds for the lexicon features.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>A syllable seen fewer times is left out of the vocabulary, so training sees unknown syllables too.</summary>
    public int MinSyllableCount { get; init; } = 2;

    /// <summary>
    /// Jackknife the pair and triple features too: in training, a syllable pair or triple that no other
    /// fold contains counts as unseen (its features are absent), as it would be at run time.
    /// </summary>
    public bool JackknifeNgrams { get; init; } = true;

    /// <summary>
    /// Models trained with different fold assignments and example orders, whose weights are averaged: the
    /// average is steadier across seeds and a little better than one model.
    /// </summary>
    public int Members { get; init; } = 6;

    /// <summary>Re-segment spans whose segmentation the sources disagree on (<see cref="SegmentationConventions"/>) before training.</summary>
    public bool HarmonizeConventions { get; init; } = true;
}

/// <summary>
/// Trains the segmenter's averaged perceptron (structured: updates where the Viterbi path differs
/// from the gold tags). Lexicon features of each training sentence come from a lexicon built from
/// the OTHER folds (jackknife), so the model learns how far a lexicon match can be trusted for words it
/// has not seen; so do the join statistics of token pairs. The saved model carries the full lexicon and
/// pair statistics for run time. Before training, the sources' segmentation conventions are brought
/// together (<see cref="SegmentationConventions"/>) and numbers are normalised
/// (<see cref="SegmentedCorpus.NormalizeNumbers"/>). Deterministic: the same
/// sentences, options and seed give the same bytes.
/// </summary>
internal static class SegmenterTrainer
{
    /// <summary>
    /// Trains on <paramref name="sentences"/>; <paramref name="wordList"/> is the hand-written general word
    /// list (one word a line) whose matches are features, read the same way at run time.
    /// </summary>
    public static byte[] Train(IReadOnlyList<SegmentedSentence> sentences, SegmenterTrainingOptions options, TextReader? wordList, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var data = new List<Example>(sentences.Count);
        if (options.HarmonizeConventions)
        {
            // First the other sources towards the UD treebank, then every source towards the majority.
            sentences = SegmentationConventions.Harmonize(sentences, SegmentationConventions.Towards.UdTreebank, out var towardsUd);
            sentences = SegmentationConventions.Harmonize(sentences, SegmentationConventions.Towards.Majority, out var towardsMajority);
            log?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"conventions: {towardsUd} sentences re-segmented like the UD treebank, {towardsMajority} like the majority"));
        }

        foreach (var s in sentences)
        {
            data.Add(Example.From(SegmentedCorpus.NormalizeNumbers(s)));
        }

        var vocabulary = BuildVocabulary(data, options.MinSyllableCount);

        // The word list's syllables join the vocabulary before any id is given out, as they do at run time.
        var words = wordList is null ? new NgramTable() : SegmenterModel.ReadWords(wordList, vocabulary, null);
        foreach (var e in data)
        {
            e.Ids = new uint[e.Tokens.Length];
            for (var i = 0; i < e.Tokens.Length; i++)
            {
                var t = e.Tokens[i];
                SegmenterFeatures.Describe(t.Slice(e.Text), t.Kind, vocabulary, out e.Ids[i], out _);
            }

            e.Entries = WordsOf(e);
        }

        // Members differ in their fold assignment and example order; their averaged weights are the model.
        var members = Math.Max(1, options.Members);
        var final = new float[(1 << options.Bits) + 4];
        for (var member = 0; member < members; member++)
        {
            var weights = TrainMember(data, vocabulary, words, options, member, log, clock);
            for (var k = 0; k < final.Length; k++)
            {
                final[k] += weights[k] / members;
            }
        }

        // Over all folds: the same whatever the fold assignment.
        var pairCounts = CountPairs(data, Math.Max(2, options.Folds));
        var lexicon = DistinctEntries(data);
        using var stream = new MemoryStream();
        var writer = new ModelWriter(stream);
        writer.WriteMagic(SegmenterModel.Magic, SegmenterModel.Version);
        writer.WriteVarint((uint)options.Bits);
        writer.WriteVarint(SegmenterFeatures.Count);
        writer.WriteVarint(SegmenterFeatures.MaxWordLength);
        writer.WriteVarint((uint)vocabulary.Count);
        var stats = SyllableStats(data, vocabulary.Count, -1);
        for (var id = 0; id < vocabulary.Count; id++)
        {
            writer.WriteString(vocabulary.KeyOf(id).ToString());
            writer.WriteVarint(stats[id]);
        }

        writer.WriteVarint((uint)lexicon.Count);
        foreach (var entry in lexicon)
        {
            writer.WriteVarint((uint)entry.Length);
            foreach (var id in entry)
            {
                writer.WriteVarint(id);
            }
        }

        var pairs = PairStats(pairCounts, -1);
        writer.WriteVarint((uint)pairs.Count);
        foreach (var (a, b, stat) in pairs)
        {
            writer.WriteVarint(a);
            writer.WriteVarint(b);
            writer.WriteVarint(stat);
        }

        writer.WriteQuantized(final);
        log?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{lexicon.Count} lexicon words; model {stream.Length} bytes; {clock.Elapsed.TotalSeconds:F1}s in all"));
        return stream.ToArray();
    }

    /// <summary>
    /// One member: assigns the folds and shuffles the examples with a seed of its own (the first member's is
    /// the options' seed), builds the jackknifed features and trains the averaged perceptron.
    /// </summary>
    private static float[] TrainMember(List<Example> data, SpanKeyTable vocabulary, NgramTable words, SegmenterTrainingOptions options, int member, TextWriter? log, Stopwatch clock)
    {
        var seed = unchecked(options.Seed + (member * 7919));
        var rng = new Random(seed);
        var order = new int[data.Count];
        for (var k = 0; k < order.Length; k++)
        {
            order[k] = k;
        }

        Shuffle(order, rng);
        var folds = Math.Max(2, options.Folds);
        for (var k = 0; k < order.Length; k++)
        {
            data[order[k]].Fold = k % folds;
        }

        var foldStats = new byte[folds][];
        for (var f = 0; f < folds; f++)
        {
            foldStats[f] = SyllableStats(data, vocabulary.Count, f);
        }

        var foldLexicons = new NgramTable[folds];
        for (var f = 0; f < folds; f++)
        {
            foldLexicons[f] = new NgramTable();
            foreach (var e in data)
            {
                if (e.Fold != f)
                {
                    foreach (var entry in e.Entries)
                    {
                        foldLexicons[f].AddEntry(entry);
                    }
                }
            }
        }

        // Join statistics of adjacent token pairs, jackknifed like the lexicon (stored in the same table).
        var pairCounts = CountPairs(data, folds);
        var foldPairs = new PairTable[folds];
        for (var f = 0; f < folds; f++)
        {
            foldPairs[f] = PairTableOf(PairStats(pairCounts, f));
        }

        // So that the model learns to back off to unigram, shape and lexicon features for compounds it has
        // never seen, pairs and triples are jackknifed like the lexicon.
        var foldNgrams = new HashSet<ulong>[folds];
        for (var f = 0; f < folds; f++)
        {
            foldNgrams[f] = [];
            foreach (var e in data)
            {
                if (e.Fold != f)
                {
                    AddNgrams(e.Ids, foldNgrams[f]);
                }
            }
        }

        var buffers = new SegmenterBuffers();
        foreach (var e in data)
        {
            var n = e.Tokens.Length;
            buffers.EnsureTokens(n);
            e.Tokens.CopyTo(buffers.Tokens, 0);
            buffers.Count = n;
            SegmenterFeatures.Prepare(e.Text, buffers, vocabulary, foldLexicons[e.Fold], words, foldPairs[e.Fold], foldStats[e.Fold], null);
            e.Features = new int[n * SegmenterFeatures.Count];
            for (var i = 0; i < n; i++)
            {
                SegmenterFeatures.Extract(buffers, i, options.Bits, e.Features, i * SegmenterFeatures.Count);
                var features = e.Features.AsSpan(i * SegmenterFeatures.Count, SegmenterFeatures.Count);
                if (options.JackknifeNgrams)
                {
                    DropUnseenNgrams(buffers.Ids, i + SegmenterBuffers.Pad, foldNgrams[e.Fold], features);
                }
            }

            e.Forced = buffers.Forced.AsSpan(0, n).ToArray();
        }

        log?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"member {member + 1}: {data.Count} sentences, {vocabulary.Count} syllables in the vocabulary, features ready in {clock.Elapsed.TotalSeconds:F1}s"));

        return TrainWeights(data, order, rng, options, log, clock);
    }

    /// <summary>
    /// The structured perceptron: decode each sentence with the current weights, and where the best path
    /// differs from the gold tags, move the emission weights of the wrong tokens and the transitions.
    /// Returns the averaged weights (hashed features, then the four transitions).
    /// </summary>
    private static float[] TrainWeights(List<Example> data, int[] order, Random rng, SegmenterTrainingOptions options, TextWriter? log, Stopwatch clock)
    {
        var size = 1 << options.Bits;
        var perceptron = new AveragedPerceptron(size + 4);
        var emission = new float[256];
        var back = new byte[256];
        var predicted = new byte[256];
        var transitions = new float[4];
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            Shuffle(order, rng);
            long errors = 0;
            long total = 0;
            foreach (var index in order)
            {
                var e = data[index];
                var n = e.Tokens.Length;
                if (emission.Length < n)
                {
                    emission = new float[n * 2];
                    back = new byte[n * 2];
                    predicted = new byte[n * 2];
                }

                for (var i = 0; i < n; i++)
                {
                    emission[i] = perceptron.Score(e.Features.AsSpan(i * SegmenterFeatures.Count, SegmenterFeatures.Count));
                }

                for (var k = 0; k < 4; k++)
                {
                    transitions[k] = perceptron.Weights[size + k];
                }

                SegmenterFeatures.Decode(emission, e.Forced, transitions, back, predicted, n);
                for (var i = 0; i < n; i++)
                {
                    var gold = e.Tags[i];
                    var guess = predicted[i];
                    if (gold != guess)
                    {
                        errors++;
                        perceptron.Update(e.Features.AsSpan(i * SegmenterFeatures.Count, SegmenterFeatures.Count), gold == SegmenterFeatures.TagB ? 1f : -1f);
                    }

                    if (i > 0 && (gold != guess || e.Tags[i - 1] != predicted[i - 1]))
                    {
                        perceptron.Update(size + (e.Tags[i - 1] * 2) + gold, 1f);
                        perceptron.Update(size + (predicted[i - 1] * 2) + guess, -1f);
                    }
                }

                total += n;
                perceptron.NextExample();
            }

            log?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"epoch {epoch}: {errors} tag errors in {total} tokens ({100.0 * errors / total:F2}%), {clock.Elapsed.TotalSeconds:F1}s"));
        }

        return perceptron.Averaged();
    }

    /// <summary>Per syllable id, how often it begins and continues words in every fold but <paramref name="heldOut"/> (−1: all).</summary>
    private static byte[] SyllableStats(List<Example> data, int vocabularySize, int heldOut)
    {
        var occurrences = new int[vocabularySize];
        var begins = new int[vocabularySize];
        var continues = new int[vocabularySize];
        foreach (var e in data)
        {
            if (e.Fold == heldOut)
            {
                continue;
            }

            for (var i = 0; i < e.Ids.Length; i++)
            {
                var id = e.Ids[i];
                if (id >= (uint)vocabularySize)
                {
                    continue;
                }

                occurrences[id]++;
                if (e.Tags[i] == SegmenterFeatures.TagI)
                {
                    continues[id]++;
                }
                else if (i + 1 < e.Tags.Length && e.Tags[i + 1] == SegmenterFeatures.TagI)
                {
                    begins[id]++;
                }
            }
        }

        var stats = new byte[vocabularySize];
        for (var id = 0; id < vocabularySize; id++)
        {
            stats[id] = SegmenterFeatures.StatsOf(occurrences[id], begins[id], continues[id]);
        }

        return stats;
    }

    private static SpanKeyTable BuildVocabulary(List<Example> data, int minCount)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in data)
        {
            foreach (var t in e.Tokens)
            {
                if (!SegmenterFeatures.HasVocabularyForm(t.Kind))
                {
                    continue;
                }

                var key = SyllableKey.Canonical(t.Slice(e.Text));
                if (key is not null)
                {
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                }
            }
        }

        var keys = new List<string>();
        foreach (var (key, count) in counts)
        {
            if (count >= minCount)
            {
                keys.Add(key);
            }
        }

        keys.Sort(StringComparer.Ordinal);
        var table = new SpanKeyTable();
        foreach (var key in keys)
        {
            table.Add(key, SegmenterFeatures.AttributeOf(key));
        }

        return table;
    }

    /// <summary>The multi-token gold words of a sentence as id sequences (words with an unknown token are left out).</summary>
    private static List<uint[]> WordsOf(Example e)
    {
        var result = new List<uint[]>();
        var n = e.Tokens.Length;
        var start = 0;
        for (var i = 1; i <= n; i++)
        {
            if (i < n && e.Tags[i] != SegmenterFeatures.TagB)
            {
                continue;
            }

            var length = i - start;
            if (length is >= 2 and <= SegmenterFeatures.MaxWordLength)
            {
                var ids = e.Ids.AsSpan(start, length);
                var known = true;
                foreach (var id in ids)
                {
                    if (id is >= SegmenterFeatures.UnknownId and < SegmenterFeatures.NumberId)
                    {
                        known = false;
                    }
                }

                if (known)
                {
                    result.Add(ids.ToArray());
                }
            }

            start = i;
        }

        return result;
    }

    private static List<uint[]> DistinctEntries(List<Example> data)
    {
        var all = new List<uint[]>();
        foreach (var e in data)
        {
            all.AddRange(e.Entries);
        }

        all.Sort(static (a, b) =>
        {
            var common = Math.Min(a.Length, b.Length);
            for (var k = 0; k < common; k++)
            {
                var c = a[k].CompareTo(b[k]);
                if (c != 0)
                {
                    return c;
                }
            }

            return a.Length.CompareTo(b.Length);
        });
        var distinct = new List<uint[]>();
        foreach (var entry in all)
        {
            if (distinct.Count == 0 || !distinct[^1].AsSpan().SequenceEqual(entry))
            {
                distinct.Add(entry);
            }
        }

        return distinct;
    }

    /// <summary>Per adjacent token pair (ids): how often it occurs and how often the second token continues the word, per fold.</summary>
    private static Dictionary<(uint A, uint B), int[]> CountPairs(List<Example> data, int folds)
    {
        var counts = new Dictionary<(uint A, uint B), int[]>();
        foreach (var e in data)
        {
            for (var i = 1; i < e.Ids.Length; i++)
            {
                var key = (e.Ids[i - 1], e.Ids[i]);
                if (!counts.TryGetValue(key, out var c))
                {
                    c = new int[2 * folds];
                    counts[key] = c;
                }

                c[2 * e.Fold]++;
                if (e.Tags[i] == SegmenterFeatures.TagI)
                {
                    c[(2 * e.Fold) + 1]++;
                }
            }
        }

        return counts;
    }

    /// <summary>The statistics of the pairs seen at least <see cref="MinPair"/> times in every fold but <paramref name="heldOut"/> (−1: all), in id order.</summary>
    private static List<(uint A, uint B, byte Stat)> PairStats(Dictionary<(uint A, uint B), int[]> counts, int heldOut)
    {
        var result = new List<(uint A, uint B, byte Stat)>();
        foreach (var (key, c) in counts)
        {
            int occurrences = 0, joined = 0;
            for (var f = 0; f < c.Length / 2; f++)
            {
                if (f != heldOut)
                {
                    occurrences += c[2 * f];
                    joined += c[(2 * f) + 1];
                }
            }

            if (occurrences >= MinPair)
            {
                result.Add((key.A, key.B, SegmenterFeatures.PairStatOf(occurrences, joined)));
            }
        }

        result.Sort(static (x, y) => x.A != y.A ? x.A.CompareTo(y.A) : x.B.CompareTo(y.B));
        return result;
    }

    private static PairTable PairTableOf(List<(uint A, uint B, byte Stat)> stats)
    {
        var table = new PairTable(stats.Count);
        foreach (var (a, b, stat) in stats)
        {
            table.Set(a, b, stat);
        }

        return table;
    }

    /// <summary>A pair seen fewer times gets no statistics (it counts as unseen): a smaller table, the same accuracy.</summary>
    private const int MinPair = 2;

    private static ulong PairKey(uint a, uint b) => NgramTable.Extend(NgramTable.Extend(NgramTable.Empty, a), b);

    private static ulong TripleKey(uint a, uint b, uint c) => NgramTable.Extend(PairKey(a, b), c);

    private static void AddNgrams(uint[] ids, HashSet<ulong> set)
    {
        for (var i = -2; i < ids.Length; i++)
        {
            uint At(int k) => k < 0 ? SegmenterFeatures.BeginId : k >= ids.Length ? SegmenterFeatures.EndId : ids[k];
            set.Add(PairKey(At(i), At(i + 1)));
            set.Add(TripleKey(At(i), At(i + 1), At(i + 2)));
        }
    }

    /// <summary>Marks absent (−1) the pair and triple features whose syllables no other fold has in that order.</summary>
    private static void DropUnseenNgrams(uint[] ids, int p, HashSet<ulong> seen, Span<int> features)
    {
        uint w0 = ids[p], wm1 = ids[p - 1], wm2 = ids[p - 2], wp1 = ids[p + 1], wp2 = ids[p + 2];
        Drop(features, 6, seen.Contains(PairKey(wm1, w0)));
        Drop(features, 7, seen.Contains(PairKey(w0, wp1)));
        Drop(features, 8, seen.Contains(PairKey(wm2, wm1)));
        Drop(features, 9, seen.Contains(PairKey(wp1, wp2)));
        Drop(features, 10, seen.Contains(TripleKey(wm1, w0, wp1)));
        Drop(features, 11, seen.Contains(TripleKey(wm2, wm1, w0)));

        static void Drop(Span<int> features, int template, bool keep)
        {
            if (!keep)
            {
                features[template] = -1;
            }
        }
    }

    private static void Shuffle(int[] order, Random rng)
    {
        for (var k = order.Length - 1; k > 0; k--)
        {
            var j = rng.Next(k + 1);
            (order[k], order[j]) = (order[j], order[k]);
        }
    }

    /// <summary>A training sentence as tokens with gold tags, and what training derives from it.</summary>
    private sealed class Example
    {
        public string Text = string.Empty;
        public Token[] Tokens = [];
        public byte[] Tags = [];
        public uint[] Ids = [];
        public List<uint[]> Entries = [];
        public int[] Features = [];
        public byte[] Forced = [];
        public int Fold;

        public static Example From(SegmentedSentence sentence)
        {
            var text = sentence.Text;
            var starts = new bool[text.Length + 1];
            foreach (var s in sentence.WordStarts)
            {
                starts[s] = true;
            }

            var tokens = SyllableTokenizer.ToList(text).ToArray();
            var tags = new byte[tokens.Length];
            for (var i = 0; i < tokens.Length; i++)
            {
                tags[i] = i == 0 || starts[tokens[i].Start] ? SegmenterFeatures.TagB : SegmenterFeatures.TagI;
            }

            return new Example { Text = text, Tokens = tokens, Tags = tags };
        }
    }
}

using System.Diagnostics;
using System.Globalization;
using DanVan.Extraction.Evaluation;
using DanVan.Extraction.Learning;
using DanVan.Extraction.Text;

namespace DanVan.Extraction.Recognition;

/// <summary>Settings of an entity tagger training run.</summary>
internal sealed record TaggerTrainingOptions
{
    /// <summary>Seeds the example order and the hiding of rule proposals in every epoch.</summary>
    public int Seed { get; init; } = 13;

    public int Epochs { get; init; } = 10;

    /// <summary>log2 of the number of hashed features.</summary>
    public int Bits { get; init; } = 16;

    /// <summary>Share of lines whose rule proposals are hidden altogether (the model must read the words).</summary>
    public double HideLines { get; init; } = 0.3;

    /// <summary>
    /// Share of the other lines' rule mentions erased (as if the rules had missed them), so that "the rules
    /// found nothing here" is not proof that there is nothing.
    /// </summary>
    public double EraseMentions { get; init; } = 0.3;
}

/// <summary>
/// Trains the entity tagger's averaged perceptron (structured: updates where the Viterbi path of a line
/// differs from the gold labels) on annotated corpus articles. The rules are near perfect on the articles
/// they were tuned on, so a model that always saw their proposals would only learn to copy them; each
/// epoch hides the proposals of some lines and erases some rule mentions (seeded), so the model also
/// learns the lexical cues of persons, organizations and titles. Deterministic: the same articles,
/// options and seed give the same bytes.
/// </summary>
internal static class EntityTaggerTrainer
{
    /// <summary>Gold entity types the tagger learns.</summary>
    private static readonly string[] GoldTypes = ["person", "org", "title"];

    /// <summary>
    /// Trains on <paramref name="articles"/> (the train split) and returns the model file.
    /// <paramref name="afterEpoch"/>, when given, sees each epoch's averaged model (to follow the dev score).
    /// </summary>
    public static byte[] Train(IReadOnlyList<CorpusArticle> articles, TaggerTrainingOptions options, TextWriter? log = null, Action<int, EntityTaggerModel>? afterEpoch = null)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var data = new List<Example>(articles.Count);
        var misaligned = 0;
        var skipped = 0;
        foreach (var article in articles)
        {
            data.Add(Prepare(article, options.Bits, ref misaligned, ref skipped));
        }

        var lines = new List<(int Example, int First, int Last)>();
        for (var e = 0; e < data.Count; e++)
        {
            var b = data[e].Buffers;
            var first = 0;
            for (var i = 1; i <= b.Count; i++)
            {
                if (i == b.Count || b.Line[i] != b.Line[first])
                {
                    // Lines skipped altogether (chrome, no capitals) are not tagged at run time either.
                    if (Array.IndexOf(b.Skip, false, first, i - first) >= 0)
                    {
                        lines.Add((e, first, i - 1));
                    }

                    first = i;
                }
            }
        }

        var tokens = 0;
        foreach (var e in data)
        {
            tokens += e.Buffers.Count;
        }

        log?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{data.Count} articles, {lines.Count} lines, {tokens} tokens ({misaligned} gold mentions not on token boundaries, {skipped} in chrome lines or sentences without capitals), features ready in {clock.Elapsed.TotalSeconds:F1}s"));

        var weights = TrainWeights(data, lines, options, log, clock, afterEpoch);
        var model = EntityTaggerModel.Write(options.Bits, weights);
        log?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"model {model.Length} bytes; {clock.Elapsed.TotalSeconds:F1}s in all"));
        return model;
    }

    private static float[] TrainWeights(List<Example> data, List<(int Example, int First, int Last)> lines, TaggerTrainingOptions options, TextWriter? log, Stopwatch clock, Action<int, EntityTaggerModel>? afterEpoch)
    {
        const int stride = EntityTagFeatures.Stride;
        const int count = EntityTagFeatures.Count;
        var size = (1 << options.Bits) * stride;
        var perceptron = new AveragedPerceptron(EntityTaggerModel.WeightCount(options.Bits));
        var rng = new Random(options.Seed);
        var order = new int[lines.Count];
        for (var k = 0; k < order.Length; k++)
        {
            order[k] = k;
        }

        var transitions = new float[(EntityTagFeatures.Labels + 1) * stride];
        var saved = new byte[256];
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            Shuffle(order, rng);
            long errors = 0;
            long total = 0;
            foreach (var index in order)
            {
                var (e, first, last) = lines[index];
                var example = data[e];
                var b = example.Buffers;
                var n = last - first + 1;
                if (saved.Length < n)
                {
                    saved = new byte[n * 2];
                }

                // Hide or erase rule proposals for this pass over the line, then restore them.
                b.Rules.AsSpan(first, n).CopyTo(saved);
                var changed = Perturb(b.Rules.AsSpan(first, n), rng, options);
                if (changed)
                {
                    for (var i = first; i <= last; i++)
                    {
                        EntityTagFeatures.ExtractRule(b, i, options.Bits, b.Features.AsSpan(i * count, count));
                    }
                }

                var weights = perceptron.Weights;
                for (var i = first; i <= last; i++)
                {
                    var scores = b.Emission.AsSpan(i * stride, stride);
                    if (b.Skip[i])
                    {
                        scores.Fill(-1e6f);
                        scores[EntityTagFeatures.O] = 0;
                    }
                    else
                    {
                        EntityTagFeatures.Score(b.Features.AsSpan(i * count, count), weights, scores);
                    }
                }

                weights.Slice(size, transitions.Length).CopyTo(transitions);
                EntityTagFeatures.Decode(b.Emission.AsSpan(first * stride), transitions, b.Back.AsSpan(first * stride), b.Labels.AsSpan(first, n));
                var gold = example.Gold;
                var predicted = b.Labels;
                for (var i = first; i <= last; i++)
                {
                    var g = gold[i];
                    var p = predicted[i];
                    if (g != p && !b.Skip[i])
                    {
                        errors++;
                        foreach (var f in b.Features.AsSpan(i * count, count))
                        {
                            if (f >= 0)
                            {
                                perceptron.Update((f * stride) + g, 1f);
                                perceptron.Update((f * stride) + p, -1f);
                            }
                        }
                    }

                    var gPrev = i == first ? EntityTagFeatures.Labels : gold[i - 1];
                    var pPrev = i == first ? EntityTagFeatures.Labels : predicted[i - 1];
                    if (g != p || gPrev != pPrev)
                    {
                        perceptron.Update(size + (gPrev * stride) + g, 1f);
                        perceptron.Update(size + (pPrev * stride) + p, -1f);
                    }
                }

                if (changed)
                {
                    saved.AsSpan(0, n).CopyTo(b.Rules.AsSpan(first, n));
                    for (var i = first; i <= last; i++)
                    {
                        EntityTagFeatures.ExtractRule(b, i, options.Bits, b.Features.AsSpan(i * count, count));
                    }
                }

                total += n;
                perceptron.NextExample();
            }

            log?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"epoch {epoch}: {errors} label errors in {total} tokens ({100.0 * errors / total:F2}%), {clock.Elapsed.TotalSeconds:F1}s"));
            if (afterEpoch is not null && epoch < options.Epochs)
            {
                afterEpoch(epoch, new EntityTaggerModel(options.Bits, perceptron.Averaged()));
            }
        }

        var final = perceptron.Averaged();
        afterEpoch?.Invoke(options.Epochs, new EntityTaggerModel(options.Bits, final));
        return final;
    }

    /// <summary>Hides the whole line's proposals, or erases some of its person, organization and title mentions; true when anything changed.</summary>
    private static bool Perturb(Span<byte> rules, Random rng, TaggerTrainingOptions options)
    {
        // Two draws per line whatever happens, so the random sequence does not depend on the line's content.
        var hide = rng.NextDouble() < options.HideLines;
        var seed = rng.Next();
        if (hide)
        {
            rules.Fill(EntityTagFeatures.RuleHidden);
            return true;
        }

        var changed = false;
        var local = new Random(seed);
        for (var i = 0; i < rules.Length; i++)
        {
            if (!EntityTagFeatures.IsBegin(rules[i]) || local.NextDouble() >= options.EraseMentions)
            {
                continue;
            }

            var begin = rules[i];
            rules[i] = EntityTagFeatures.O;
            for (var k = i + 1; k < rules.Length && rules[k] == begin + 1; k++)
            {
                rules[k] = EntityTagFeatures.O;
            }

            changed = true;
        }

        return changed;
    }

    /// <summary>Tokens, rule proposals, gold labels and features of one article.</summary>
    private static Example Prepare(CorpusArticle article, int bits, ref int misaligned, ref int skipped)
    {
        var normalized = TextNormalizer.Default.Normalize(article.Text);
        var view = new TokenView(normalized.Text, article.Published);
        var found = EntityRecognizer.RulesOnly.Recognize(view, CancellationToken.None);
        var b = new EntityTagBuffers();
        EntityTagFeatures.Prepare(view, b);
        EntityTagFeatures.RuleTags(view, found, b.Rules.AsSpan(0, view.Count));
        b.Features = new int[view.Count * EntityTagFeatures.Count];
        b.EnsureScores(view.Count);
        for (var i = 0; i < view.Count; i++)
        {
            EntityTagFeatures.Extract(b, i, bits, b.Features.AsSpan(i * EntityTagFeatures.Count, EntityTagFeatures.Count));
        }

        // Gold spans are offsets into the article's text; tokens are mapped back to it.
        var starts = new int[view.Count];
        var ends = new int[view.Count];
        for (var i = 0; i < view.Count; i++)
        {
            var original = normalized.ToOriginal(view.Cover(i, i));
            starts[i] = original.Start;
            ends[i] = original.End;
        }

        var gold = new byte[view.Count];
        foreach (var entity in article.Entities)
        {
            var type = Array.IndexOf(GoldTypes, entity.Type);
            if (type < 0)
            {
                continue;
            }

            var begin = type switch
            {
                0 => EntityTagFeatures.BPerson,
                1 => EntityTagFeatures.BOrganization,
                _ => EntityTagFeatures.BTitle,
            };
            var first = -1;
            var last = -1;
            for (var i = 0; i < view.Count; i++)
            {
                if (starts[i] >= entity.Span.Start && ends[i] <= entity.Span.End)
                {
                    if (first < 0)
                    {
                        first = i;
                    }

                    last = i;
                }
            }

            if (first < 0 || starts[first] != entity.Span.Start || ends[last] != entity.Span.End)
            {
                misaligned++;
                if (first < 0)
                {
                    continue;
                }
            }

            for (var i = first; i <= last; i++)
            {
                gold[i] = i == first ? begin : (byte)(begin + 1);
            }

            if (b.Skip[first])
            {
                skipped++;
            }
        }

        return new Example(b, gold);
    }

    private static void Shuffle(int[] order, Random rng)
    {
        for (var k = order.Length - 1; k > 0; k--)
        {
            var j = rng.Next(k + 1);
            (order[k], order[j]) = (order[j], order[k]);
        }
    }

    private sealed record Example(EntityTagBuffers Buffers, byte[] Gold);
}

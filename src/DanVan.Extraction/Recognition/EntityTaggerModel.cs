using DanVan.Extraction.Learning;
using DanVan.Extraction.Text;

namespace DanVan.Extraction.Recognition;

/// <summary>
/// The trained entity tagger: an averaged perceptron over hashed features (<see cref="EntityTagFeatures"/>)
/// with BIO labels for persons, organizations and titles and Viterbi over the label transitions, decoded
/// one line at a time. Besides the words, shapes and lexicons around each token it reads the rule
/// recognizers' own proposals. Immutable after loading; <see cref="Tag(TokenView, IReadOnlyList{EntityMention}, Span{byte})"/>
/// is safe from many threads (scratch is per thread).
/// </summary>
internal sealed class EntityTaggerModel : ISequenceTagger
{
    public const string Magic = "DVNER";
    public const int Version = 1;

    private static readonly Lazy<EntityTaggerModel> EmbeddedLazy = new(() =>
    {
        using var stream = ModelCatalog.Open(ModelCatalog.TaggerModel);
        return Read(stream);
    });

    [ThreadStatic]
    private static EntityTagBuffers? t_buffers;

    private readonly float[] _weights;
    private readonly float[] _transitions;

    /// <param name="bits">log2 of the number of hashed features.</param>
    /// <param name="weights">(2^bits) × <see cref="EntityTagFeatures.Stride"/> emission weights, then (labels + 1) × stride transitions (the last row: from the start).</param>
    public EntityTaggerModel(int bits, float[] weights)
    {
        var size = (1 << bits) * EntityTagFeatures.Stride;
        if (weights.Length != size + ((EntityTagFeatures.Labels + 1) * EntityTagFeatures.Stride))
        {
            throw new ArgumentException("Weight array has the wrong size.", nameof(weights));
        }

        Bits = bits;
        _weights = weights;
        _transitions = weights.AsSpan(size).ToArray();
    }

    /// <summary>The model embedded in the library (models/tagger/tagger.bin), loaded once.</summary>
    public static EntityTaggerModel Embedded => EmbeddedLazy.Value;

    public int Bits { get; }

    /// <summary>The weights as loaded (emissions, then transitions), for writing the model back.</summary>
    public ReadOnlySpan<float> Weights => _weights;

    /// <inheritdoc />
    public int LabelCount => EntityTagFeatures.Labels;

    /// <summary>Size of the weight array for <paramref name="bits"/> hashed bits.</summary>
    public static int WeightCount(int bits) => ((1 << bits) * EntityTagFeatures.Stride) + ((EntityTagFeatures.Labels + 1) * EntityTagFeatures.Stride);

    /// <summary>The model file: magic, version, bits, template and label counts, quantized weights.</summary>
    public static byte[] Write(int bits, ReadOnlySpan<float> weights)
    {
        using var stream = new MemoryStream();
        var writer = new ModelWriter(stream);
        writer.WriteMagic(Magic, Version);
        writer.WriteVarint((uint)bits);
        writer.WriteVarint(EntityTagFeatures.Count);
        writer.WriteVarint(EntityTagFeatures.Labels);
        writer.WriteQuantized(weights);
        return stream.ToArray();
    }

    /// <summary>Reads a model written by <see cref="Write"/>; throws <see cref="InvalidDataException"/> on a damaged or mismatched file.</summary>
    public static EntityTaggerModel Read(Stream stream)
    {
        var reader = new ModelReader(stream);
        reader.ReadMagic(Magic, Version);
        var bits = (int)reader.ReadVarint();
        var templates = (int)reader.ReadVarint();
        var labels = (int)reader.ReadVarint();
        if (bits is < 8 or > 24 || templates != EntityTagFeatures.Count || labels != EntityTagFeatures.Labels)
        {
            throw new InvalidDataException("Entity tagger model does not match this library's feature set.");
        }

        var quantized = reader.ReadQuantized(out var scale);
        if (quantized.Length != WeightCount(bits))
        {
            throw new InvalidDataException("Entity tagger weight array has the wrong size.");
        }

        var weights = new float[quantized.Length];
        for (var k = 0; k < weights.Length; k++)
        {
            weights[k] = quantized[k] * scale;
        }

        return new EntityTaggerModel(bits, weights);
    }

    /// <summary>
    /// One label per token of <paramref name="view"/> into <paramref name="labels"/>, with the rule mentions
    /// <paramref name="found"/> (spans in the view's text) as proposals.
    /// </summary>
    public void Tag(TokenView view, IReadOnlyList<EntityMention> found, Span<byte> labels)
    {
        if (labels.Length != view.Count)
        {
            throw new ArgumentException("One label per token is needed.", nameof(labels));
        }

        var b = t_buffers ?? new EntityTagBuffers();
        t_buffers = null;
        EntityTagFeatures.Prepare(view, b);
        EntityTagFeatures.RuleTags(view, found, b.Rules.AsSpan(0, view.Count));
        Run(b);
        b.Labels.AsSpan(0, view.Count).CopyTo(labels);
        if (!b.IsOversized)
        {
            t_buffers = b;
        }
    }

    /// <inheritdoc />
    /// <remarks>Without rule proposals (as if the rules had found nothing), the text read as one page.</remarks>
    public void Tag(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, Span<byte> labels)
    {
        var view = new TokenView(text.ToString(), null);
        if (view.Count != tokens.Length)
        {
            throw new ArgumentException("The tokens are not the text's syllable tokens.", nameof(tokens));
        }

        Tag(view, [], labels);
    }

    /// <summary>
    /// Scores and decodes the prepared tokens of <paramref name="b"/> one line at a time into
    /// <see cref="EntityTagBuffers.Labels"/>, with each span's margin in <see cref="EntityTagBuffers.Margin"/>.
    /// </summary>
    public void Run(EntityTagBuffers b, CancellationToken cancellationToken = default)
    {
        const int stride = EntityTagFeatures.Stride;
        var n = b.Count;
        var bits = Bits;
        Span<int> features = stackalloc int[EntityTagFeatures.Count];
        var weights = _weights.AsSpan();
        var first = 0;
        for (var end = 1; end <= n; end++)
        {
            if (end < n && b.Line[end] == b.Line[first])
            {
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var count = end - first;
            var labels = b.Labels.AsSpan(first, count);
            var live = false;
            for (var i = first; i < end && !live; i++)
            {
                live = !b.Skip[i];
            }

            if (!live)
            {
                labels.Clear();
                first = end;
                continue;
            }

            b.EnsureScores(count);
            var emission = b.Emission.AsSpan(0, count * stride);
            for (var i = first; i < end; i++)
            {
                var scores = emission.Slice((i - first) * stride, stride);
                if (b.Skip[i])
                {
                    // Decoded as O: every other label is far below.
                    scores.Fill(-1e6f);
                    scores[EntityTagFeatures.O] = 0;
                    continue;
                }

                EntityTagFeatures.Extract(b, i, bits, features);
                EntityTagFeatures.Score(features, weights, scores);
            }

            EntityTagFeatures.Decode(emission, _transitions, b.Back, labels);
            for (var k = 0; k < count; k++)
            {
                if (!EntityTagFeatures.IsBegin(labels[k]))
                {
                    continue;
                }

                var last = k;
                while (last + 1 < count && labels[last + 1] == labels[k] + 1)
                {
                    last++;
                }

                b.Margin[first + k] = EntityTagFeatures.SpanMargin(emission, _transitions, labels, k, last);
                k = last;
            }

            first = end;
        }
    }
}

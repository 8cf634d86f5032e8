using DanVan.Extraction.Learning;

namespace DanVan.Extraction.Text;

/// <summary>
/// The trained word segmenter: syllable vocabulary, lexicon of multi-syllable words, hashed
/// averaged-perceptron weights (one per feature: the B score minus the I score) and the 2×2 tag
/// transitions, plus the hand-written general word list (a feature, like the lexicon) and the
/// optional hand-written domain lexicon whose words are always kept whole.
/// Immutable after loading; <see cref="Tag"/> is safe from many threads (scratch is per thread).
/// </summary>
internal sealed class SegmenterModel : ISequenceTagger
{
    public const string Magic = "DVSEG";
    public const int Version = 5;

    [ThreadStatic]
    private static SegmenterBuffers? t_buffers;

    private readonly short[] _weights;
    private readonly float[] _transitions;

    public SegmenterModel(SpanKeyTable vocabulary, NgramTable lexicon, NgramTable wordList, PairTable pairs, byte[] syllableStats, NgramTable domain, int bits, short[] weights)
    {
        WordList = wordList;
        Pairs = pairs;
        SyllableStats = syllableStats;
        Vocabulary = vocabulary;
        Lexicon = lexicon;
        Domain = domain;
        Bits = bits;
        _weights = weights;
        var size = 1 << bits;
        _transitions = [weights[size], weights[size + 1], weights[size + 2], weights[size + 3]];
    }

    public SpanKeyTable Vocabulary { get; }

    public NgramTable Lexicon { get; }

    /// <summary>The hand-written general word list (<c>models/segmenter/word-list.txt</c>).</summary>
    public NgramTable WordList { get; }

    /// <summary>Join statistics of the adjacent token pairs seen in training (<see cref="SegmenterFeatures.PairStatOf"/>).</summary>
    public PairTable Pairs { get; }

    /// <summary>Per vocabulary id: how often the syllable begins and continues words (<see cref="SegmenterFeatures.StatsOf"/>).</summary>
    public byte[] SyllableStats { get; }

    public NgramTable Domain { get; }

    public int Bits { get; }

    /// <inheritdoc />
    public int LabelCount => 2;

    /// <summary>
    /// Reads a model written by <see cref="SegmenterTrainer"/>, the general word list it was trained with
    /// and a domain lexicon (both one word a line, '#' comments).
    /// </summary>
    public static SegmenterModel Read(Stream model, TextReader? wordList, TextReader? domainLexicon)
    {
        var reader = new ModelReader(model);
        reader.ReadMagic(Magic, Version);
        var bits = (int)reader.ReadVarint();
        var templates = (int)reader.ReadVarint();
        var maxWord = (int)reader.ReadVarint();
        if (bits is < 8 or > 26 || templates != SegmenterFeatures.Count || maxWord != SegmenterFeatures.MaxWordLength)
        {
            throw new InvalidDataException("Segmenter model does not match this library's feature set.");
        }

        var vocabulary = new SpanKeyTable();
        var words = (int)reader.ReadVarint();
        var stats = new byte[words];
        for (var k = 0; k < words; k++)
        {
            var key = reader.ReadString();
            vocabulary.Add(key, SegmenterFeatures.AttributeOf(key));
            stats[k] = (byte)reader.ReadVarint();
        }

        var lexicon = new NgramTable();
        var entries = (int)reader.ReadVarint();
        Span<uint> ids = stackalloc uint[SegmenterFeatures.MaxWordLength];
        for (var k = 0; k < entries; k++)
        {
            var length = (int)reader.ReadVarint();
            if (length is < 2 or > SegmenterFeatures.MaxWordLength)
            {
                throw new InvalidDataException("Bad lexicon entry in segmenter model.");
            }

            for (var j = 0; j < length; j++)
            {
                ids[j] = reader.ReadVarint();
            }

            lexicon.AddEntry(ids[..length]);
        }

        var pairCount = (int)reader.ReadVarint();
        if (pairCount > 1 << 24)
        {
            throw new InvalidDataException("Too many pair statistics in segmenter model.");
        }

        var pairs = new PairTable(pairCount);
        for (var k = 0; k < pairCount; k++)
        {
            var a = reader.ReadVarint();
            var b = reader.ReadVarint();
            var stat = reader.ReadVarint();
            if (stat is 0 or >= SegmenterFeatures.EdgePair)
            {
                throw new InvalidDataException("Bad pair statistic in segmenter model.");
            }

            pairs.Set(a, b, (byte)stat);
        }

        var weights = reader.ReadQuantized(out _);
        if (weights.Length != (1 << bits) + 4)
        {
            throw new InvalidDataException("Segmenter weight array has the wrong size.");
        }

        // Without a domain lexicon the run-time constraints still apply (they hang on a non-null table).
        var listed = wordList is null ? new NgramTable() : ReadWords(wordList, vocabulary, null);
        var domain = domainLexicon is null ? new NgramTable() : ReadWords(domainLexicon, vocabulary, lexicon);

        return new SegmenterModel(vocabulary, lexicon, listed, pairs, stats, domain, bits, weights);
    }

    /// <summary>Reads a model with the embedded general word list and domain lexicon.</summary>
    public static SegmenterModel ReadWithEmbeddedLists(Stream model)
    {
        using var words = new StreamReader(ModelCatalog.Open(ModelCatalog.SegmenterWordList), System.Text.Encoding.UTF8);
        using var domain = new StreamReader(ModelCatalog.Open(ModelCatalog.SegmenterDomainLexicon), System.Text.Encoding.UTF8);
        return Read(model, words, domain);
    }

    /// <summary>
    /// Reads a word list (one word a line, '#' comments) into a table of vocabulary ids. Words are
    /// tokenized like any text; a syllable the vocabulary lacks is added (its features then carry no
    /// weight, but the word can still be matched). Each word also joins <paramref name="alsoInto"/>.
    /// </summary>
    public static NgramTable ReadWords(TextReader reader, SpanKeyTable vocabulary, NgramTable? alsoInto)
    {
        var table = new NgramTable();
        Span<uint> ids = stackalloc uint[SegmenterFeatures.MaxWordLength];
        while (reader.ReadLine() is { } line)
        {
            var entry = line.AsSpan().Trim();
            if (entry.IsEmpty || entry[0] == '#')
            {
                continue;
            }

            var count = 0;
            var valid = true;
            foreach (var token in SyllableTokenizer.Tokenize(entry))
            {
                if (count == ids.Length || !SegmenterFeatures.HasVocabularyForm(token.Kind))
                {
                    valid = false;
                    break;
                }

                var id = SyllableKey.Find(vocabulary, token.Slice(entry));
                if (id < 0)
                {
                    var canonical = SyllableKey.Canonical(token.Slice(entry));
                    if (canonical is null)
                    {
                        valid = false;
                        break;
                    }

                    id = vocabulary.Add(canonical, SegmenterFeatures.AttributeOf(canonical));
                }

                ids[count++] = (uint)id;
            }

            if (valid && count >= 2)
            {
                table.AddEntry(ids[..count]);
                alsoInto?.AddEntry(ids[..count]);
            }
        }

        return table;
    }

    /// <inheritdoc />
    public void Tag(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, Span<byte> labels)
    {
        if (labels.Length != tokens.Length)
        {
            throw new ArgumentException("One label per token is needed.", nameof(labels));
        }

        var b = RentBuffers();
        b.EnsureTokens(tokens.Length);
        tokens.CopyTo(b.Tokens);
        b.Count = tokens.Length;
        Run(text, b);
        b.Tags.AsSpan(0, tokens.Length).CopyTo(labels);
        ReturnBuffers(b);
    }

    /// <summary>Tags the <see cref="SegmenterBuffers.Count"/> tokens already in <paramref name="b"/>.</summary>
    public void Run(ReadOnlySpan<char> text, SegmenterBuffers b)
    {
        var n = b.Count;
        if (n == 0)
        {
            return;
        }

        SegmenterFeatures.Prepare(text, b, Vocabulary, Lexicon, WordList, Pairs, SyllableStats, Domain);
        var weights = _weights;
        var bits = Bits;
        var emission = b.Emission;
        for (var i = 0; i < n; i++)
        {
            emission[i] = SegmenterFeatures.Score(b, i, bits, weights);
        }

        SegmenterFeatures.Decode(emission, b.Forced, _transitions, b.Back, b.Tags, n);
    }

    public static SegmenterBuffers RentBuffers()
    {
        var b = t_buffers ?? new SegmenterBuffers();
        t_buffers = null;
        return b;
    }

    public static void ReturnBuffers(SegmenterBuffers b)
    {
        if (!b.IsOversized)
        {
            t_buffers = b;
        }
    }
}

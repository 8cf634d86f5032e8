namespace DanVan.Extraction.Text;

/// <summary>A stage that groups the syllables of a text into words.</summary>
public interface IWordSegmenter
{
    /// <summary>
    /// Appends the words of <paramref name="text"/> to <paramref name="words"/> in text order. A word is
    /// the span from the start of its first token to the end of its last (offsets into
    /// <paramref name="text"/>); words never overlap and never span a line break. Never throws for any
    /// text content.
    /// </summary>
    void Segment(ReadOnlySpan<char> text, List<TextSpan> words, CancellationToken cancellationToken = default);
}

/// <summary>
/// Vietnamese word segmentation: groups syllables into words ("công tác", "Ban Dân vận", "Thị ủy").
/// The tokens are those of <see cref="SyllableTokenizer"/>; each begins a word or continues the one
/// before, as decided by an averaged-perceptron tagger with lexicon features and Viterbi decoding,
/// trained on word-segmented Vietnamese treebank text. Words of the embedded domain lexicon
/// (administrative names such as "Mặt trận Tổ quốc") are always kept whole. Syllables are matched on
/// their lowercase, NFC, new-style tone mark form, so "Thị uỷ" and "Thị ủy" segment alike.
/// </summary>
/// <remarks>
/// Immutable and thread-safe: share one instance (for instance <see cref="Default"/>). Segmenting
/// allocates nothing once the per-thread scratch arrays and the caller's list are large enough.
/// Punctuation, numbers and dates are tokens of their own and normally words of their own; a number
/// followed by a scale word ("10 triệu", "1,5 tỷ") is one word, as in the Vietnamese treebank.
/// </remarks>
public sealed class WordSegmenter : IWordSegmenter
{
    private static readonly Lazy<WordSegmenter> LazyDefault = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly SegmenterModel _model;

    internal WordSegmenter(SegmenterModel model)
    {
        _model = model;
    }

    /// <summary>The segmenter with the model embedded in this library, loaded once on first use.</summary>
    public static WordSegmenter Default => LazyDefault.Value;

    internal SegmenterModel Model => _model;

    /// <summary>Segments <paramref name="text"/> into a new list of word spans (offsets into <paramref name="text"/>).</summary>
    public IReadOnlyList<TextSpan> Segment(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<TextSpan>();
        Segment(text.AsSpan(), words);
        return words;
    }

    /// <inheritdoc />
    public void Segment(ReadOnlySpan<char> text, List<TextSpan> words, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(words);
        var b = SegmenterModel.RentBuffers();
        try
        {
            var n = 0;
            foreach (var token in SyllableTokenizer.Tokenize(text))
            {
                if ((n & 0xFFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                if (n == b.Tokens.Length)
                {
                    b.EnsureTokens(n + 1);
                }

                b.Tokens[n++] = token;
            }

            b.Count = n;
            _model.Run(text, b);
            var tags = b.Tags;
            var tokens = b.Tokens;
            var start = 0;
            for (var i = 1; i <= n; i++)
            {
                if (i == n || tags[i] == SegmenterFeatures.TagB)
                {
                    words.Add(TextSpan.FromBounds(tokens[start].Start, tokens[i - 1].End));
                    start = i;
                }
            }
        }
        finally
        {
            SegmenterModel.ReturnBuffers(b);
        }
    }

    /// <summary>
    /// Writes <paramref name="text"/> in the VnCoreNLP convention: words separated by one space, the
    /// tokens of a word joined by '_' ("Ban_Dân_vận Thị_ủy"). Line breaks are kept; other whitespace
    /// between words becomes one space.
    /// </summary>
    public void WriteSegmented(ReadOnlySpan<char> text, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var words = new List<TextSpan>();
        Segment(text, words);
        var previousEnd = 0;
        for (var w = 0; w < words.Count; w++)
        {
            var word = words[w];
            if (w > 0)
            {
                var gap = text[previousEnd..word.Start];
                var lineBreaks = 0;
                for (var k = 0; k < gap.Length; k++)
                {
                    // "\r\n" is one line break.
                    if (CharClass.Of(gap[k]) == CharKind.LineBreak && !(gap[k] == '\r' && k + 1 < gap.Length && gap[k + 1] == '\n'))
                    {
                        lineBreaks++;
                    }
                }

                if (lineBreaks == 0)
                {
                    output.Write(' ');
                }
                else
                {
                    for (var k = 0; k < lineBreaks; k++)
                    {
                        output.Write('\n');
                    }
                }
            }

            WriteJoined(text.Slice(word.Start, word.Length), output);
            previousEnd = word.End;
        }
    }

    private static void WriteJoined(ReadOnlySpan<char> word, TextWriter output)
    {
        var k = 0;
        while (k < word.Length)
        {
            if (CharClass.IsSpaceLike(word[k]))
            {
                while (k < word.Length && CharClass.IsSpaceLike(word[k]))
                {
                    k++;
                }

                output.Write('_');
                continue;
            }

            var run = k;
            while (k < word.Length && !CharClass.IsSpaceLike(word[k]))
            {
                k++;
            }

            output.Write(word[run..k]);
        }
    }

    private static WordSegmenter LoadDefault()
    {
        using var model = ModelCatalog.Open(ModelCatalog.SegmenterModel);
        return new WordSegmenter(SegmenterModel.ReadWithEmbeddedLists(model));
    }
}

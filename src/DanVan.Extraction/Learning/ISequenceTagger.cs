using DanVan.Extraction.Text;

namespace DanVan.Extraction.Learning;

/// <summary>
/// A learned tagger over the tokens of one text: one label per token, chosen jointly for the sequence.
/// The word segmenter is one (labels <c>B</c>/<c>I</c>); the entity tagger (<c>Recognition.EntityTaggerModel</c>,
/// BIO labels for persons, organizations and titles) is another, which also reads the rule recognizers' mentions.
/// Implementations are immutable and safe to call from many threads at once.
/// </summary>
internal interface ISequenceTagger
{
    /// <summary>Number of distinct labels; a label is a byte below this.</summary>
    int LabelCount { get; }

    /// <summary>
    /// Writes one label per token of <paramref name="tokens"/> (read from <paramref name="text"/>) into
    /// <paramref name="labels"/>, which has the same length as <paramref name="tokens"/>.
    /// </summary>
    void Tag(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, Span<byte> labels);
}

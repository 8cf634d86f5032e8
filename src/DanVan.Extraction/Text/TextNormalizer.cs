using System.Buffers;
using System.Text;

namespace DanVan.Extraction.Text;

/// <summary>How <see cref="TextNormalizer"/> rewrites text.</summary>
public sealed record NormalizationOptions
{
    /// <summary>The default options: new-style tone marks, punctuation folded, legacy encodings repaired.</summary>
    public static NormalizationOptions Default { get; } = new();

    /// <summary>Where tone marks go; <see cref="ToneMarkStyle.New"/> ("hòa", "thủy") by default.</summary>
    public ToneMarkStyle ToneMarks { get; init; } = ToneMarkStyle.New;

    /// <summary>
    /// Fold curly quotes, guillemets and apostrophes to <c>"</c> and <c>'</c>, and dashes (en, em, minus…) to <c>-</c>,
    /// so that later stages match one form. True by default; offsets still point at the original characters.
    /// </summary>
    public bool FoldQuotesAndDashes { get; init; } = true;

    /// <summary>
    /// Detect text written in a legacy Vietnamese encoding (TCVN3, VNI-Windows, or the windows-1258 code page)
    /// and read through a Western code page ("Héi nghÞ", "Hoäi nghò", "Hôòi nghiò" for "Hội nghị"), and convert
    /// it to Unicode before normalizing;
    /// <see cref="NormalizedText.SourceEncoding"/> says which encoding was found. Detection weighs whole words,
    /// so French or English Latin-1 text and Unicode Vietnamese are left as they are. Offsets still point at the
    /// original legacy characters (a VNI letter maps to its base letter and mark). True by default.
    /// </summary>
    public bool RepairLegacyEncodings { get; init; } = true;
}

/// <summary>A stage that turns raw text into the normalized form later stages work on.</summary>
public interface ITextNormalizer
{
    /// <summary>Normalizes <paramref name="text"/>; never throws for any string content.</summary>
    NormalizedText Normalize(string text, CancellationToken cancellationToken = default);
}

/// <summary>
/// Vietnamese text normalization: Unicode NFC; one tone-mark placement (misplaced marks such as "qúy"
/// repaired); "Ð" (U+00D0) → "Đ"; no-break and other spaces → one space, runs collapsed, lines trimmed;
/// zero-width characters, BOM and soft hyphens removed; "\r\n" → "\n"; quotes and dashes folded. Text in a
/// legacy encoding is converted first (<see cref="NormalizationOptions.RepairLegacyEncodings"/>).
/// Every character of the result maps back to the original text (<see cref="NormalizedText.ToOriginal(TextSpan)"/>).
/// Immutable and thread-safe: create once, share.
/// </summary>
public sealed class TextNormalizer : ITextNormalizer
{
    private const int MaxStackWord = 64;

    /// <summary>Creates a normalizer with <paramref name="options"/> (or the defaults).</summary>
    public TextNormalizer(NormalizationOptions? options = null)
    {
        Options = options ?? NormalizationOptions.Default;
    }

    /// <summary>A shared normalizer with <see cref="NormalizationOptions.Default"/>.</summary>
    public static TextNormalizer Default { get; } = new();

    /// <summary>The options this normalizer applies.</summary>
    public NormalizationOptions Options { get; }

    /// <inheritdoc />
    public NormalizedText Normalize(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Options.RepairLegacyEncodings && LegacyText.TryRepair(text, out var repaired, out var repairMap, out var kind, cancellationToken))
        {
            // Normalize the repaired text, then chain the maps: normalized → repaired → original.
            var (repairedNormalized, normalizedMap) = NormalizeCore(repaired, cancellationToken);
            return new NormalizedText(text, repairedNormalized, normalizedMap.ComposeWith(repairMap), kind);
        }

        var (normalized, map) = NormalizeCore(text, cancellationToken);
        return new NormalizedText(text, normalized, map, TextEncodingKind.Unicode);
    }

    internal (string Text, OffsetMap Map) NormalizeCore(string text, CancellationToken cancellationToken)
    {
        var builder = new DerivedTextBuilder(text.Length);
        var pendingSpace = -1;
        var atLineStart = true;
        var i = 0;
        while (i < text.Length)
        {
            if ((i & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var c = text[i];
            switch (CharClass.Of(c))
            {
                case CharKind.LineBreak:
                    var breakEnd = c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? i + 2 : i + 1;
                    builder.Append('\n', i, breakEnd, changed: c != '\n');
                    pendingSpace = -1;
                    atLineStart = true;
                    i = breakEnd;
                    continue;
                case CharKind.Space:
                    if (!atLineStart && pendingSpace < 0)
                    {
                        pendingSpace = i;
                    }

                    i++;
                    continue;
                case CharKind.Invisible:
                    i++;
                    continue;
            }

            if (pendingSpace >= 0)
            {
                builder.Append(' ', pendingSpace, pendingSpace + 1, changed: text[pendingSpace] != ' ');
                pendingSpace = -1;
            }

            atLineStart = false;
            if (CharClass.IsLetter(c))
            {
                var end = i + 1;
                while (end < text.Length && CharClass.IsLetter(text[end]))
                {
                    end++;
                }

                AppendWord(builder, text.AsSpan(i, end - i), i);
                i = end;
                continue;
            }

            var folded = Options.FoldQuotesAndDashes ? Fold(c) : c;
            builder.Append(folded, i, i + 1, changed: folded != c);
            i++;
        }

        return builder.Build(text.Length, text);
    }

    private void AppendWord(DerivedTextBuilder builder, ReadOnlySpan<char> word, int start)
    {
        var needsComposition = false;
        foreach (var ch in word)
        {
            if (CharClass.Of(ch) == CharKind.CombiningMark)
            {
                needsComposition = true;
                break;
            }
        }

        if (!needsComposition)
        {
            char[]? rented = null;
            var buffer = word.Length <= MaxStackWord ? stackalloc char[word.Length] : (rented = ArrayPool<char>.Shared.Rent(word.Length)).AsSpan(0, word.Length);
            word.CopyTo(buffer);
            var changed = ReplaceLookalikes(buffer) | ToneMarks.Place(buffer, Options.ToneMarks);
            builder.AppendCopy(buffer, start, changed);
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }

            return;
        }

        // Decomposed (NFD) or windows-1258 style text: compose, then map each composed letter to its cluster.
        var composed = word.ToString().Normalize(NormalizationForm.FormC).ToCharArray();
        ReplaceLookalikes(composed);
        ToneMarks.Place(composed, Options.ToneMarks);
        var clusterCount = 0;
        foreach (var ch in word)
        {
            if (CharClass.Of(ch) != CharKind.CombiningMark || clusterCount == 0)
            {
                clusterCount++;
            }
        }

        if (clusterCount != composed.Length)
        {
            builder.AppendReplacement(composed, start, start + word.Length);
            return;
        }

        var k = 0;
        var clusterStart = 0;
        for (var p = 1; p <= word.Length; p++)
        {
            if (p == word.Length || CharClass.Of(word[p]) != CharKind.CombiningMark)
            {
                builder.Append(composed[k++], start + clusterStart, start + p);
                clusterStart = p;
            }
        }
    }

    private static bool ReplaceLookalikes(Span<char> word)
    {
        var changed = false;
        for (var k = 0; k < word.Length; k++)
        {
            // Icelandic eth typed for the Vietnamese đ.
            if (word[k] == '\u00D0')
            {
                word[k] = 'Đ';
                changed = true;
            }
            else if (word[k] == '\u00F0')
            {
                word[k] = 'đ';
                changed = true;
            }
        }

        return changed;
    }

    internal static char Fold(char c) => c switch
    {
        '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u00AB' or '\u00BB' or '\u2033' or '\uFF02' => '"',
        '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u02BC' or '\uFF07' => '\'',
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\uFE58' or '\uFE63' or '\uFF0D' => '-',
        _ => c,
    };
}

/// <summary>The encoding a text was found to be written in before it was converted to Unicode.</summary>
public enum TextEncodingKind
{
    /// <summary>Unicode text (UTF-8, UTF-16, or already-decoded text with no legacy traces).</summary>
    Unicode,

    /// <summary>The windows-1258 code page (Vietnamese letters with combining tone marks).</summary>
    Windows1258,

    /// <summary>TCVN3 (TCVN 5712:1993, "ABC", the ".VnTime" fonts).</summary>
    Tcvn3,

    /// <summary>VNI-Windows (the "VNI-Times" fonts).</summary>
    Vni,

    /// <summary>A single-byte Western code page (windows-1252 / ISO-8859-1) holding no Vietnamese legacy text.</summary>
    Latin1,
}

/// <summary>
/// A normalized text with the way back to the original: every span found in <see cref="Text"/> maps
/// to the span of <see cref="Original"/> it came from, also when a legacy encoding was converted.
/// Offsets are UTF-16 char indices: spans passed in index <see cref="Text"/>, spans returned index
/// <see cref="Original"/>. Immutable and thread-safe.
/// </summary>
public sealed class NormalizedText
{
    private readonly OffsetMap _map;

    internal NormalizedText(string original, string text, OffsetMap map, TextEncodingKind sourceEncoding)
    {
        Original = original;
        Text = text;
        _map = map;
        SourceEncoding = sourceEncoding;
    }

    /// <summary>The text as the caller gave it.</summary>
    public string Original { get; }

    /// <summary>The normalized text.</summary>
    public string Text { get; }

    /// <summary>The legacy encoding the original was found to be in and converted from, or <see cref="TextEncodingKind.Unicode"/>.</summary>
    public TextEncodingKind SourceEncoding { get; }

    internal OffsetMap Map => _map;

    /// <summary>Maps a span of <see cref="Text"/> to the smallest span of <see cref="Original"/> holding all its characters.</summary>
    public TextSpan ToOriginal(TextSpan span) => _map.Map(span);

    /// <summary>Maps an index of <see cref="Text"/> to the index of <see cref="Original"/> where that character starts.</summary>
    public int ToOriginalIndex(int index) => _map.StartOf(index);
}

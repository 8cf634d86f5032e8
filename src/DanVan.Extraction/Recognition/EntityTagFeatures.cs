using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using DanVan.Extraction.Learning;
using DanVan.Extraction.Text;

namespace DanVan.Extraction.Recognition;

/// <summary>
/// The entity tagger's labels (BIO over the tokens of a <see cref="TokenView"/>, for persons,
/// organizations and titles), its hashed features and its Viterbi decoder. Shared by training and run
/// time, so both see the same features. Nothing here allocates per token: per-text arrays live in
/// <see cref="EntityTagBuffers"/>.
/// </summary>
internal static class EntityTagFeatures
{
    public const byte O = 0;
    public const byte BPerson = 1;
    public const byte IPerson = 2;
    public const byte BOrganization = 3;
    public const byte IOrganization = 4;
    public const byte BTitle = 5;
    public const byte ITitle = 6;

    /// <summary>Number of labels.</summary>
    public const int Labels = 7;

    /// <summary>Weights per hashed feature: one per label, padded to 8 so a feature's weights share a cache line.</summary>
    public const int Stride = 8;

    /// <summary>The rule proposal of a token whose proposals are hidden (feature dropout in training).</summary>
    public const byte RuleHidden = 7;

    /// <summary>The rule proposal of a token inside another kind of mention (date, period, figure, campaign).</summary>
    public const byte RuleOther = 8;

    /// <summary>Number of feature templates (slots per token).</summary>
    public const int Count = 31;

    /// <summary>The first template that reads the rule proposals; training recomputes these when it hides them.</summary>
    public const int FirstRuleTemplate = 26;

    // Lexicon membership bits (EntityTagBuffers.Lexicon).
    private const ushort SurnameStart = 1 << 0;
    private const ushort MiddleName = 1 << 1;
    private const ushort EthnicStart = 1 << 2;
    private const ushort AfterCue = 1 << 3;
    private const ushort TitleHeadStart = 1 << 4;
    private const ushort TitleHeadInside = 1 << 5;
    private const ushort OrganStart = 1 << 6;
    private const ushort OrganInside = 1 << 7;
    private const ushort QualifiedStart = 1 << 8;
    private const ushort NamedStart = 1 << 9;
    private const ushort TitleOnlyStart = 1 << 10;
    private const ushort AdminUnit = 1 << 11;
    private const ushort PlaceStart = 1 << 12;
    private const ushort EthnicFamily = 1 << 13;

    private const ushort NameBits = SurnameStart | MiddleName | EthnicStart | AfterCue | EthnicFamily;
    private const ushort TitleBits = TitleHeadStart | TitleHeadInside | TitleOnlyStart;
    private const ushort OrganBits = OrganStart | OrganInside | QualifiedStart | NamedStart | AdminUnit | PlaceStart;

    // Word ids of the positions outside a line.
    private const uint BeginWord = 0x9E37_0001;
    private const uint EndWord = 0x9E37_0002;
    private const byte BoundaryShape = 15;

    /// <summary>The B label of an entity type (persons, organizations and titles only).</summary>
    public static byte BeginOf(EntityType type) => type switch
    {
        EntityType.Person => BPerson,
        EntityType.Organization => BOrganization,
        EntityType.Title => BTitle,
        _ => O,
    };

    /// <summary>The entity type of a B or I label.</summary>
    public static EntityType TypeOf(byte label) => label switch
    {
        BPerson or IPerson => EntityType.Person,
        BOrganization or IOrganization => EntityType.Organization,
        _ => EntityType.Title,
    };

    public static bool IsBegin(byte label) => label is BPerson or BOrganization or BTitle;

    /// <summary>True when <paramref name="label"/> may follow <paramref name="previous"/> (an I only continues its own type).</summary>
    public static bool Allowed(int previous, int label) => label is not (IPerson or IOrganization or ITitle) || previous == label || previous == label - 1;

    /// <summary>
    /// Fills the per-token arrays of <paramref name="b"/> that do not depend on the rule proposals: word
    /// ids, shapes, sentence starts and lexicon membership. Lexicon lookups are the rules' own.
    /// </summary>
    public static void Prepare(TokenView view, EntityTagBuffers b)
    {
        var n = view.Count;
        b.EnsureTokens(n);
        var lexicon = b.Lexicon;
        Array.Clear(lexicon, 0, n);
        for (var i = 0; i < n; i++)
        {
            var span = view.Span(i);
            var kind = view.Kind(i);
            b.Ids[i] = WordId(span, kind);
            b.Shapes[i] = ShapeOf(span, kind);
            b.Line[i] = view.LineOf(i);
            b.Skip[i] = view.IsChrome(i);
            b.SentenceStart[i] = i == 0 || !view.SameLine(i - 1, i) || view.Span(i - 1) is "." or "!" or "?" or ":" or "…" or "...";
            if (kind is not (TokenKind.Syllable or TokenKind.Abbreviation) || b.Skip[i])
            {
                continue;
            }

            // Lexicon lookups cost; as in the rules, names, places, titles and organs are looked up only
            // where they can start: at a capitalized syllable or an abbreviation. Units ("huyện", "xã") and
            // lower-case middle names ("Đào quang Minh") are the exceptions.
            var bits = lexicon[i];
            if (Lexicons.AdminUnits.LongestAt(view, i) >= i)
            {
                bits |= AdminUnit;
            }

            var capital = kind == TokenKind.Abbreviation || char.IsUpper(span[0]);
            if (!capital)
            {
                if (b.Shapes[Math.Max(0, i - 1)] == 1 && Lexicons.MiddleNames.Contains(span))
                {
                    bits |= MiddleName;
                }

                lexicon[i] = bits;
                continue;
            }

            if (Lexicons.Surnames.LongestAt(view, i) >= i)
            {
                bits |= SurnameStart;
            }

            if (Lexicons.MiddleNames.Contains(span))
            {
                bits |= MiddleName;
            }

            if (EntityGrammar.IsEthnicGivenStart(view, i, out _))
            {
                bits |= EthnicStart;
            }

            if (Lexicons.EthnicFamilyNames.IsEntry(view, i))
            {
                bits |= EthnicFamily;
            }

            if (EntityGrammar.FollowsCue(view, i))
            {
                bits |= AfterCue;
            }

            bits |= Span(view, Lexicons.TitleHeads, i, TitleHeadStart, TitleHeadInside, lexicon);
            bits |= Span(view, Lexicons.Organs, i, OrganStart, OrganInside, lexicon);
            bits |= Span(view, Lexicons.QualifiedOrgans, i, QualifiedStart, OrganInside, lexicon);
            bits |= Span(view, Lexicons.NamedOrgans, i, NamedStart, OrganInside, lexicon);
            if (Lexicons.TitleOnlyOrgans.LongestAt(view, i) >= i)
            {
                bits |= TitleOnlyStart;
            }

            if (Lexicons.Places.LongestAt(view, i) >= i || Lexicons.PlaceOpeners.IsEntry(view, i))
            {
                bits |= PlaceStart;
            }

            lexicon[i] = bits;
        }

        SkipSentencesWithoutCapitals(b);
    }

    /// <summary>
    /// A sentence whose only capital is its first letter holds no person, organization or title (each needs a
    /// capitalized syllable or an abbreviation past the sentence start, or an "H'Loan"-like name): its tokens
    /// are skipped, at run time and in training alike. Most of the text's cost is saved there.
    /// </summary>
    private static void SkipSentencesWithoutCapitals(EntityTagBuffers b)
    {
        var n = b.Count;
        var start = 0;
        for (var i = 1; i <= n; i++)
        {
            if (i < n && !b.SentenceStart[i])
            {
                continue;
            }

            var live = b.Shapes[start] is 3 or 4;
            for (var k = start + 1; k < i && !live; k++)
            {
                live = b.Shapes[k] is >= 1 and <= 4;
            }

            if (!live)
            {
                b.Skip.AsSpan(start, i - start).Fill(true);
            }

            start = i;
        }
    }

    /// <summary>Marks where an entry of <paramref name="set"/> starts and, on the tokens after, that they are inside one.</summary>
    private static ushort Span(TokenView view, PhraseSet set, int i, ushort start, ushort inside, ushort[] lexicon)
    {
        var last = set.LongestAt(view, i);
        if (last < i)
        {
            return 0;
        }

        for (var k = i + 1; k <= last; k++)
        {
            lexicon[k] |= inside;
        }

        return start;
    }

    /// <summary>
    /// The rule proposals as one code per token: the BIO label of a person, organization or title the rules
    /// found, <see cref="RuleOther"/> inside any other mention, <see cref="O"/> elsewhere.
    /// </summary>
    public static void RuleTags(TokenView view, IReadOnlyList<EntityMention> found, Span<byte> tags)
    {
        tags.Clear();
        foreach (var mention in found)
        {
            var begin = BeginOf(mention.Type);
            var first = view.IndexAt(mention.Span.Start);
            for (var k = first; k < view.Count && view[k].Start < mention.Span.End; k++)
            {
                tags[k] = begin == O ? RuleOther : k == first ? begin : (byte)(begin + 1);
            }
        }
    }

    /// <summary>Writes the <see cref="Count"/> feature buckets of token <paramref name="i"/> into <paramref name="features"/>.</summary>
    public static void Extract(EntityTagBuffers b, int i, int bits, Span<int> features)
    {
        var line = b.Line[i];
        var n = b.Count;
        uint W(int k) => k < 0 ? BeginWord : k >= n ? EndWord : b.Line[k] != line ? (k < i ? BeginWord : EndWord) : b.Ids[k];
        uint S(int k) => (uint)k >= (uint)n || b.Line[k] != line ? BoundaryShape : b.Shapes[k];
        uint L(int k) => (uint)k >= (uint)n || b.Line[k] != line ? 0x8000u : b.Lexicon[k];

        uint w0 = W(i), wm1 = W(i - 1), wp1 = W(i + 1), wm2 = W(i - 2), wp2 = W(i + 2);
        uint s0 = S(i), sm1 = S(i - 1), sp1 = S(i + 1), sm2 = S(i - 2), sp2 = S(i + 2);
        uint l0 = L(i), lm1 = L(i - 1), lp1 = L(i + 1);
        var start = b.SentenceStart[i] ? 1u : 0u;

        features[0] = FeatureHash.Of(0, 0, bits);
        features[1] = FeatureHash.Of(1, w0, bits);
        features[2] = FeatureHash.Of(2, wm1, bits);
        features[3] = FeatureHash.Of(3, wp1, bits);
        features[4] = FeatureHash.Of(4, wm2, bits);
        features[5] = FeatureHash.Of(5, wp2, bits);
        features[6] = FeatureHash.Of(6, wm1, w0, bits);
        features[7] = FeatureHash.Of(7, w0, wp1, bits);
        features[8] = FeatureHash.Of(8, s0, start, bits);
        features[9] = FeatureHash.Of(9, sm1, s0, sp1, bits);
        features[10] = FeatureHash.Of(10, sm2, sm1, s0, bits);
        features[11] = FeatureHash.Of(11, s0, sp1, sp2, bits);
        features[12] = FeatureHash.Of(12, l0 & NameBits, s0, bits);
        features[13] = FeatureHash.Of(13, l0 & TitleBits, s0, bits);
        features[14] = FeatureHash.Of(14, l0 & OrganBits, s0, bits);
        features[15] = FeatureHash.Of(15, lm1 & NameBits, l0 & NameBits, bits);
        features[16] = FeatureHash.Of(16, lm1 & (TitleBits | OrganBits), l0 & (TitleBits | OrganBits), bits);
        features[17] = FeatureHash.Of(17, lp1 & NameBits, s0, sp1, bits);
        features[18] = FeatureHash.Of(18, lp1 & (TitleBits | OrganBits), s0, bits);
        features[19] = FeatureHash.Of(19, wm1, s0, bits);
        features[20] = FeatureHash.Of(20, w0, sp1, bits);
        features[21] = FeatureHash.Of(21, l0, lm1, lp1, bits);
        features[22] = FeatureHash.Of(22, wm1, wm2, s0, bits);
        features[23] = FeatureHash.Of(23, wp1, wp2, s0, bits);
        features[24] = FeatureHash.Of(24, w0, start, bits);
        features[25] = FeatureHash.Of(25, wm1, l0, bits);
        ExtractRule(b, i, bits, features);
    }

    /// <summary>The templates from <see cref="FirstRuleTemplate"/> on: the rule proposals around token <paramref name="i"/>.</summary>
    public static void ExtractRule(EntityTagBuffers b, int i, int bits, Span<int> features)
    {
        var line = b.Line[i];
        var n = b.Count;
        uint R(int k) => (uint)k >= (uint)n || b.Line[k] != line ? 15u : b.Rules[k];
        uint r0 = R(i), rm1 = R(i - 1), rp1 = R(i + 1);
        uint s0 = b.Shapes[i];
        features[26] = FeatureHash.Of(26, r0, bits);
        features[27] = FeatureHash.Of(27, rm1, r0, bits);
        features[28] = FeatureHash.Of(28, r0, rp1, bits);
        features[29] = FeatureHash.Of(29, r0, s0, bits);
        features[30] = FeatureHash.Of(30, rm1, r0, rp1, bits);
    }

    /// <summary>The label scores of <paramref name="features"/> into <paramref name="scores"/> (length <see cref="Stride"/>): one 8-wide add per feature.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Score(ReadOnlySpan<int> features, ReadOnlySpan<float> weights, Span<float> scores)
    {
        ref var start = ref MemoryMarshal.GetReference(weights);
        var rows = (uint)(weights.Length / Stride);
        var sum = Vector256<float>.Zero;
        foreach (var f in features)
        {
            if ((uint)f < rows)
            {
                sum += Vector256.LoadUnsafe(ref start, (nuint)f * Stride);
            }
        }

        sum.CopyTo(scores);
    }

    /// <summary>
    /// Viterbi over one line of n = <paramref name="labels"/>.Length tokens: emission scores are
    /// <paramref name="emission"/>[token × Stride + label] (tokens counted from the line's first),
    /// <paramref name="transitions"/>[previous × Stride + label] with previous = <see cref="Labels"/> at the
    /// start. Writes the best labels allowed by BIO.
    /// </summary>
    public static void Decode(ReadOnlySpan<float> emission, ReadOnlySpan<float> transitions, Span<byte> back, Span<byte> labels)
    {
        var n = labels.Length;
        Span<float> previous = stackalloc float[Stride];
        Span<float> current = stackalloc float[Stride];

        // BIO as −∞ transitions, so the inner loop has no test.
        Span<float> masked = stackalloc float[(Labels + 1) * Stride];
        for (var p = 0; p <= Labels; p++)
        {
            for (var l = 0; l < Labels; l++)
            {
                masked[(p * Stride) + l] = Allowed(p, l) ? transitions[(p * Stride) + l] : float.NegativeInfinity;
            }
        }

        for (var l = 0; l < Labels; l++)
        {
            previous[l] = masked[(Labels * Stride) + l] + emission[l];
        }

        for (var t = 1; t < n; t++)
        {
            for (var l = 0; l < Labels; l++)
            {
                var best = float.NegativeInfinity;
                var arg = 0;
                for (var p = 0; p < Labels; p++)
                {
                    var s = previous[p] + masked[(p * Stride) + l];
                    if (s > best)
                    {
                        best = s;
                        arg = p;
                    }
                }

                current[l] = best + emission[(t * Stride) + l];
                back[(t * Stride) + l] = (byte)arg;
            }

            current.CopyTo(previous);
        }

        var bestLabel = 0;
        for (var l = 1; l < Labels; l++)
        {
            if (previous[l] > previous[bestLabel])
            {
                bestLabel = l;
            }
        }

        labels[n - 1] = (byte)bestLabel;
        for (var t = n - 1; t > 0; t--)
        {
            labels[t - 1] = back[(t * Stride) + labels[t]];
        }
    }

    /// <summary>
    /// How much better the labels of one line's tokens <paramref name="first"/> to <paramref name="last"/> (one
    /// span, counted from the line's first token) score than O over the same tokens, the rest of the path
    /// unchanged: the span's confidence. Never negative for a span of the best path.
    /// </summary>
    public static float SpanMargin(ReadOnlySpan<float> emission, ReadOnlySpan<float> transitions, ReadOnlySpan<byte> labels, int first, int last)
    {
        const int o = O;
        var previous = first > 0 ? labels[first - 1] : Labels;
        var margin = transitions[(previous * Stride) + labels[first]] - transitions[(previous * Stride) + o];
        for (var k = first; k <= last; k++)
        {
            margin += emission[(k * Stride) + labels[k]] - emission[(k * Stride) + o];
            if (k > first)
            {
                margin += transitions[(labels[k - 1] * Stride) + labels[k]] - transitions[(o * Stride) + o];
            }
        }

        if (last + 1 < labels.Length)
        {
            var next = labels[last + 1];
            margin += transitions[(labels[last] * Stride) + next] - transitions[(o * Stride) + next];
        }

        return margin;
    }

    /// <summary>A hash of the token's characters, lower-cased; numbers share one id, as do dates and addresses.</summary>
    public static uint WordId(ReadOnlySpan<char> token, TokenKind kind)
    {
        switch (kind)
        {
            case TokenKind.Number:
                return 0x9E37_0010;
            case TokenKind.DateTime:
                return 0x9E37_0011;
            case TokenKind.Url or TokenKind.Email:
                return 0x9E37_0012;
        }

        var hash = 2166136261u;
        foreach (var c in token)
        {
            hash = (hash ^ char.ToLowerInvariant(c)) * 16777619u;
        }

        return hash;
    }

    /// <summary>
    /// The token's kind and capitalization: lower, Capitalized, ALL CAPS, with an apostrophe ("H'Loan"),
    /// an abbreviation, a number, a date, a punctuation mark by family, or other.
    /// </summary>
    public static byte ShapeOf(ReadOnlySpan<char> token, TokenKind kind)
    {
        switch (kind)
        {
            case TokenKind.Syllable:
                if (!char.IsUpper(token[0]))
                {
                    return 0;
                }

                if (token.Contains('\''))
                {
                    return 3;
                }

                return token.Length > 1 && char.IsUpper(token[^1]) ? (byte)2 : (byte)1;
            case TokenKind.Abbreviation:
                return 4;
            case TokenKind.Number:
                return 5;
            case TokenKind.DateTime:
                return 6;
            case TokenKind.Punctuation:
                return token[0] switch
                {
                    ',' or ';' => 7,
                    '-' or '–' or '—' => 8,
                    '.' or '!' or '?' or '…' => 9,
                    ':' => 10,
                    '(' or ')' or '[' or ']' => 11,
                    '"' or '“' or '”' or '\'' => 12,
                    _ => 13,
                };
            default:
                return 14;
        }
    }
}

/// <summary>Per-text scratch of the entity tagger, grown as needed and reused (one per thread at run time).</summary>
internal sealed class EntityTagBuffers
{
    private const int MaxKeptTokens = 1 << 18;

    public uint[] Ids = [];
    public byte[] Shapes = [];
    public ushort[] Lexicon = [];
    public int[] Line = [];
    public bool[] SentenceStart = [];

    /// <summary>
    /// Tokens never tagged (always O): on page-chrome lines (<see cref="TokenView.IsChrome"/>), where the rules
    /// never look either, and in sentences without a capital past their start.
    /// </summary>
    public bool[] Skip = [];

    /// <summary>At the first token of each span the tagger found, the span's margin (<see cref="EntityTagFeatures.SpanMargin"/>).</summary>
    public float[] Margin = [];
    public byte[] Rules = [];
    /// <summary>Every token's features, kept by training only (run time extracts and scores one token at a time).</summary>
    public int[] Features = [];
    public float[] Emission = [];
    public byte[] Back = [];
    public byte[] Labels = [];

    public int Count { get; private set; }

    public bool IsOversized => Ids.Length > MaxKeptTokens || Emission.Length > MaxKeptTokens;

    public void EnsureTokens(int n)
    {
        Count = n;
        if (Ids.Length >= n)
        {
            return;
        }

        var size = Math.Max(n, Ids.Length * 2);
        Ids = new uint[size];
        Shapes = new byte[size];
        Lexicon = new ushort[size];
        Line = new int[size];
        SentenceStart = new bool[size];
        Skip = new bool[size];
        Margin = new float[size];
        Rules = new byte[size];
        Labels = new byte[size];
    }

    /// <summary>Room for the emission scores and back pointers of <paramref name="n"/> tokens (one line at run time, the whole text in training).</summary>
    public void EnsureScores(int n)
    {
        if (Emission.Length < n * EntityTagFeatures.Stride)
        {
            var size = Math.Max(n, Emission.Length / EntityTagFeatures.Stride * 2);
            Emission = new float[size * EntityTagFeatures.Stride];
            Back = new byte[size * EntityTagFeatures.Stride];
        }
    }
}

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DanVan.Extraction.Learning;

namespace DanVan.Extraction.Text;

/// <summary>
/// Per-call working arrays of the word segmenter, reused between calls on one thread so that
/// segmenting allocates nothing once they are large enough. Token arrays are padded with
/// <see cref="Pad"/> positions on each side, so the feature window never needs a bounds test.
/// </summary>
internal sealed class SegmenterBuffers
{
    public const int Pad = 2;

    public Token[] Tokens = new Token[256];
    public uint[] Ids = new uint[256 + (2 * Pad)];
    public byte[] Shapes = new byte[256 + (2 * Pad)];
    public byte[] LexStart = new byte[256 + (2 * Pad)];
    public byte[] LexEnd = new byte[256 + (2 * Pad)];
    public byte[] LexCover = new byte[256 + (2 * Pad)];
    public byte[] CapRun = new byte[256 + (2 * Pad)];
    public byte[] CapPosition = new byte[256 + (2 * Pad)];
    public byte[] Stats = new byte[256 + (2 * Pad)];
    public byte[] Inner = new byte[256 + (2 * Pad)];
    public byte[] PairStat = new byte[256 + (2 * Pad)];
    public byte[] Glued = new byte[256 + (2 * Pad)];
    public byte[] ListStart = new byte[256 + (2 * Pad)];
    public byte[] ListEnd = new byte[256 + (2 * Pad)];
    public byte[] ListCover = new byte[256 + (2 * Pad)];
    public byte[] ListMatched = new byte[256 + (2 * Pad)];
    public byte[] Forced = new byte[256];
    public float[] Emission = new float[256];
    public byte[] Back = new byte[256];
    public byte[] Tags = new byte[256];

    public int Count;

    public void EnsureTokens(int count)
    {
        if (count <= Tokens.Length)
        {
            return;
        }

        var size = Math.Max(count, Tokens.Length * 2);
        Array.Resize(ref Tokens, size);
    }

    /// <summary>Sizes the per-token arrays for <see cref="Count"/> tokens.</summary>
    public void EnsurePerToken()
    {
        var n = Count;
        if (n + (2 * Pad) > Ids.Length)
        {
            var size = Math.Max(n, Ids.Length * 2) + (2 * Pad);
            Ids = new uint[size];
            Shapes = new byte[size];
            LexStart = new byte[size];
            LexEnd = new byte[size];
            LexCover = new byte[size];
            CapRun = new byte[size];
            CapPosition = new byte[size];
            Stats = new byte[size];
            Inner = new byte[size];
            PairStat = new byte[size];
            Glued = new byte[size];
            ListStart = new byte[size];
            ListEnd = new byte[size];
            ListCover = new byte[size];
            ListMatched = new byte[size];
        }

        if (n > Forced.Length)
        {
            var size = Math.Max(n, Forced.Length * 2);
            Forced = new byte[size];
            Emission = new float[size];
            Back = new byte[size];
            Tags = new byte[size];
        }
    }

    /// <summary>True when the arrays grew beyond what is worth keeping for the next call.</summary>
    public bool IsOversized => Tokens.Length > (1 << 20);
}

/// <summary>
/// What the segmenter knows about a token and the features it scores. Shared by training and
/// run time so that both see exactly the same features.
/// </summary>
internal static class SegmenterFeatures
{
    /// <summary>Number of feature templates (hashed indices per token).</summary>
    public const int Count = 29;

    /// <summary>Longest lexicon word, in tokens.</summary>
    public const int MaxWordLength = 6;

    public const byte TagB = 0;
    public const byte TagI = 1;

    public const byte Free = 0;
    public const byte MustBegin = 1;
    public const byte MustContinue = 2;

    // Ids above any vocabulary id.
    public const uint UnknownId = 0xFFFFFF00;
    public const uint NumberId = 0xFFFFFFF0;
    public const uint DateId = 0xFFFFFFF1;
    public const uint UrlId = 0xFFFFFFF2;
    public const uint OtherId = 0xFFFFFFF3;
    public const uint BeginId = 0xFFFFFFFE;
    public const uint EndId = 0xFFFFFFFD;

    // Shapes (5 bits): a syllable is case class × 4 + 2 when not in the vocabulary + 1 when not spelled
    // like a Vietnamese syllable; then the other token kinds.
    private const byte ShapeLower = 0;
    private const byte ShapeTitle = 4;
    private const byte ShapeUpper = 8;
    private const byte ShapeMixed = 12;
    private const byte ShapeAbbreviation = 16;
    private const byte ShapeNumber = 18;
    private const byte ShapeDate = 19;
    private const byte ShapePunctuation = 20;
    private const byte ShapeUrl = 21;
    private const byte ShapeOther = 22;
    private const byte ShapeEdge = 23;

    /// <summary>The pair statistics of a token next to a sentence edge (the pair is the edge and the token).</summary>
    public const byte EdgePair = 31;

    /// <summary>
    /// A pair's join statistics (1–24; 0 = never seen): how often the second token continues the first's
    /// word (never, under a quarter, under a half, under three quarters, not always, always) times how
    /// often the pair was seen (1, 2–3, 4–9, 10 or more).
    /// </summary>
    public static byte PairStatOf(int occurrences, int joined)
    {
        var count = occurrences <= 1 ? 0 : occurrences <= 3 ? 1 : occurrences <= 9 ? 2 : 3;
        var ratio = joined == 0 ? 0 : joined == occurrences ? 5 : 1 + Math.Min(3, joined * 4 / occurrences);
        return (byte)(1 + (ratio * 4) + count);
    }

    /// <summary>The statistics byte of a token with no statistics (unknown, number, edge).</summary>
    public const byte UnknownStats = 0x77;

    /// <summary>
    /// A syllable's statistics byte: how often it begins a multi-token word (high 4 bits) and how often
    /// it continues one (low 4 bits), as buckets 0–5 of the rate, 6 when seen fewer than 3 times, 7 never.
    /// </summary>
    public static byte StatsOf(int occurrences, int begins, int continues) => (byte)((RateBucket(begins, occurrences) << 4) | RateBucket(continues, occurrences));

    private static int RateBucket(int count, int total) => total == 0 ? 7 : total < 3 ? 6 : Math.Min(5, count * 6 / total);

    /// <summary>The vocabulary attribute of a form spelled like a Vietnamese syllable.</summary>
    public const byte VietnameseSpelling = 1;

    /// <summary>
    /// Fills ids, shapes, forced tags and lexicon lengths for the <see cref="SegmenterBuffers.Count"/>
    /// tokens in <paramref name="b"/>. A token after a line break always begins a word. At run time
    /// (a <paramref name="domain"/> lexicon given, even an empty one) so do brackets, quotes and clause
    /// punctuation and the tokens after them, and domain words are kept whole; training passes null.
    /// <paramref name="lexicon"/> holds the words seen in training (jackknifed in training);
    /// <paramref name="wordList"/> the hand-written general word list, the same in training and at run time.
    /// </summary>
    public static void Prepare(ReadOnlySpan<char> text, SegmenterBuffers b, SpanKeyTable vocabulary, NgramTable lexicon, NgramTable wordList, PairTable pairs, byte[] syllableStats, NgramTable? domain)
    {
        var n = b.Count;
        b.EnsurePerToken();
        var tokens = b.Tokens;
        var ids = b.Ids;
        var shapes = b.Shapes;
        var forced = b.Forced;
        const int P = SegmenterBuffers.Pad;
        for (var k = 0; k < P; k++)
        {
            ids[k] = BeginId;
            shapes[k] = ShapeEdge;
            ids[n + P + k] = EndId;
            shapes[n + P + k] = ShapeEdge;
        }

        var previousEnd = 0;
        var glued = b.Glued;
        for (var i = 0; i < n; i++)
        {
            var token = tokens[i];
            var slice = text.Slice(token.Start, token.Length);
            Describe(slice, token.Kind, vocabulary, out ids[i + P], out shapes[i + P]);
            forced[i] = i == 0 || HasLineBreak(text[previousEnd..token.Start]) ? MustBegin : Free;

            // Tokens written together ("GD-ĐT", "7/2014", "K."): unless one is clause punctuation
            // ("nói:", "Hà Nội."), which the treebank text always sets apart.
            glued[i + P] = (byte)(i > 0 && token.Start == previousEnd
                && !IsClausePunctuation(text, tokens[i - 1]) && !IsClausePunctuation(text, token) ? 1 : 0);
            previousEnd = token.End;
        }

        for (var k = 0; k < P; k++)
        {
            glued[k] = 0;
            glued[n + P + k] = 0;
        }

        // Brackets, quotes and clause punctuation are words of their own ('.', '-', '/' and '%' may sit
        // inside a word: "tp.", "84 . 4", "A5"). Only at run time: training still learns from these
        // tokens, which teaches the punctuation features that punctuation stands alone.
        for (var i = 0; i < n && domain is not null; i++)
        {
            var token = tokens[i];
            if ((token.Kind == TokenKind.Punctuation && IsStandalone(text[token.Start]))
                || (token.Kind == TokenKind.Abbreviation && text.Slice(token.Start, token.Length) is "LBKT" or "RBKT"))
            {
                forced[i] = MustBegin;
                if (i + 1 < n)
                {
                    forced[i + 1] = MustBegin;
                }
            }
        }

        if (domain is not null)
        {
            ForceGluedJoins(text, b);
        }

        var stats = b.Stats;
        for (var k = 0; k < n + (2 * P); k++)
        {
            var id = ids[k];
            stats[k] = id < (uint)syllableStats.Length ? syllableStats[id] : UnknownStats;
        }

        MarkCapitalizedRuns(b);
        MarkLexicon(b, lexicon, b.LexStart, b.LexEnd, b.LexCover, b.Inner);
        MarkLexicon(b, wordList, b.ListStart, b.ListEnd, b.ListCover, null);
        MarkMaximumMatch(b, b.ListMatched);
        MarkPairs(b, pairs);
        if (domain is not null)
        {
            ForceDomainWords(b, domain);
        }
    }

    /// <summary>
    /// Tokens written together are one word, as the treebank writes them ("GD-ĐT", "Wai-kru", "6-Jan", "95%",
    /// "online33", the initial "G."), unless one of them is clause punctuation ("nói:", "Hà Nội.") or a slash
    /// stands between words rather than numbers ("đồng/căn"; "7/2014" is one word). Only at run time.
    /// </summary>
    private static void ForceGluedJoins(ReadOnlySpan<char> text, SegmenterBuffers b)
    {
        const int P = SegmenterBuffers.Pad;
        var n = b.Count;
        var tokens = b.Tokens;
        var forced = b.Forced;
        for (var i = 1; i < n; i++)
        {
            if (forced[i] != Free || tokens[i].Start != tokens[i - 1].End)
            {
                continue;
            }

            var join = b.Glued[i + P] == 1
                ? !IsSlashBetweenWords(text, tokens, i, n)
                : text[tokens[i].Start] == '.' && tokens[i].Length == 1 && tokens[i - 1].Length == 1 && CharClass.IsLetter(text[tokens[i - 1].Start])
                  && (i + 1 == n || tokens[i + 1].Start > tokens[i].End);
            if (join)
            {
                forced[i] = MustContinue;
            }
        }
    }

    /// <summary>True when token <paramref name="i"/> or the one before it is a slash that does not stand between two numbers.</summary>
    private static bool IsSlashBetweenWords(ReadOnlySpan<char> text, Token[] tokens, int i, int n)
    {
        var slash = text[tokens[i].Start] == '/' && tokens[i].Length == 1 ? i : text[tokens[i - 1].Start] == '/' && tokens[i - 1].Length == 1 ? i - 1 : -1;
        return slash >= 0 && !(slash >= 1 && slash + 1 < n && tokens[slash - 1].Kind == TokenKind.Number && tokens[slash + 1].Kind == TokenKind.Number);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsClausePunctuation(ReadOnlySpan<char> text, Token token) =>
        token.Kind == TokenKind.Punctuation && (text[token.Start] == '.' || IsStandalone(text[token.Start]));

    private static bool IsStandalone(char c) =>
        c is '(' or ')' or '[' or ']' or '{' or '}' or '"' or '\'' or '“' or '”' or '‘' or '’' or '«' or '»' or ',' or ';' or ':' or '!' or '?' or '…';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool HasLineBreak(ReadOnlySpan<char> gap)
    {
        if (gap.Length == 1)
        {
            return CharClass.Of(gap[0]) == CharKind.LineBreak;
        }

        foreach (var c in gap)
        {
            if (CharClass.Of(c) == CharKind.LineBreak)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The id and shape of one token.</summary>
    public static void Describe(ReadOnlySpan<char> token, TokenKind kind, SpanKeyTable vocabulary, out uint id, out byte shape)
    {
        switch (kind)
        {
            case TokenKind.Syllable:
            {
                Span<char> buffer = stackalloc char[SyllableKey.MaxLength];
                var found = SyllableKey.Find(vocabulary, token, buffer, out var length, out var uppers);
                id = found < 0 ? UnknownId : (uint)found;
                var vietnamese = found >= 0
                    ? vocabulary.AttributeOf(found) == VietnameseSpelling
                    : length > 0 && SyllableShape.IsVietnamese(buffer[..length]);
                var caseShape = uppers == 0 || !CharClass.IsUpper(token[0]) ? ShapeLower : uppers == 1 ? ShapeTitle : uppers == token.Length ? ShapeUpper : ShapeMixed;
                shape = (byte)(caseShape + (found < 0 ? 2 : 0) + (vietnamese ? 0 : 1));
                return;
            }

            case TokenKind.Abbreviation when token is "LBKT" or "RBKT":
            {
                // The treebank's escapes for "(" and ")".
                var found = SyllableKey.Find(vocabulary, token[0] == 'L' ? "(" : ")");
                id = found < 0 ? UnknownId + (uint)TokenKind.Punctuation : (uint)found;
                shape = ShapePunctuation;
                return;
            }

            case TokenKind.Abbreviation:
            case TokenKind.Punctuation:
            {
                var found = SyllableKey.Find(vocabulary, token);
                id = found < 0 ? UnknownId + (uint)kind : (uint)found;
                shape = kind == TokenKind.Abbreviation ? (byte)(ShapeAbbreviation + (found < 0 ? 1 : 0)) : ShapePunctuation;
                return;
            }

            case TokenKind.Number:
                id = NumberId;
                shape = ShapeNumber;
                return;
            case TokenKind.DateTime:
                id = DateId;
                shape = ShapeDate;
                return;
            case TokenKind.Url:
            case TokenKind.Email:
                id = UrlId;
                shape = ShapeUrl;
                return;
            default:
                id = OtherId;
                shape = ShapeOther;
                return;
        }
    }

    /// <summary>The vocabulary attribute of a lookup form.</summary>
    public static byte AttributeOf(ReadOnlySpan<char> key) => SyllableShape.IsVietnamese(key) ? VietnameseSpelling : (byte)0;

    /// <summary>True for the token kinds whose forms go into the vocabulary.</summary>
    public static bool HasVocabularyForm(TokenKind kind) => kind is TokenKind.Syllable or TokenKind.Abbreviation or TokenKind.Punctuation;

    /// <summary>
    /// Runs of capitalized syllables ("Nguyễn Công Tạn", "Nam Trà My"): for each token, the length of its
    /// run (capped) and its place in it; 0 outside runs.
    /// </summary>
    private static void MarkCapitalizedRuns(SegmenterBuffers b)
    {
        const int P = SegmenterBuffers.Pad;
        var n = b.Count;
        var shapes = b.Shapes;
        var run = b.CapRun;
        var position = b.CapPosition;
        Array.Clear(run, 0, n + (2 * P));
        Array.Clear(position, 0, n + (2 * P));
        var i = 0;
        while (i < n)
        {
            if (!IsCapitalized(shapes[i + P]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < n && IsCapitalized(shapes[i + P]))
            {
                i++;
            }

            var length = (byte)Math.Min(i - start, 6);
            for (var k = start; k < i; k++)
            {
                run[k + P] = length;
                position[k + P] = (byte)Math.Min(k - start + 1, 6);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsCapitalized(byte shape) => shape is >= ShapeTitle and < ShapeUpper;

    /// <summary>
    /// For each token: the longest lexicon word starting there, the longest ending there, and the
    /// longest one that spans the boundary before it (all in tokens, 0 when none), and whether the token
    /// and the one before stand next to each other inside a lexicon word (when <paramref name="inner"/> is given).
    /// </summary>
    private static void MarkLexicon(SegmenterBuffers b, NgramTable lexicon, byte[] start, byte[] end, byte[] cover, byte[]? inner)
    {
        const int P = SegmenterBuffers.Pad;
        var n = b.Count;
        var ids = b.Ids;
        Array.Clear(start, 0, n + (2 * P));
        Array.Clear(end, 0, n + (2 * P));
        Array.Clear(cover, 0, n + (2 * P));
        if (inner is not null)
        {
            Array.Clear(inner, 0, n + (2 * P));
            for (var i = 1; i < n; i++)
            {
                var previous = ids[i + P - 1];
                if (lexicon.MayStartInnerPair(previous))
                {
                    var flags = lexicon.Lookup(NgramTable.Extend(NgramTable.Extend(NgramTable.Empty, previous), ids[i + P]));
                    inner[i + P] = (byte)((flags & NgramTable.InnerPair) != 0 ? 1 : 0);
                }
            }
        }

        for (var i = 0; i < n; i++)
        {
            var first = ids[i + P];
            if (!StartsEntry(lexicon, first))
            {
                continue;
            }

            var key = NgramTable.Extend(NgramTable.Empty, first);
            var limit = Math.Min(MaxWordLength, n - i);
            for (var length = 2; length <= limit; length++)
            {
                key = NgramTable.Extend(key, ids[i + P + length - 1]);
                var flags = lexicon.Lookup(key);
                if ((flags & NgramTable.Entry) != 0)
                {
                    var len = (byte)length;
                    start[i + P] = len;
                    var last = i + P + length - 1;
                    if (end[last] < len)
                    {
                        end[last] = len;
                    }

                    for (var k = i + P + 1; k <= last; k++)
                    {
                        if (cover[k] < len)
                        {
                            cover[k] = len;
                        }
                    }
                }

                if ((flags & NgramTable.Prefix) == 0)
                {
                    break;
                }
            }
        }
    }

    /// <summary>
    /// Forward maximum matching over the word list: from each word boundary the longest listed word is taken
    /// (else one token). Marks 1 where a token begins a matched word, 2 where it continues one, 0 elsewhere.
    /// </summary>
    private static void MarkMaximumMatch(SegmenterBuffers b, byte[] matched)
    {
        const int P = SegmenterBuffers.Pad;
        var n = b.Count;
        Array.Clear(matched, 0, n + (2 * P));
        var start = b.ListStart;
        var i = 0;
        while (i < n)
        {
            int length = start[i + P];
            if (length < 2)
            {
                i++;
                continue;
            }

            matched[i + P] = 1;
            for (var k = 1; k < length; k++)
            {
                matched[i + P + k] = 2;
            }

            i += length;
        }
    }

    /// <summary>
    /// For each token, the join statistics of the pair it closes, the token before and itself
    /// (<see cref="PairStatOf"/>; 0 when not in the table, <see cref="EdgePair"/> at the sentence edges).
    /// </summary>
    private static void MarkPairs(SegmenterBuffers b, PairTable pairs)
    {
        const int P = SegmenterBuffers.Pad;
        var n = b.Count;
        var ids = b.Ids;
        var pairStat = b.PairStat;
        for (var k = 0; k <= P; k++)
        {
            pairStat[k] = EdgePair;
        }

        for (var i = 1; i < n; i++)
        {
            pairStat[i + P] = pairs.Lookup(ids[i + P - 1], ids[i + P]);
        }

        for (var k = n + P; k < n + (2 * P); k++)
        {
            pairStat[k] = EdgePair;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool StartsEntry(NgramTable lexicon, uint id) =>
        id < (1u << 24) ? lexicon.StartsEntry(id) : (lexicon.Lookup(NgramTable.Extend(NgramTable.Empty, id)) & NgramTable.Prefix) != 0;

    /// <summary>Words of the hand-written domain lexicon are kept whole: longest match, left to right.</summary>
    private static void ForceDomainWords(SegmenterBuffers b, NgramTable domain)
    {
        const int P = SegmenterBuffers.Pad;
        var n = b.Count;
        var ids = b.Ids;
        var forced = b.Forced;
        var i = 0;
        while (i < n)
        {
            if (!domain.StartsEntry(ids[i + P]))
            {
                i++;
                continue;
            }

            var key = NgramTable.Extend(NgramTable.Empty, ids[i + P]);
            var flags = domain.Lookup(key);
            var best = 0;
            var limit = Math.Min(MaxWordLength, n - i);
            for (var length = 2; length <= limit && (flags & NgramTable.Prefix) != 0; length++)
            {
                key = NgramTable.Extend(key, ids[i + P + length - 1]);
                flags = domain.Lookup(key);
                if ((flags & NgramTable.Entry) != 0)
                {
                    best = length;
                }
            }

            if (best == 0 || !CanForce(forced, i, best))
            {
                i++;
                continue;
            }

            forced[i] = MustBegin;
            for (var k = i + 1; k < i + best; k++)
            {
                forced[k] = MustContinue;
            }

            if (i + best < n && forced[i + best] == Free)
            {
                forced[i + best] = MustBegin;
            }

            i += best;
        }
    }

    private static bool CanForce(byte[] forced, int start, int length)
    {
        for (var k = start + 1; k < start + length; k++)
        {
            if (forced[k] == MustBegin)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Writes the <see cref="Count"/> weight indices of token <paramref name="i"/>'s features into <paramref name="dest"/> from <paramref name="offset"/> on.</summary>
    public static void Extract(SegmenterBuffers b, int i, int bits, int[] dest, int offset)
    {
        var sink = new IndexSink(dest, offset);
        Visit(b, i, bits, ref sink);
    }

    /// <summary>The sum of the weights of token <paramref name="i"/>'s features (bucket indices are below 2^<paramref name="bits"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Score(SegmenterBuffers b, int i, int bits, short[] weights)
    {
        var sink = new WeightSink(weights);
        Visit(b, i, bits, ref sink);
        return sink.Sum;
    }

    /// <summary>Hands the <see cref="Count"/> feature buckets of token <paramref name="i"/> to <paramref name="dest"/>, in template order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Visit<TSink>(SegmenterBuffers b, int i, int bits, ref TSink dest)
        where TSink : struct, IFeatureSink
    {
        var p = i + SegmenterBuffers.Pad;
        var ids = b.Ids;
        var sh = b.Shapes;
        uint w0 = ids[p], wm1 = ids[p - 1], wm2 = ids[p - 2], wp1 = ids[p + 1], wp2 = ids[p + 2];
        uint s0 = sh[p], sm1 = sh[p - 1], sm2 = sh[p - 2], sp1 = sh[p + 1];
        uint ls = b.LexStart[p], le = b.LexEnd[p - 1], lc = b.LexCover[p];
        dest.Add(FeatureHash.Of(0, 0, bits));
        dest.Add(FeatureHash.Of(1, w0, bits));
        dest.Add(FeatureHash.Of(2, wm1, bits));
        dest.Add(FeatureHash.Of(3, wp1, bits));
        dest.Add(FeatureHash.Of(4, wm2, bits));
        dest.Add(FeatureHash.Of(5, wp2, bits));
        dest.Add(FeatureHash.Of(6, wm1, w0, bits));
        dest.Add(FeatureHash.Of(7, w0, wp1, bits));
        dest.Add(FeatureHash.Of(8, wm2, wm1, bits));
        dest.Add(FeatureHash.Of(9, wp1, wp2, bits));
        dest.Add(FeatureHash.Of(10, wm1, w0, wp1, bits));
        dest.Add(FeatureHash.Of(11, wm2, wm1, w0, bits));
        var pair = (sm1 << 5) | s0;
        dest.Add(FeatureHash.Of(12, (sm2 << 15) | (pair << 5) | sp1, bits));
        dest.Add(FeatureHash.Of(13, pair, w0, bits));
        dest.Add(FeatureHash.Of(14, pair, wm1, bits));
        dest.Add(FeatureHash.Of(15, (ls << 8) | (le << 4) | lc, bits));
        dest.Add(FeatureHash.Of(16, lc, pair, bits));
        dest.Add(FeatureHash.Of(17, lc, w0, bits));
        dest.Add(FeatureHash.Of(18, (ls << 8) | (le << 4) | lc, pair, bits));
        dest.Add(FeatureHash.Of(19, ((uint)b.CapRun[p] << 8) | b.CapPosition[p], pair, bits));
        uint st0 = b.Stats[p], stm1 = b.Stats[p - 1];

        // Templates 20 and 21 (the two tokens' statistics alone) went when the pair statistics came: they no longer helped.
        dest.Add(FeatureHash.Of(22, (stm1 & 0xF0) | (st0 & 0x0F), lc, pair, bits));
        dest.Add(FeatureHash.Of(23, b.Inner[p], lc, (stm1 & 0xF0) | (st0 & 0x0F), bits));
        uint ps0 = b.PairStat[p], psm1 = b.PairStat[p - 1], psp1 = b.PairStat[p + 1];
        dest.Add(FeatureHash.Of(24, ps0, bits));
        dest.Add(FeatureHash.Of(25, ps0, psp1, bits));
        dest.Add(FeatureHash.Of(26, psm1, ps0, bits));
        uint g0 = b.Glued[p], gp1 = b.Glued[p + 1];
        dest.Add(FeatureHash.Of(27, (g0 << 1) | gp1, pair, bits));
        dest.Add(FeatureHash.Of(28, (g0 << 1) | gp1, ps0, sp1, bits));

        // The hand-written word list: its matches with the shapes, and its maximum-matching segmentation around the
        // token against the pair statistics (a listed word whose pairs training never joined).
        uint gs = b.ListStart[p], ge = b.ListEnd[p - 1], gc = b.ListCover[p];
        dest.Add(FeatureHash.Of(29, (gs << 8) | (ge << 4) | gc, pair, bits));
        dest.Add(FeatureHash.Of(30, ((uint)b.ListMatched[p - 1] << 4) | ((uint)b.ListMatched[p] << 2) | b.ListMatched[p + 1], ps0, bits));
    }

    private interface IFeatureSink
    {
        void Add(int bucket);
    }

    private struct IndexSink(int[] destination, int offset) : IFeatureSink
    {
        private readonly int[] _destination = destination;
        private int _at = offset;

        public void Add(int bucket) => _destination[_at++] = bucket;
    }

    private struct WeightSink(short[] weights) : IFeatureSink
    {
        private readonly short[] _weights = weights;

        public int Sum { get; private set; }

        // Buckets are below 2^Bits = the weight array's hashed part, so the read skips the bounds check.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(int bucket) => Sum += Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_weights), bucket);
    }

    /// <summary>
    /// Best B/I tags for <paramref name="n"/> tokens: Viterbi over two states with emission scores
    /// (B minus I) and a 2×2 transition table indexed [previous × 2 + current]; forced tags respected.
    /// </summary>
    public static void Decode(ReadOnlySpan<float> emission, ReadOnlySpan<byte> forced, ReadOnlySpan<float> transitions, Span<byte> back, Span<byte> tags, int n)
    {
        if (n == 0)
        {
            return;
        }

        const float Impossible = -1e30f;
        float tBB = transitions[0], tBI = transitions[1], tIB = transitions[2], tII = transitions[3];
        var scoreB = emission[0];
        var scoreI = Impossible;
        back[0] = 0;
        for (var i = 1; i < n; i++)
        {
            var fromBB = scoreB + tBB;
            var fromIB = scoreI + tIB;
            var fromBI = scoreB + tBI;
            var fromII = scoreI + tII;
            var bestB = fromBB >= fromIB ? fromBB : fromIB;
            var bestI = fromBI >= fromII ? fromBI : fromII;
            back[i] = (byte)((fromBB >= fromIB ? 0 : 1) | (fromBI >= fromII ? 0 : 2));
            var f = forced[i];
            scoreB = f == MustContinue ? Impossible : bestB + emission[i];
            scoreI = f == MustBegin ? Impossible : bestI;

            // Keep the numbers small on long inputs; only their difference matters.
            var m = scoreB > scoreI ? scoreB : scoreI;
            scoreB -= m;
            scoreI -= m;
        }

        var tag = scoreB >= scoreI ? TagB : TagI;
        for (var i = n - 1; i >= 0; i--)
        {
            tags[i] = tag;
            var bp = back[i];
            tag = tag == TagB ? (byte)(bp & 1) : (byte)((bp >> 1) & 1);
        }

        tags[0] = TagB;
    }
}

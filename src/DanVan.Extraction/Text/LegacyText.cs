using System.Text;

namespace DanVan.Extraction.Text;

/// <summary>
/// Finds and converts text written in a legacy Vietnamese font encoding (TCVN3, VNI-Windows) that was read
/// through a Western code page: "Héi nghÞ" (TCVN3) or "Hoäi nghò" (VNI) for "Hội nghị"; in already-decoded
/// text also windows-1258 read as windows-1252 ("Hôòi nghiò").
/// </summary>
/// <remarks>
/// Detection scores words, never single characters: a word that holds a character from U+0080–U+00FF counts
/// for an encoding when its conversion is spelled like a Vietnamese syllable and the word as it stands is not;
/// words valid both ways are ambiguous and left out of the ratio. Words already Vietnamese in Unicode (letters
/// beyond Latin-1, combining marks) cannot be legacy: they are left out of the ratio too, but the encoding must
/// explain at least a quarter as many words as there are of them. An encoding is chosen when it explains at
/// least two words, half of the remaining candidates, and more words than the other encoding. French or English
/// Latin-1 text ("Café crème à Paris") converts to nothing Vietnamese and is left alone. In a text that also
/// holds Unicode Vietnamese, each line gets its own verdict and Unicode lines are copied unchanged.
/// Thread-safe (no mutable state).
/// </remarks>
internal static class LegacyText
{
    /// <summary>Detection reads at most this many candidate words (enough for a verdict, bounded on huge input).</summary>
    internal const int MaxScoredWords = 2000;

    private const int MaxWordLength = 20;

    // The Latin-1 characters whose bytes mean something else in windows-1258 (Ă Đ Ơ Ư ă đ ơ ư ₫ and the tone marks).
    private static readonly System.Buffers.SearchValues<char> Windows1258Differs =
        System.Buffers.SearchValues.Create("\u00C3\u00CC\u00D0\u00D2\u00D5\u00DD\u00DE\u00E3\u00EC\u00F0\u00F2\u00F5\u00FD\u00FE");

    // U+00A1–U+00FF less the Latin-1 letters Unicode Vietnamese uses.
    private static readonly System.Buffers.SearchValues<char> ForeignToVietnamese = System.Buffers.SearchValues.Create(
        "¡¢£¤¥¦§¨©ª«¬\u00AD®¯°±²³´µ¶·¸¹º»¼½¾¿ÄÅÆÇËÎÏÐÑÖ×ØÛÜÞßäåæçëîïðñö÷øûüþÿ");

    private static readonly System.Buffers.SearchValues<char> UnicodeOnlyVietnamese = System.Buffers.SearchValues.Create(
        "ăĂđĐĩĨũŨơƠưƯạẠảẢấẤầẦẩẨẫẪậẬắẮằẰẳẲẵẴặẶẹẸẻẺẽẼếẾềỀểỂễỄệỆỉỈịỊọỌỏỎốỐồỒổỔỗỖộỘớỚờỜởỞỡỠợỢụỤủỦứỨừỪửỬữỮựỰỳỲỵỴỷỶỹỸ");

    private static readonly Lazy<char[]> Windows1258High = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = new byte[0x60];
        for (var b = 0; b < bytes.Length; b++)
        {
            bytes[b] = (byte)(0xA0 + b);
        }

        return Encoding.GetEncoding(1258).GetString(bytes).ToCharArray();
    });

    /// <summary>What the words of a text say about its encoding.</summary>
    /// <param name="Candidates">Words of two or more characters holding a character at or above U+0080.</param>
    /// <param name="Tcvn3">Words Vietnamese when read as TCVN3 and not as they stand.</param>
    /// <param name="Tcvn3Ambiguous">Words Vietnamese both as TCVN3 and as they stand.</param>
    /// <param name="Vni">Words Vietnamese when read as VNI and not as they stand.</param>
    /// <param name="VniAmbiguous">Words Vietnamese both as VNI and as they stand.</param>
    /// <param name="Native">Words that are Vietnamese as they stand and hold a letter beyond Latin-1 or a combining mark.</param>
    /// <param name="AsIsValid">Words that are Vietnamese as they stand.</param>
    internal readonly record struct Score(int Candidates, int Tcvn3, int Tcvn3Ambiguous, int Vni, int VniAmbiguous, int Native, int AsIsValid);

    /// <summary>
    /// Repairs <paramref name="text"/> when it holds TCVN3 or VNI text read as Latin-1. Returns false, with
    /// <paramref name="repaired"/> = <paramref name="text"/> and an identity map, when no legacy encoding is
    /// found. <paramref name="map"/> maps each character of <paramref name="repaired"/> to the characters of
    /// <paramref name="text"/> it came from (a VNI letter to its base and mark). Throws only when
    /// <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public static bool TryRepair(string text, out string repaired, out OffsetMap map, out TextEncodingKind kind, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        repaired = text;
        map = OffsetMap.Identity(text.Length);
        kind = TextEncodingKind.Unicode;
        if (text.AsSpan().IndexOfAnyInRange('\u00A1', '\u00FF') < 0)
        {
            return false;
        }

        var score = MayHoldLegacy(text) ? ScoreWords(text, text, cancellationToken) : default;
        if (Decide(score) is not { } table)
        {
            if (!TryReadAsWindows1258(text, out var vietnamese, cancellationToken))
            {
                return false;
            }

            // One character per byte both ways: the positions do not move; composing the tone marks is left to
            // the normalizer, which maps each composed letter to its cluster.
            repaired = vietnamese;
            kind = TextEncodingKind.Windows1258;
            return true;
        }

        var builder = new DerivedTextBuilder(text.Length);
        var sink = new BuilderSink(builder);
        Convert(text, text, table, score, ref sink, cancellationToken);
        (repaired, map) = builder.Build(text.Length, text);
        kind = table.Kind;
        return true;
    }

    /// <summary>
    /// Converts <paramref name="legacyView"/> (bytes read one character per byte through windows-1252) when it is
    /// TCVN3 or VNI; <paramref name="nativeView"/> is the same bytes read through the code page the caller would
    /// otherwise use (same length), to judge which words are already Vietnamese.
    /// </summary>
    public static bool TryConvert(string legacyView, string nativeView, out string converted, out TextEncodingKind kind, CancellationToken cancellationToken = default)
    {
        converted = legacyView;
        kind = TextEncodingKind.Unicode;
        if (nativeView.Length != legacyView.Length)
        {
            nativeView = legacyView;
        }

        if (!MayHoldLegacy(legacyView))
        {
            return false;
        }

        var score = ScoreWords(legacyView, nativeView, cancellationToken);
        if (Decide(score) is not { } table)
        {
            return false;
        }

        var sink = new StringSink(new StringBuilder(legacyView.Length));
        Convert(legacyView, nativeView, table, score, ref sink, cancellationToken);
        converted = sink.Builder.ToString();
        kind = table.Kind;
        return true;
    }

    /// <summary>Converts all of <paramref name="legacyView"/> with <paramref name="table"/>, without detection (tests, known sources).</summary>
    internal static string ConvertWith(LegacyEncodingTable table, string legacyView)
    {
        var sink = new StringSink(new StringBuilder(legacyView.Length));
        ConvertLine(legacyView, 0, table, ref sink);
        return sink.Builder.ToString();
    }

    /// <summary>
    /// windows-1258 text read through windows-1252 ("Viêòt Nam" for "Việt Nam"): true when at least two words, and
    /// half of the words not already Vietnamese, become Vietnamese syllables with a letter only windows-1258 has
    /// (ă đ ơ ư, combining tone marks) when the U+00A0–U+00FF characters are read back as windows-1258 bytes.
    /// <paramref name="vietnamese"/> has one character per character of <paramref name="text"/>, not yet composed.
    /// </summary>
    internal static bool TryReadAsWindows1258(string text, out string vietnamese, CancellationToken cancellationToken = default)
    {
        vietnamese = text;
        if (text.AsSpan().IndexOfAny(Windows1258Differs) < 0)
        {
            return false;
        }

        // Reading bytes through windows-1252 never yields ạ…ỹ, ă, đ, ĩ, ũ, ơ or ư: a text holding any of them is
        // already Unicode Vietnamese, and its Latin-1 letters ("Lãnh", "Ðoàn" typed with an eth) are not mojibake.
        if (text.AsSpan().IndexOfAny(UnicodeOnlyVietnamese) >= 0)
        {
            return false;
        }

        var high = Windows1258High.Value;
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is >= '\u00A0' and <= '\u00FF')
            {
                chars[i] = high[chars[i] - 0xA0];
            }
        }

        var view = new string(chars);
        int candidates = 0, votes = 0, settled = 0;
        var pos = 0;
        while (pos < text.Length && candidates < MaxScoredWords)
        {
            if (!IsWordChar(text[pos]))
            {
                pos++;
                continue;
            }

            var start = pos;
            var changed = false;
            while (pos < text.Length && IsWordChar(text[pos]))
            {
                changed |= text[pos] != view[pos];
                pos++;
            }

            var word = text.AsSpan(start, pos - start);
            if (pos - start < 2 || word.IndexOfAnyExceptInRange('\u0000', '\u007F') < 0)
            {
                continue;
            }

            if ((++candidates & 0xFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (VietnameseSyllable.IsValid(word))
            {
                // Already Vietnamese (Unicode, or a Latin-1-only word such as "có"): no evidence either way.
                settled++;
            }
            else if (changed && VietnameseSyllable.IsValid(view.AsSpan(start, pos - start)))
            {
                votes++;
            }
        }

        if (votes < 2 || votes * 2 < candidates - settled)
        {
            return false;
        }

        vietnamese = view;
        return true;
    }

    /// <summary>The table the score points to, or null when the text is not legacy-encoded.</summary>
    internal static LegacyEncodingTable? Decide(Score score)
    {
        if (score.Tcvn3 == score.Vni)
        {
            return null;
        }

        var tcvn = score.Tcvn3 > score.Vni;
        var votes = tcvn ? score.Tcvn3 : score.Vni;
        // Words already Vietnamese in Unicode cannot be legacy: they do not dilute the ratio (a page may mix
        // both), but a few legacy-looking words among many Unicode ones are not enough.
        var unambiguous = score.Candidates - score.Native - (tcvn ? score.Tcvn3Ambiguous : score.VniAmbiguous);
        if (votes < 2 || votes * 2 < unambiguous || votes * 4 < score.Native)
        {
            return null;
        }

        return tcvn ? LegacyEncodingTable.Tcvn3 : LegacyEncodingTable.Vni;
    }

    /// <summary>Scores the words of a text (at most <see cref="MaxScoredWords"/> candidates).</summary>
    internal static Score ScoreWords(ReadOnlySpan<char> legacyView, ReadOnlySpan<char> nativeView, CancellationToken cancellationToken = default)
    {
        int candidates = 0, tcvn = 0, tcvnAmbiguous = 0, vni = 0, vniAmbiguous = 0, native = 0, asIsValid = 0;
        Span<char> buffer = stackalloc char[MaxWordLength];
        var tcvnTable = LegacyEncodingTable.Tcvn3;
        var vniTable = LegacyEncodingTable.Vni;
        var i = 0;
        while (i < legacyView.Length && candidates < MaxScoredWords)
        {
            if (!IsWordChar(legacyView[i]))
            {
                i++;
                continue;
            }

            var start = i;
            var high = false;
            while (i < legacyView.Length && IsWordChar(legacyView[i]))
            {
                high |= legacyView[i] >= '\u0080';
                i++;
            }

            if (!high || i - start < 2)
            {
                continue;
            }

            if ((++candidates & 0xFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (i - start > MaxWordLength)
            {
                continue;
            }

            var word = legacyView[start..i];
            var nativeWord = nativeView[start..i];
            var nativeValid = VietnameseSyllable.IsValid(nativeWord);
            if (nativeValid)
            {
                asIsValid++;
                if (HasBeyondLatin1(nativeWord))
                {
                    native++;
                }
            }

            if (ConvertsToSyllable(word, tcvnTable, buffer))
            {
                if (nativeValid)
                {
                    tcvnAmbiguous++;
                }
                else
                {
                    tcvn++;
                }
            }

            if (ConvertsToSyllable(word, vniTable, buffer))
            {
                if (nativeValid)
                {
                    vniAmbiguous++;
                }
                else
                {
                    vni++;
                }
            }
        }

        return new Score(candidates, tcvn, tcvnAmbiguous, vni, vniAmbiguous, native, asIsValid);
    }

    /// <summary>True when the text has a character from U+00A1–U+00FF, which every legacy letter needs.</summary>
    /// <summary>
    /// Cheap gate before scoring: legacy text read through windows-1252 puts Latin-1 characters that Unicode
    /// Vietnamese never uses (¸ µ Þ ä ï ø …) inside words. Text with fewer than two such words is not scored;
    /// ordinary Unicode pages, whose only Latin-1 letters are à á â ã è é ê ì í ò ó ô õ ù ú ý, skip the scoring.
    /// </summary>
    internal static bool MayHoldLegacy(ReadOnlySpan<char> text)
    {
        var words = 0;
        var at = 0;
        while (at < text.Length)
        {
            var found = text[at..].IndexOfAny(ForeignToVietnamese);
            if (found < 0)
            {
                return false;
            }

            var i = at + found;
            var insideWord = (i > 0 && IsWordChar(text[i - 1])) || (i + 1 < text.Length && IsWordChar(text[i + 1]));
            if (insideWord && ++words >= 2)
            {
                return true;
            }

            // Count a word once: skip to its end.
            at = i + 1;
            while (at < text.Length && IsWordChar(text[at]))
            {
                at++;
            }
        }

        return false;
    }

    private static bool IsWordChar(char c) => c is >= '\u00A1' and <= '\u00FF' || CharClass.IsLetter(c);

    private static bool HasVietnameseBeyondLatin1(ReadOnlySpan<char> text) =>
        text.IndexOfAnyInRange('\u0102', '\u01B0') >= 0
        || text.IndexOfAnyInRange('\u1EA0', '\u1EF9') >= 0
        || text.IndexOfAnyInRange('\u0300', '\u0323') >= 0;

    private static bool HasBeyondLatin1(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (c > '\u00FF')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Converts one word with <paramref name="table"/>; true when every non-ASCII character converted and the result is a syllable.</summary>
    private static bool ConvertsToSyllable(ReadOnlySpan<char> word, LegacyEncodingTable table, Span<char> buffer)
    {
        var n = 0;
        var k = 0;
        var converted = false;
        while (k < word.Length)
        {
            var length = table.Match(word[k..], out var letter);
            if (length > 0)
            {
                buffer[n++] = letter;
                k += length;
                converted = true;
                continue;
            }

            if (word[k] >= '\u0080')
            {
                return false;
            }

            buffer[n++] = word[k++];
        }

        return converted && VietnameseSyllable.IsValid(buffer[..n]);
    }

    /// <summary>Writes the converted text line by line; lines that read as Unicode Vietnamese are copied unchanged.</summary>
    private static void Convert<TSink>(ReadOnlySpan<char> legacyView, ReadOnlySpan<char> nativeView, LegacyEncodingTable table, Score whole, ref TSink sink, CancellationToken cancellationToken)
        where TSink : struct, ILegacySink
    {
        // Only a text that holds Unicode Vietnamese somewhere (letters beyond Latin-1, combining marks) needs a
        // verdict per line; elsewhere every line is the legacy text.
        var perLine = whole.Native > 0 || HasVietnameseBeyondLatin1(nativeView);
        var lineStart = 0;
        while (lineStart < legacyView.Length)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var lineEnd = legacyView[lineStart..].IndexOfAny('\n', '\r');
            lineEnd = lineEnd < 0 ? legacyView.Length : lineStart + lineEnd + 1;
            var line = legacyView[lineStart..lineEnd];
            var convert = true;
            if (perLine)
            {
                var score = ScoreWords(line, nativeView[lineStart..lineEnd], cancellationToken);
                var votes = table.Kind == TextEncodingKind.Tcvn3 ? score.Tcvn3 : score.Vni;
                convert = votes > 0 ? votes >= score.Native : score.AsIsValid == 0;
            }

            if (convert)
            {
                ConvertLine(line, lineStart, table, ref sink);
            }
            else
            {
                sink.Copy(nativeView[lineStart..lineEnd], lineStart);
            }

            lineStart = lineEnd;
        }
    }

    private static void ConvertLine<TSink>(ReadOnlySpan<char> line, int offset, LegacyEncodingTable table, ref TSink sink)
        where TSink : struct, ILegacySink
    {
        // TCVN3 has no capitals with tones: a capital-letter font drew the lowercase codes as capitals.
        var capsFont = table.Kind == TextEncodingKind.Tcvn3 && IsCapitalsLine(line);
        var i = 0;
        while (i < line.Length)
        {
            if (!IsWordChar(line[i]))
            {
                var runEnd = i + 1;
                while (runEnd < line.Length && !IsWordChar(line[runEnd]))
                {
                    runEnd++;
                }

                sink.Copy(line[i..runEnd], offset + i);
                i = runEnd;
                continue;
            }

            var end = i;
            while (end < line.Length && IsWordChar(line[end]))
            {
                end++;
            }

            var word = line[i..end];
            var upper = capsFont || (table.Kind == TextEncodingKind.Tcvn3 && IsCapitalsWord(word, table));
            var k = 0;
            while (k < word.Length)
            {
                var length = table.Match(word[k..], out var letter);
                if (length > 0)
                {
                    sink.Append(upper ? CharClass.ToUpperInvariant(letter) : letter, offset + i + k, offset + i + k + length);
                    k += length;
                }
                else
                {
                    sink.Copy(word.Slice(k, 1), offset + i + k);
                    k++;
                }
            }

            i = end;
        }
    }

    /// <summary>A line whose ASCII letters are capitals (four or more of them, at least 80%).</summary>
    private static bool IsCapitalsLine(ReadOnlySpan<char> line)
    {
        var upper = 0;
        var lower = 0;
        foreach (var c in line)
        {
            if (char.IsAsciiLetterUpper(c))
            {
                upper++;
            }
            else if (char.IsAsciiLetterLower(c))
            {
                lower++;
            }
        }

        return upper >= 4 && upper * 5 >= (upper + lower) * 4;
    }

    /// <summary>A word with two or more capitals and no lowercase ASCII letter, as typed with a capital-letter font ("HéI").</summary>
    private static bool IsCapitalsWord(ReadOnlySpan<char> word, LegacyEncodingTable table)
    {
        var upper = 0;
        var k = 0;
        while (k < word.Length)
        {
            var c = word[k];
            if (char.IsAsciiLetterLower(c))
            {
                return false;
            }

            var length = table.Match(word[k..], out var letter);
            if (length > 0)
            {
                upper += char.IsUpper(letter) ? 1 : 0;
                k += length;
                continue;
            }

            upper += char.IsUpper(c) ? 1 : 0;
            k++;
        }

        return upper >= 2;
    }
}

/// <summary>Where converted text goes: a builder with offsets, or a plain string.</summary>
internal interface ILegacySink
{
    /// <summary>Appends one character standing for the source range [start, end).</summary>
    void Append(char c, int start, int end);

    /// <summary>Appends characters copied one for one from the source, starting at <paramref name="start"/>.</summary>
    void Copy(ReadOnlySpan<char> chars, int start);
}

/// <summary>Writes to a <see cref="DerivedTextBuilder"/>, keeping the offset map.</summary>
internal readonly struct BuilderSink(DerivedTextBuilder builder) : ILegacySink
{
    public void Append(char c, int start, int end) => builder.Append(c, start, end);

    public void Copy(ReadOnlySpan<char> chars, int start) => builder.AppendCopy(chars, start);
}

/// <summary>Writes to a <see cref="StringBuilder"/> when no offsets are needed (decoding bytes).</summary>
internal readonly struct StringSink(StringBuilder builder) : ILegacySink
{
    public StringBuilder Builder => builder;

    public void Append(char c, int start, int end) => builder.Append(c);

    public void Copy(ReadOnlySpan<char> chars, int start) => builder.Append(chars);
}

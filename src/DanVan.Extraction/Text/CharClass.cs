using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace DanVan.Extraction.Text;

/// <summary>Character classes the tokenizer and normalizer switch on.</summary>
internal enum CharKind : byte
{
    Other = 0,
    Space,
    /// <summary>Zero-width and format characters (ZWSP, ZWJ, BOM, soft hyphen): invisible, skipped.</summary>
    Invisible,
    LineBreak,
    Lower,
    Upper,
    /// <summary>A letter with no case (rare in this script) or a superscript digit that sticks to a word ("m²").</summary>
    LetterOther,
    CombiningMark,
    Digit,
    Apostrophe,
    Dash,
    Punctuation,
    Symbol,
    HighSurrogate,
    LowSurrogate,
}

/// <summary>
/// One lookup table for the whole Basic Multilingual Plane (64 KiB, built once): the tokenizer's
/// per-character test is an array index, not a call into <see cref="CharUnicodeInfo"/>.
/// </summary>
internal static class CharClass
{
    private static readonly CharKind[] Table = Build();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static CharKind Of(char c) => Table[c];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsLetter(char c)
    {
        var k = Table[c];
        return k is CharKind.Lower or CharKind.Upper or CharKind.LetterOther or CharKind.CombiningMark;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsUpper(char c) => Table[c] == CharKind.Upper;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsDigit(char c) => (uint)(c - '0') <= 9;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsSpaceLike(char c)
    {
        var k = Table[c];
        return k is CharKind.Space or CharKind.LineBreak or CharKind.Invisible;
    }

    // Below U+2000: Latin (Vietnamese letters up to U+1EF9), Greek, Cyrillic and the combining marks. Above it,
    // casing goes to the runtime.
    private const int CaseTableSize = 0x2000;

    private static readonly char[] LowerTable = BuildCase(upper: false);

    private static readonly char[] UpperTable = BuildCase(upper: true);

    /// <summary>
    /// Exactly <see cref="char.ToLowerInvariant(char)"/>, from a table: with ICU the runtime's per-character
    /// casing is a native call for every non-ASCII letter, a tenth of the time of normalizing Vietnamese text.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char ToLowerInvariant(char c) => c < CaseTableSize ? LowerTable[c] : char.ToLowerInvariant(c);

    /// <summary>Exactly <see cref="char.ToUpperInvariant(char)"/>, from a table (see <see cref="ToLowerInvariant(char)"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char ToUpperInvariant(char c) => c < CaseTableSize ? UpperTable[c] : char.ToUpperInvariant(c);

    /// <summary>
    /// Exactly <see cref="string.ToLowerInvariant()"/> of <paramref name="text"/>, from the table when every character
    /// is below U+2000 (the runtime otherwise calls ICU once per string, slowly for short Vietnamese strings).
    /// </summary>
    public static string ToLowerInvariant(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c >= CaseTableSize)
            {
                return new string(text).ToLowerInvariant();
            }
        }

        char[]? rented = null;
        var chars = text.Length <= 256 ? stackalloc char[text.Length] : (rented = ArrayPool<char>.Shared.Rent(text.Length)).AsSpan(0, text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            chars[i] = LowerTable[text[i]];
        }

        var result = new string(chars);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return result;
    }

    // Per character, found on first use: 0 not yet known, 1 stays NFC next to any other such character, 2 may not.
    private static readonly byte[] NfcSafe = new byte[CaseTableSize + 0x100];

    /// <summary>
    /// True when <paramref name="text"/> is NFC, as <see cref="string.IsNormalized(System.Text.NormalizationForm)"/>
    /// says, without the runtime's ICU call for text made only of characters that are NFC on their own and can
    /// neither combine with a neighbour nor be reordered (no combining marks, no Hangul jamo) below U+2100.
    /// </summary>
    public static bool IsNormalizedFormC(string text)
    {
        foreach (var c in text)
        {
            if (c >= NfcSafe.Length || !IsNfcSafe(c))
            {
                return text.IsNormalized(System.Text.NormalizationForm.FormC);
            }
        }

        return true;
    }

    private static bool IsNfcSafe(char c)
    {
        var known = NfcSafe[c];
        if (known == 0)
        {
            // Characters that may compose with the one before them (NFC quick check "maybe") are combining marks or
            // Hangul vowel and final jamo; characters that never occur in NFC (quick check "no") fail on their own.
            var mark = CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
            var safe = !mark && c is not (>= '\u1100' and <= '\u11FF') && !char.IsSurrogate(c) && c.ToString().IsNormalized(System.Text.NormalizationForm.FormC);
            NfcSafe[c] = known = safe ? (byte)1 : (byte)2;
        }

        return known == 1;
    }

    private static char[] BuildCase(bool upper)
    {
        var table = new char[CaseTableSize];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = upper ? char.ToUpperInvariant((char)i) : char.ToLowerInvariant((char)i);
        }

        return table;
    }

    private static CharKind[] Build()
    {
        var table = new CharKind[65536];
        for (var i = 0; i < table.Length; i++)
        {
            var c = (char)i;
            table[i] = CharUnicodeInfo.GetUnicodeCategory(c) switch
            {
                UnicodeCategory.LowercaseLetter => CharKind.Lower,
                UnicodeCategory.UppercaseLetter or UnicodeCategory.TitlecaseLetter => CharKind.Upper,
                UnicodeCategory.OtherLetter or UnicodeCategory.ModifierLetter => CharKind.LetterOther,
                UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => CharKind.CombiningMark,
                UnicodeCategory.DecimalDigitNumber => c is >= '0' and <= '9' ? CharKind.Digit : CharKind.LetterOther,
                UnicodeCategory.OtherNumber or UnicodeCategory.LetterNumber => CharKind.LetterOther,
                UnicodeCategory.SpaceSeparator => CharKind.Space,
                UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => CharKind.LineBreak,
                UnicodeCategory.Format => CharKind.Invisible,
                UnicodeCategory.Control => c is '\n' or '\r' or '\u0085' ? CharKind.LineBreak : c is '\t' or '\v' or '\f' ? CharKind.Space : CharKind.Invisible,
                UnicodeCategory.DashPunctuation => CharKind.Dash,
                UnicodeCategory.Surrogate => char.IsHighSurrogate(c) ? CharKind.HighSurrogate : CharKind.LowSurrogate,
                UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol => CharKind.Symbol,
                UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned => CharKind.Other,
                _ => CharKind.Punctuation,
            };
        }

        // Apostrophes join ethnic-minority name parts ("H’Loan", "Ea H'leo"); the tokenizer decides by context.
        table['\''] = CharKind.Apostrophe;
        table['\u2019'] = CharKind.Apostrophe;
        table['\u02BC'] = CharKind.Apostrophe;
        table['\u2018'] = CharKind.Apostrophe;
        // The minus sign behaves as a dash in running text ("2017 − 2020").
        table['\u2212'] = CharKind.Dash;
        // Soft hyphen is a format character in Unicode; treat it as invisible.
        table['\u00AD'] = CharKind.Invisible;
        // Vertical tab, form feed and NEL.
        table['\u000B'] = CharKind.Space;
        return table;
    }
}

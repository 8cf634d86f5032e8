using System.Text;

namespace DanVan.Extraction.Text;

/// <summary>Where a syllable's tone mark goes in the vowel pairs "oa", "oe", "uy" of an open syllable.</summary>
public enum ToneMarkStyle
{
    /// <summary>The canonical style of this library: "hòa", "khỏe", "thủy", "quý" (mark on the first vowel of the pair).</summary>
    New,

    /// <summary>"hoà", "khoẻ", "thuỷ", "quý" (mark on the second vowel of the pair).</summary>
    Old,
}

/// <summary>
/// Places the tone mark of one Vietnamese syllable by the spelling rules, which also repairs
/// misplaced marks ("qúy" → "quý", "hoà" → "hòa"). Words that are not well-formed Vietnamese
/// syllables, or that carry no tone mark or more than one, are left as they are.
/// </summary>
internal static class ToneMarks
{
    private const int MaxSyllableLength = 8;

    // Per BMP char: the tone it carries (0 = none, 1..5 = grave, acute, tilde, hook, dot) and the toneless letter.
    private static readonly byte[] ToneOf = new byte[0x1F00];
    private static readonly char[] BaseOf = new char[0x1F00];
    private static readonly Dictionary<(char Base, byte Tone), char> Compose = [];

    static ToneMarks()
    {
        ReadOnlySpan<char> toneMarks = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
        for (var c = 0; c < BaseOf.Length; c++)
        {
            BaseOf[c] = (char)c;
        }

        for (var c = 0x00C0; c < 0x1F00; c++)
        {
            var ch = (char)c;
            if (!char.IsLetter(ch))
            {
                continue;
            }

            var nfd = ch.ToString().Normalize(NormalizationForm.FormD);
            if (nfd.Length < 2)
            {
                continue;
            }

            byte tone = 0;
            var rest = new StringBuilder();
            var valid = true;
            foreach (var m in nfd)
            {
                var t = toneMarks.IndexOf(m);
                if (t >= 0)
                {
                    if (tone != 0)
                    {
                        valid = false;
                    }

                    tone = (byte)(t + 1);
                }
                else
                {
                    rest.Append(m);
                }
            }

            if (!valid || tone == 0)
            {
                continue;
            }

            var baseText = rest.ToString().Normalize(NormalizationForm.FormC);
            if (baseText.Length != 1 || !IsVowelLetter(char.ToLowerInvariant(baseText[0])))
            {
                continue;
            }

            ToneOf[c] = tone;
            BaseOf[c] = baseText[0];
            Compose.TryAdd((baseText[0], tone), ch);
        }
    }

    /// <summary>True when <paramref name="c"/> is a vowel letter carrying a tone mark.</summary>
    public static bool HasTone(char c) => c < ToneOf.Length && ToneOf[c] != 0;

    /// <summary><paramref name="c"/> without its tone mark ("ể" → "ê"); other characters unchanged.</summary>
    public static char StripTone(char c) => c < BaseOf.Length ? BaseOf[c] : c;

    /// <summary>
    /// Rewrites <paramref name="word"/> (NFC, one syllable) in place with its tone mark where
    /// <paramref name="style"/> puts it. Returns true when a character changed.
    /// </summary>
    public static bool Place(Span<char> word, ToneMarkStyle style)
    {
        if (word.Length == 0 || word.Length > MaxSyllableLength)
        {
            return false;
        }

        Span<char> lower = stackalloc char[MaxSyllableLength];
        var tonePos = -1;
        byte tone = 0;
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (c < ToneOf.Length && ToneOf[c] != 0)
            {
                if (tonePos >= 0)
                {
                    return false;
                }

                tonePos = i;
                tone = ToneOf[c];
                c = BaseOf[c];
            }

            var l = CharClass.ToLowerInvariant(c);
            if (!IsVietnameseLetter(l))
            {
                return false;
            }

            lower[i] = l;
        }

        if (tonePos < 0)
        {
            return false;
        }

        var s = lower[..word.Length];
        var initial = InitialLength(s);
        var nucleusEnd = initial;
        while (nucleusEnd < s.Length && IsVowelLetter(s[nucleusEnd]))
        {
            nucleusEnd++;
        }

        var nucleusLength = nucleusEnd - initial;
        if (nucleusLength == 0 || nucleusLength > 3 || !IsCoda(s[nucleusEnd..]))
        {
            return false;
        }

        var target = initial + TonePosition(s.Slice(initial, nucleusLength), hasCoda: nucleusEnd < s.Length, style);
        if (target == tonePos)
        {
            return false;
        }

        var from = word[tonePos];
        var to = word[target];
        var fromBase = BaseOf[from];
        var toBase = to < BaseOf.Length ? BaseOf[to] : to;
        if (!Compose.TryGetValue((toBase, tone), out var toned))
        {
            return false;
        }

        word[tonePos] = fromBase;
        word[target] = toned;
        return true;
    }

    private static int TonePosition(ReadOnlySpan<char> nucleus, bool hasCoda, ToneMarkStyle style)
    {
        var horned = nucleus.IndexOf('ơ');
        if (horned >= 0)
        {
            return horned;
        }

        var shaped = nucleus.LastIndexOfAny("ăâêôư");
        if (shaped >= 0)
        {
            return shaped;
        }

        if (nucleus.Length == 1)
        {
            return 0;
        }

        if (hasCoda)
        {
            return nucleus.Length - 1;
        }

        if (nucleus.Length == 3)
        {
            return 1;
        }

        var pairWithMovableMark = nucleus is "oa" or "oe" or "uy";
        return pairWithMovableMark && style == ToneMarkStyle.Old ? 1 : 0;
    }

    private static int InitialLength(ReadOnlySpan<char> s)
    {
        static bool VowelAt(ReadOnlySpan<char> s, int i) => i < s.Length && IsVowelLetter(s[i]);

        if (s.StartsWith("ngh"))
        {
            return 3;
        }

        if ((s.StartsWith("gi") || s.StartsWith("qu")) && VowelAt(s, 2))
        {
            return 2;
        }

        if (s.StartsWith("ng") || s.StartsWith("nh") || s.StartsWith("ch") || s.StartsWith("gh")
            || s.StartsWith("kh") || s.StartsWith("ph") || s.StartsWith("th") || s.StartsWith("tr"))
        {
            return 2;
        }

        return s.Length > 0 && !IsVowelLetter(s[0]) ? 1 : 0;
    }

    private static bool IsCoda(ReadOnlySpan<char> s) =>
        s is "" or "c" or "ch" or "m" or "n" or "ng" or "nh" or "p" or "t";

    private static bool IsVowelLetter(char c) => c is 'a' or 'ă' or 'â' or 'e' or 'ê' or 'i' or 'o' or 'ô' or 'ơ' or 'u' or 'ư' or 'y';

    private static bool IsVietnameseLetter(char c) =>
        IsVowelLetter(c) || c is 'b' or 'c' or 'd' or 'đ' or 'g' or 'h' or 'k' or 'l' or 'm' or 'n' or 'p' or 'q' or 'r' or 's' or 't' or 'v' or 'x';
}

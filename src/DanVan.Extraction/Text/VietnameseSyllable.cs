using System.Text;

namespace DanVan.Extraction.Text;

/// <summary>
/// Tells whether a word is spelled like one Vietnamese syllable: onset, vowel nucleus and coda from the
/// spelling rules, at most one tone mark, and only the sắc or nặng tone before the stops c, ch, p, t.
/// Used to judge which reading of legacy bytes gives Vietnamese; precomposed letters, combining marks
/// (NFD or windows-1258 text) and either case are accepted. Thread-safe (immutable tables).
/// </summary>
internal static class VietnameseSyllable
{
    private const int MaxLength = 10;
    private const byte Grave = 1;
    private const byte Acute = 2;
    private const byte Tilde = 3;
    private const byte Hook = 4;
    private const byte Dot = 5;

    // Per char below U+1F00 (lowercase): the tone it carries and its letter without the tone.
    private static readonly byte[] ToneOf = new byte[0x1F00];
    private static readonly char[] BaseOf = new char[0x1F00];

    static VietnameseSyllable()
    {
        for (var c = 0; c < BaseOf.Length; c++)
        {
            BaseOf[c] = (char)c;
        }

        for (var c = 0x00C0; c < 0x1F00; c++)
        {
            var ch = (char)c;
            if (!char.IsLower(ch))
            {
                continue;
            }

            // The tone is not always the last mark: canonical order puts the dot below before a circumflex ("ệ").
            var nfd = ch.ToString().Normalize(NormalizationForm.FormD);
            var at = -1;
            for (var k = 1; k < nfd.Length; k++)
            {
                at = ToneOfMark(nfd[k]) != 0 ? k : at;
            }

            if (at < 0)
            {
                continue;
            }

            var tone = ToneOfMark(nfd[at]);
            var rest = nfd.Remove(at, 1).Normalize(NormalizationForm.FormC);
            if (rest.Length == 1 && IsVowel(rest[0]))
            {
                ToneOf[c] = tone;
                BaseOf[c] = rest[0];
            }
        }
    }

    /// <summary>True when <paramref name="word"/> is spelled like one Vietnamese syllable.</summary>
    public static bool IsValid(ReadOnlySpan<char> word)
    {
        if (word.Length == 0 || word.Length > MaxLength * 2)
        {
            return false;
        }

        Span<char> s = stackalloc char[MaxLength];
        var n = 0;
        byte tone = 0;
        foreach (var raw in word)
        {
            var markTone = ToneOfMark(raw);
            if (markTone != 0)
            {
                if (tone != 0 || n == 0 || !IsVowel(s[n - 1]))
                {
                    return false;
                }

                tone = markTone;
                continue;
            }

            if (raw is '\u0302' or '\u0306' or '\u031B')
            {
                if (n == 0 || !TryShape(ref s[n - 1], raw))
                {
                    return false;
                }

                continue;
            }

            if (n == MaxLength)
            {
                return false;
            }

            var c = CharClass.ToLowerInvariant(raw);
            if (c < ToneOf.Length && ToneOf[c] != 0)
            {
                if (tone != 0)
                {
                    return false;
                }

                tone = ToneOf[c];
                c = BaseOf[c];
            }

            if (!IsVowel(c) && !IsConsonant(c))
            {
                return false;
            }

            s[n++] = c;
        }

        return IsValidToneless(s[..n], tone);
    }

    private static bool IsValidToneless(ReadOnlySpan<char> s, byte tone)
    {
        var onset = OnsetLength(s);
        if (onset < 0)
        {
            return false;
        }

        var rest = s[onset..];
        var codaStart = rest.Length;
        while (codaStart > 0 && !IsVowel(rest[codaStart - 1]))
        {
            codaStart--;
        }

        var nucleus = rest[..codaStart];
        var coda = rest[codaStart..];
        if (nucleus.Length == 0 || nucleus.Length > 3)
        {
            return false;
        }

        var closed = coda.Length > 0;
        var nucleusOk = IsEitherNucleus(nucleus) || (closed ? IsClosedOnlyNucleus(nucleus) : IsOpenOnlyNucleus(nucleus));
        if (!nucleusOk || !IsCoda(coda))
        {
            return false;
        }

        var last = nucleus[^1];
        if (coda is "ch" or "nh" && last is not ('a' or 'ê' or 'i' or 'y'))
        {
            return false;
        }

        if (coda is "c" or "ng" && (last is 'i' or 'y' || (last == 'ê' && coda is "c")))
        {
            return false;
        }

        if (coda is "c" or "ch" or "p" or "t" && tone is Grave or Tilde or Hook)
        {
            return false;
        }

        // k, gh, ngh come before i, e, ê (and k before y); c, g, ng never do.
        var first = nucleus[0];
        var frontVowel = first is 'i' or 'e' or 'ê' or 'y';
        var onsetText = s[..onset];
        if (onsetText is "k" or "gh" or "ngh")
        {
            return frontVowel;
        }

        return !(frontVowel && onsetText is "c" or "ng" || (onsetText is "g" && first is 'e' or 'ê'));
    }

    /// <summary>The onset's length, or -1 when the consonants at the start are not a Vietnamese onset.</summary>
    private static int OnsetLength(ReadOnlySpan<char> s)
    {
        var consonants = 0;
        while (consonants < s.Length && !IsVowel(s[consonants]))
        {
            consonants++;
        }

        var head = s[..consonants];
        if (head is "q")
        {
            // "qu" + vowel: the u belongs to the onset.
            return s.Length > 2 && s[1] == 'u' && IsVowel(s[2]) ? 2 : -1;
        }

        if (head is "g" && s.Length > 2 && s[1] == 'i' && IsVowel(s[2]))
        {
            // "gi" + vowel ("gia", "giữa"); "gì", "gìn" keep i as the nucleus.
            return 2;
        }

        return head is "" or "b" or "c" or "d" or "đ" or "g" or "h" or "k" or "l" or "m" or "n" or "p" or "r" or "s" or "t" or "v" or "x"
            or "ch" or "gh" or "kh" or "ng" or "nh" or "ph" or "th" or "tr" or "ngh"
            ? consonants
            : -1;
    }

    // Nuclei (vowel groups, without tone): open only (they end in a glide), closed only, or either.
    private static bool IsOpenOnlyNucleus(ReadOnlySpan<char> s) =>
        s is "ai" or "ao" or "au" or "ay" or "âu" or "ây" or "eo" or "êu" or "ia" or "iu" or "oi" or "ôi" or "ơi" or "ui" or "ưi"
            or "ưu" or "ua" or "ưa" or "uơ" or "oai" or "oao" or "oay" or "oeo" or "uây" or "uôi" or "ươi" or "ươu" or "uya"
            or "uyu" or "yêu" or "iêu";

    private static bool IsClosedOnlyNucleus(ReadOnlySpan<char> s) =>
        s is "ă" or "â" or "iê" or "yê" or "uô" or "ươ" or "oă" or "uâ" or "uyê" or "oo";

    private static bool IsEitherNucleus(ReadOnlySpan<char> s) =>
        s is "a" or "e" or "ê" or "i" or "o" or "ô" or "ơ" or "u" or "ư" or "y" or "oa" or "oe" or "uê" or "uy";

    private static bool IsCoda(ReadOnlySpan<char> s) => s is "" or "c" or "ch" or "m" or "n" or "ng" or "nh" or "p" or "t";

    private static bool TryShape(ref char c, char mark)
    {
        var shaped = (c, mark) switch
        {
            ('a', '\u0302') => 'â',
            ('e', '\u0302') => 'ê',
            ('o', '\u0302') => 'ô',
            ('a', '\u0306') => 'ă',
            ('o', '\u031B') => 'ơ',
            ('u', '\u031B') => 'ư',
            _ => '\0',
        };
        if (shaped == '\0')
        {
            return false;
        }

        c = shaped;
        return true;
    }

    private static byte ToneOfMark(char c) => c switch
    {
        '\u0300' or '\u0340' => Grave,
        '\u0301' or '\u0341' => Acute,
        '\u0303' => Tilde,
        '\u0309' => Hook,
        '\u0323' => Dot,
        _ => 0,
    };

    private static bool IsVowel(char c) => c is 'a' or 'ă' or 'â' or 'e' or 'ê' or 'i' or 'o' or 'ô' or 'ơ' or 'u' or 'ư' or 'y';

    private static bool IsConsonant(char c) =>
        c is 'b' or 'c' or 'd' or 'đ' or 'g' or 'h' or 'k' or 'l' or 'm' or 'n' or 'p' or 'q' or 'r' or 's' or 't' or 'v' or 'x';
}

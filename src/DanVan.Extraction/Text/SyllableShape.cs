namespace DanVan.Extraction.Text;

/// <summary>
/// Whether a lowercase token is spelled like a Vietnamese syllable: Vietnamese letters only, a known
/// initial consonant, at most three vowels, a known final consonant. Foreign words ("Environment",
/// "Games") fail, which tells the segmenter that a capitalized run is not a Vietnamese name.
/// </summary>
internal static class SyllableShape
{
    public static bool IsVietnamese(ReadOnlySpan<char> lower)
    {
        if (lower.IsEmpty || lower.Length > 8)
        {
            return false;
        }

        Span<char> plain = stackalloc char[8];
        for (var k = 0; k < lower.Length; k++)
        {
            var c = ToneMarks.StripTone(lower[k]);
            if (!IsLetter(c))
            {
                return false;
            }

            plain[k] = c;
        }

        var s = plain[..lower.Length];
        var i = InitialLength(s);
        var nucleus = i;
        while (nucleus < s.Length && IsVowel(s[nucleus]))
        {
            nucleus++;
        }

        var vowels = nucleus - i;
        if (vowels is 0 or > 3)
        {
            // "gi" alone ("gì") is a syllable whose vowel is the i of the initial.
            return vowels == 0 && s.Length == 2 && s[0] == 'g' && s[1] == 'i';
        }

        return s[nucleus..] is "" or "c" or "ch" or "m" or "n" or "ng" or "nh" or "p" or "t";
    }

    private static int InitialLength(ReadOnlySpan<char> s)
    {
        if (s.StartsWith("ngh"))
        {
            return 3;
        }

        if ((s.StartsWith("gi") || s.StartsWith("qu")) && s.Length > 2 && IsVowel(s[2]))
        {
            return 2;
        }

        if (s.Length >= 2 && (s.StartsWith("ng") || s.StartsWith("nh") || s.StartsWith("ch") || s.StartsWith("gh")
            || s.StartsWith("kh") || s.StartsWith("ph") || s.StartsWith("th") || s.StartsWith("tr")))
        {
            return 2;
        }

        return IsVowel(s[0]) ? 0 : 1;
    }

    private static bool IsVowel(char c) => c is 'a' or 'ă' or 'â' or 'e' or 'ê' or 'i' or 'o' or 'ô' or 'ơ' or 'u' or 'ư' or 'y';

    private static bool IsLetter(char c) =>
        IsVowel(c) || c is 'b' or 'c' or 'd' or 'đ' or 'g' or 'h' or 'k' or 'l' or 'm' or 'n' or 'p' or 'q' or 'r' or 's' or 't' or 'v' or 'x';
}

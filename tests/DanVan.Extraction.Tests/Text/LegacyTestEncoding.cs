using System.Globalization;
using System.Text;
using DanVan.Extraction.Text;

namespace DanVan.Extraction.Tests.Text;

/// <summary>Test-only encoders: Unicode → legacy text, built from the same tables the library decodes with.</summary>
internal static class LegacyTestEncoding
{
    static LegacyTestEncoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>Every Vietnamese letter with a diacritic, lowercase, NFC (67 letters).</summary>
    public static IReadOnlyList<string> LowercaseLetters { get; } = BuildLetters();

    /// <summary>
    /// Encodes <paramref name="unicode"/> (NFC) with <paramref name="table"/>; the result is a string of Latin-1
    /// characters, one per legacy byte. TCVN3 capitals with tones take the lowercase code, as the capital fonts did.
    /// Throws when a character cannot be written.
    /// </summary>
    public static string Encode(string unicode, LegacyEncodingTable table)
    {
        var byLetter = new Dictionary<char, string>();
        foreach (var (legacy, letter) in table.Entries)
        {
            byLetter.Add(letter, legacy);
        }

        var sb = new StringBuilder();
        foreach (var c in unicode)
        {
            if (byLetter.TryGetValue(c, out var legacy))
            {
                sb.Append(legacy);
            }
            else if (table.Kind == TextEncodingKind.Tcvn3 && char.IsUpper(c) && byLetter.TryGetValue(char.ToLowerInvariant(c), out var lower))
            {
                sb.Append(lower);
            }
            else if (c < '\u0080')
            {
                sb.Append(c);
            }
            else
            {
                throw new ArgumentException($"'{c}' (U+{(int)c:X4}) has no {table.Kind} code.", nameof(unicode));
            }
        }

        return sb.ToString();
    }

    /// <summary>The bytes of a Latin-1 string (each char is one byte).</summary>
    public static byte[] Latin1Bytes(string legacy)
    {
        var bytes = new byte[legacy.Length];
        for (var i = 0; i < legacy.Length; i++)
        {
            bytes[i] = checked((byte)legacy[i]);
        }

        return bytes;
    }

    /// <summary>
    /// windows-1258 bytes the way Vietnamese Windows wrote them: the text decomposed so that each tone is a
    /// combining mark after a base letter that keeps its shape (ê, ơ, ă …); fails on anything unmappable.
    /// </summary>
    public static byte[] Windows1258Bytes(string unicode)
    {
        var encoding = Encoding.GetEncoding(1258, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        return encoding.GetBytes(DecomposeTones(unicode));
    }

    /// <summary>Each toned letter as base letter (shape kept, NFC) + combining tone mark.</summary>
    public static string DecomposeTones(string unicode)
    {
        var sb = new StringBuilder();
        foreach (var c in unicode)
        {
            var nfd = c.ToString().Normalize(NormalizationForm.FormD);
            var tone = string.Empty;
            var rest = new StringBuilder();
            foreach (var m in nfd)
            {
                if (m is '\u0300' or '\u0301' or '\u0303' or '\u0309' or '\u0323')
                {
                    tone += m;
                }
                else
                {
                    rest.Append(m);
                }
            }

            sb.Append(rest.ToString().Normalize(NormalizationForm.FormC)).Append(tone);
        }

        return sb.ToString();
    }

    private static List<string> BuildLetters()
    {
        var letters = new List<string> { "ă", "â", "đ", "ê", "ô", "ơ", "ư" };
        string[] bases = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"];
        string[] tones = ["\u0300", "\u0309", "\u0303", "\u0301", "\u0323"];
        foreach (var b in bases)
        {
            foreach (var t in tones)
            {
                letters.Add((b + t).Normalize(NormalizationForm.FormC));
            }
        }

        foreach (var letter in letters)
        {
            if (letter.Length != 1)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{letter} does not compose"));
            }
        }

        return letters;
    }
}

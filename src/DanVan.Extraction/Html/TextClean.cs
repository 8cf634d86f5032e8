using System.Buffers;
using System.Text;
using DanVan.Extraction.Text;

namespace DanVan.Extraction.Html;

/// <summary>The two text forms the reader uses: the clean page text (kept) and a match key (compared).</summary>
internal static class TextClean
{
    /// <summary>NFC, every whitespace run (no-break, tab, line break, zero-width) → one space, trimmed.</summary>
    public static string Collapse(ReadOnlySpan<char> text)
    {
        char[]? rented = null;
        var buffer = text.Length <= 256 ? stackalloc char[text.Length] : (rented = ArrayPool<char>.Shared.Rent(text.Length));
        var n = 0;
        var pendingSpace = false;
        var high = '\0';
        foreach (var c in text)
        {
            switch (CharClass.Of(c))
            {
                case CharKind.Space or CharKind.LineBreak:
                    pendingSpace = n > 0;
                    continue;
                case CharKind.Invisible:
                    continue;
            }

            if (pendingSpace)
            {
                buffer[n++] = ' ';
                pendingSpace = false;
            }

            buffer[n++] = c;
            high = c > high ? c : high;
        }

        var s = new string(buffer[..n]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        // Below U+0300 (the combining marks) every character is NFC whatever follows it.
        return high < '\u0300' || CharClass.IsNormalizedFormC(s) ? s : s.Normalize(NormalizationForm.FormC);
    }

    /// <summary><see cref="Collapse(ReadOnlySpan{char})"/> of a builder's text, without making a string of it first.</summary>
    public static string Collapse(StringBuilder text)
    {
        char[]? rented = null;
        var buffer = text.Length <= 256 ? stackalloc char[text.Length] : (rented = ArrayPool<char>.Shared.Rent(text.Length));
        text.CopyTo(0, buffer, text.Length);
        var s = Collapse(buffer[..text.Length]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return s;
    }

    /// <summary>A comparison key: <see cref="TextNormalizer"/> output, lower-cased, on one line.</summary>
    public static string Key(string text)
    {
        var memo = LineMemo.Current;
        if (memo is null)
        {
            return MakeKey(text);
        }

        if (!memo.TryGetKey(text, out var key))
        {
            key = MakeKey(text);
            memo.AddKey(text, key);
        }

        return key;
    }

    private static string MakeKey(string text)
    {
        var normalized = TextNormalizer.Default.Normalize(text).Text;
        return CharClass.ToLowerInvariant(normalized.Replace('\n', ' '));
    }

    /// <summary>The key without punctuation and spaces: letters and digits only ("EmailPrintAa" → "emailprintaa").</summary>
    public static string LettersKey(string text)
    {
        var key = Key(text);
        var sb = new StringBuilder(key.Length);
        foreach (var c in key)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    public static int CountWords(string text)
    {
        var n = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                inWord = false;
            }
            else if (!inWord)
            {
                inWord = true;
                n++;
            }
        }

        return n;
    }

    /// <summary>True when the line ends as a sentence does: . ! ? … ; : possibly followed by a closing quote or bracket.</summary>
    public static bool EndsLikeSentence(string text)
    {
        var i = text.Length - 1;
        while (i >= 0 && text[i] is '"' or '\'' or '”' or '’' or ')' or '»' or ']' or ' ')
        {
            i--;
        }

        return i >= 0 && text[i] is '.' or '!' or '?' or '…' or ';' or ':';
    }

    public static bool HasLetter(string text)
    {
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }
}

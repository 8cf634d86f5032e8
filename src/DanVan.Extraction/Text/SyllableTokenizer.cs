namespace DanVan.Extraction.Text;

/// <summary>
/// Splits Vietnamese text into syllables, numbers, dates and times, abbreviations, punctuation,
/// URLs and e-mail addresses. Allocation-free: enumerate with <c>foreach</c> over
/// <see cref="Tokenize(ReadOnlySpan{char})"/>. Thread-safe (it has no state).
/// </summary>
/// <remarks>
/// Offsets are indices into the span given. Whitespace, line breaks and invisible characters
/// (zero-width space, soft hyphen, BOM) separate tokens and are never part of one. Any input is
/// accepted: lone surrogates and control characters become <see cref="TokenKind.Other"/> tokens.
/// </remarks>
public static class SyllableTokenizer
{
    /// <summary>Enumerates the tokens of <paramref name="text"/>.</summary>
    public static TokenEnumerator Tokenize(ReadOnlySpan<char> text) => new(text);

    /// <summary>Counts the tokens of <paramref name="text"/> without storing them.</summary>
    public static int Count(ReadOnlySpan<char> text)
    {
        var count = 0;
        foreach (var _ in Tokenize(text))
        {
            count++;
        }

        return count;
    }

    /// <summary>Collects the tokens of <paramref name="text"/> into a new list.</summary>
    public static List<Token> ToList(ReadOnlySpan<char> text)
    {
        var list = new List<Token>();
        foreach (var t in Tokenize(text))
        {
            list.Add(t);
        }

        return list;
    }
}

/// <summary>The allocation-free enumerator behind <see cref="SyllableTokenizer.Tokenize(ReadOnlySpan{char})"/>.</summary>
public ref struct TokenEnumerator
{
    private readonly ReadOnlySpan<char> _text;
    private int _position;
    private Token _current;
    private bool _previousWasCapitalizedSyllable;

    internal TokenEnumerator(ReadOnlySpan<char> text)
    {
        _text = text;
        _position = 0;
        _current = default;
        _previousWasCapitalizedSyllable = false;
    }

    /// <summary>The token the enumerator is on.</summary>
    public readonly Token Current => _current;

    /// <summary>Index where the next token search starts.</summary>
    internal readonly int Position => _position;

    /// <summary>Returns this enumerator (for <c>foreach</c>).</summary>
    public readonly TokenEnumerator GetEnumerator() => this;

    /// <summary>Advances to the next token; false at the end of the text.</summary>
    public bool MoveNext()
    {
        var text = _text;
        var i = _position;
        while (i < text.Length && CharClass.IsSpaceLike(text[i]))
        {
            i++;
        }

        if (i >= text.Length)
        {
            _position = text.Length;
            return false;
        }

        var start = i;
        var c = text[i];
        TokenKind kind;
        int end;
        switch (CharClass.Of(c))
        {
            case CharKind.Lower:
            case CharKind.Upper:
            case CharKind.LetterOther:
            case CharKind.CombiningMark:
                kind = ReadWord(text, start, out end);
                break;
            case CharKind.Digit:
                kind = ReadNumber(text, start, out end);
                break;
            case CharKind.Punctuation:
                kind = TokenKind.Punctuation;
                end = ReadPunctuation(text, start);
                break;
            case CharKind.Apostrophe:
            case CharKind.Dash:
                kind = TokenKind.Punctuation;
                end = start + 1;
                break;
            case CharKind.HighSurrogate:
                kind = TokenKind.Other;
                end = start + 1 < text.Length && char.IsLowSurrogate(text[start + 1]) ? start + 2 : start + 1;
                break;
            default:
                kind = TokenKind.Other;
                end = start + 1;
                break;
        }

        _current = new Token(start, end - start, kind);
        _previousWasCapitalizedSyllable = kind == TokenKind.Syllable && CharClass.IsUpper(c);
        _position = end;
        return true;
    }

    private readonly TokenKind ReadWord(ReadOnlySpan<char> text, int start, out int end)
    {
        if (TryReadUrl(text, start, out end))
        {
            return TokenKind.Url;
        }

        var j = ScanLetters(text, start);
        var runLength = j - start;
        var joinedByApostrophe = false;

        // "H’Loan", "M'Nông", "Ea H'leo": a one- or two-letter prefix joined by an apostrophe.
        while (j + 1 < text.Length && CharClass.Of(text[j]) == CharKind.Apostrophe && j - start <= 2
               && CharClass.IsLetter(text[j + 1]) && !joinedByApostrophe)
        {
            j = ScanLetters(text, j + 1);
            joinedByApostrophe = true;
        }

        if (joinedByApostrophe)
        {
            end = j;
            return TokenKind.Syllable;
        }

        if (j < text.Length)
        {
            var next = text[j];
            if ((next is '@' or '.' or '_' or '-' or '+' || CharClass.IsDigit(next)) && TryReadEmail(text, start, out end))
            {
                return TokenKind.Email;
            }

            if (next == '.' && TryReadBareDomain(text, start, out end))
            {
                return TokenKind.Url;
            }
        }

        var run = text.Slice(start, runLength);
        if (j < text.Length && text[j] == '.')
        {
            // "v.v." (etc.)
            if (runLength == 1 && run[0] == 'v' && j + 1 < text.Length && text[j + 1] == 'v')
            {
                end = j + 2 < text.Length && text[j + 2] == '.' ? j + 3 : j + 2;
                return TokenKind.Abbreviation;
            }

            if (runLength == 1 && CharClass.IsUpper(run[0]))
            {
                // Initials: "K.M", "P.V.Thành" (chained), or "Nguyễn V. Anh" after a capitalized syllable.
                if (j + 1 < text.Length && CharClass.IsUpper(text[j + 1]))
                {
                    end = ScanInitials(text, start);
                    return TokenKind.Abbreviation;
                }

                if (_previousWasCapitalizedSyllable && j + 2 < text.Length && text[j + 1] == ' ' && CharClass.IsUpper(text[j + 2]))
                {
                    end = j + 1;
                    return TokenKind.Abbreviation;
                }
            }

            if (IsDottedAbbreviation(run))
            {
                end = j + 1;
                return TokenKind.Abbreviation;
            }
        }

        // "T/h" (tổng hợp), "K/H": short letter groups around a slash.
        if (runLength <= 2 && j + 1 < text.Length && text[j] == '/' && CharClass.IsLetter(text[j + 1]))
        {
            var k = ScanLetters(text, j + 1);
            if (k - (j + 1) <= 2 && (k >= text.Length || !CharClass.IsLetter(text[k])))
            {
                end = k;
                return TokenKind.Abbreviation;
            }
        }

        end = j;
        if (IsAbbreviationShaped(run))
        {
            // "UB MTTQ" is written as two capital groups but read as one name.
            if (run.SequenceEqual("UB") && j + 2 < text.Length && text[j] == ' ' && CharClass.IsUpper(text[j + 1]))
            {
                var k = ScanLetters(text, j + 1);
                if (k - (j + 1) >= 2 && IsAbbreviationShaped(text[(j + 1)..k]))
                {
                    end = k;
                }
            }

            return TokenKind.Abbreviation;
        }

        return TokenKind.Syllable;
    }

    private static int ScanLetters(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && CharClass.IsLetter(text[i]))
        {
            i++;
        }

        return i;
    }

    private static int ScanInitials(ReadOnlySpan<char> text, int i)
    {
        // Pattern: (Upper '.')+ Upper? — stops before a lowercase continuation ("P.V.Thành" keeps "Thành" apart).
        while (i + 1 < text.Length && CharClass.IsUpper(text[i]) && text[i + 1] == '.')
        {
            i += 2;
        }

        if (i < text.Length && CharClass.IsUpper(text[i]) && (i + 1 >= text.Length || !CharClass.IsLetter(text[i + 1])))
        {
            i++;
        }

        return i;
    }

    /// <summary>Two or more capitals, or a capital-led run with a capital inside ("HĐND", "ThS", "UBMTTQ").</summary>
    private static bool IsAbbreviationShaped(ReadOnlySpan<char> run)
    {
        if (run.Length < 2 || !CharClass.IsUpper(run[0]))
        {
            return false;
        }

        var uppers = 0;
        foreach (var ch in run)
        {
            if (CharClass.IsUpper(ch))
            {
                uppers++;
            }
            else if (CharClass.Of(ch) == CharKind.CombiningMark)
            {
                continue;
            }
        }

        return uppers >= 2;
    }

    private static bool IsDottedAbbreviation(ReadOnlySpan<char> run) =>
        run is "TP" or "Tp" or "tp" or "TX" or "Tx" or "TS" or "GS" or "PGS" or "ThS" or "Ths" or "BS" or "KS" or "Th" or "TT" or "Q" or "P" or "H" or "St";

    private static bool TryReadUrl(ReadOnlySpan<char> text, int start, out int end)
    {
        end = start;
        var rest = text[start..];
        int prefix;
        if (rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            prefix = 7;
        }
        else if (rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            prefix = 8;
        }
        else if (rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
        {
            prefix = 4;
        }
        else
        {
            return false;
        }

        var j = start + prefix;
        while (j < text.Length && !CharClass.IsSpaceLike(text[j]) && text[j] is not ('"' or '<' or '>' or '“' or '”'))
        {
            j++;
        }

        while (j > start + prefix && text[j - 1] is '.' or ',' or ';' or ':' or '!' or '?' or ')' or ']' or '\'' or '’')
        {
            j--;
        }

        if (j == start + prefix)
        {
            return false;
        }

        end = j;
        return true;
    }

    private static bool TryReadEmail(ReadOnlySpan<char> text, int start, out int end)
    {
        end = start;
        var j = start;
        while (j < text.Length && IsEmailLocal(text[j]))
        {
            j++;
        }

        if (j == start || j >= text.Length || text[j] != '@')
        {
            return false;
        }

        var domainStart = ++j;
        var lastDot = -1;
        while (j < text.Length && (char.IsAsciiLetterOrDigit(text[j]) || text[j] is '-' or '.'))
        {
            if (text[j] == '.')
            {
                lastDot = j;
            }

            j++;
        }

        while (j > domainStart && text[j - 1] == '.')
        {
            j--;
            lastDot = text[domainStart..j].LastIndexOf('.') is var d and >= 0 ? domainStart + d : -1;
        }

        if (lastDot < 0 || j - lastDot - 1 < 2)
        {
            return false;
        }

        end = j;
        return true;
    }

    private static bool IsEmailLocal(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '+' or '%';

    /// <summary>"danvan.gov.vn", "baodaklak.vn/tin-tuc": dotted ASCII labels ending in a common top-level domain.</summary>
    private static bool TryReadBareDomain(ReadOnlySpan<char> text, int start, out int end)
    {
        end = start;
        var j = start;
        var labels = 0;
        var lastLabelStart = start;
        while (true)
        {
            var labelStart = j;
            while (j < text.Length && (char.IsAsciiLetterOrDigit(text[j]) || text[j] == '-'))
            {
                j++;
            }

            if (j == labelStart)
            {
                return false;
            }

            labels++;
            lastLabelStart = labelStart;
            if (j + 1 < text.Length && text[j] == '.' && char.IsAsciiLetterOrDigit(text[j + 1]))
            {
                j++;
                continue;
            }

            break;
        }

        var tld = text[lastLabelStart..j];
        if (labels < 2 || !(tld is "vn" or "com" or "net" or "org" or "gov" or "edu" or "info"))
        {
            return false;
        }

        if (j < text.Length && text[j] == '/')
        {
            while (j < text.Length && !CharClass.IsSpaceLike(text[j]) && text[j] is not ('"' or '<' or '>' or '“' or '”'))
            {
                j++;
            }

            while (text[j - 1] is '.' or ',' or ';' or ':' or ')' or '!' or '?')
            {
                j--;
            }
        }

        end = j;
        return true;
    }

    private static TokenKind ReadNumber(ReadOnlySpan<char> text, int start, out int end)
    {
        var j = ScanDigits(text, start);
        if (j + 1 < text.Length && CharClass.IsDigit(text[j + 1]))
        {
            var sep = text[j];
            if (sep is '/' or ':' or '-')
            {
                // Count the parts joined by the same separator.
                var parts = 1;
                var k = j;
                Span<int> lengths = stackalloc int[3];
                lengths[0] = j - start;
                while (parts < 3 && k + 1 < text.Length && text[k] == sep && CharClass.IsDigit(text[k + 1]))
                {
                    var partEnd = ScanDigits(text, k + 1);
                    lengths[parts] = partEnd - (k + 1);
                    parts++;
                    k = partEnd;
                }

                var tail = k < text.Length ? text[k] : ' ';
                var gluedToLetters = CharClass.IsLetter(tail) || (tail == sep && k + 1 < text.Length && CharClass.IsLetter(text[k + 1]));
                if (!gluedToLetters && IsDateShaped(sep, parts, lengths))
                {
                    end = k;
                    return TokenKind.DateTime;
                }

                end = j;
                return TokenKind.Number;
            }

            if (sep is '.' or ',')
            {
                var k = j;
                while (k + 1 < text.Length && text[k] is '.' or ',' && CharClass.IsDigit(text[k + 1]))
                {
                    k = ScanDigits(text, k + 1);
                }

                end = k;
                return TokenKind.Number;
            }
        }

        // "285B", "295C": a code (digits then capitals, no space) rather than a number and a word.
        if (j < text.Length && CharClass.IsUpper(text[j]))
        {
            var k = ScanLetters(text, j);
            if (k - j <= 3 && (k >= text.Length || !CharClass.IsLetter(text[k])))
            {
                end = k;
                return TokenKind.Other;
            }
        }

        end = j;
        return TokenKind.Number;
    }

    private static bool IsDateShaped(char sep, int parts, ReadOnlySpan<int> lengths)
    {
        return sep switch
        {
            // d/m, d/m/yy, d/m/yyyy; also "3/5" fractions read as date-like (the recognizers decide).
            '/' => lengths[0] <= 2 && lengths[1] <= 2 && (parts == 2 || lengths[2] is 2 or 4),
            // hh:mm, hh:mm:ss
            ':' => lengths[0] <= 2 && lengths[1] == 2 && (parts == 2 || lengths[2] == 2),
            // yyyy-mm-dd or dd-mm-yyyy, never "2017-2020"
            '-' => parts == 3 && ((lengths[0] == 4 && lengths[1] <= 2 && lengths[2] <= 2) || (lengths[0] <= 2 && lengths[1] <= 2 && lengths[2] == 4)),
            _ => false,
        };
    }

    private static int ScanDigits(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && CharClass.IsDigit(text[i]))
        {
            i++;
        }

        return i;
    }

    private static int ReadPunctuation(ReadOnlySpan<char> text, int start)
    {
        if (text[start] != '.')
        {
            return start + 1;
        }

        // "./." closes many Vietnamese news articles; "..." is one mark.
        if (start + 2 < text.Length && text[start + 1] == '/' && text[start + 2] == '.')
        {
            return start + 3;
        }

        var j = start + 1;
        while (j < text.Length && text[j] == '.')
        {
            j++;
        }

        return j;
    }
}

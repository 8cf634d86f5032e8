namespace DanVan.Extraction.Text;

/// <summary>What a <see cref="Token"/> is.</summary>
public enum TokenKind : byte
{
    /// <summary>A run of letters: a Vietnamese syllable, a foreign word, or an ethnic-minority name part such as "H’Loan".</summary>
    Syllable,

    /// <summary>A number: "74.000", "1,5", "2.743.745" ("." groups thousands, "," is the decimal mark).</summary>
    Number,

    /// <summary>A date or time written with digits: "28/1/2021", "20/9", "18:47", "2023-09-21", "11:14:10".</summary>
    DateTime,

    /// <summary>An abbreviation: "TP.", "T/h", "UBND", "HĐND", "UB MTTQ", "v.v.", an initial such as "K.".</summary>
    Abbreviation,

    /// <summary>One punctuation mark, or a run of dots ("...", "./.").</summary>
    Punctuation,

    /// <summary>A web address ("https://…", "www.…").</summary>
    Url,

    /// <summary>An e-mail address.</summary>
    Email,

    /// <summary>Anything else: symbols, codes such as "285B", characters outside the text's script.</summary>
    Other,
}

/// <summary>
/// A token: an offset range into the text it was read from, and its kind. Tokens carry no
/// string; use <see cref="Slice(ReadOnlySpan{char})"/> or <see cref="ToString(string)"/> on the same text.
/// </summary>
/// <param name="Start">Index of the first character in the tokenized text.</param>
/// <param name="Length">Number of UTF-16 characters.</param>
/// <param name="Kind">What the token is.</param>
public readonly record struct Token(int Start, int Length, TokenKind Kind)
{
    /// <summary>Index one past the last character.</summary>
    public int End => Start + Length;

    /// <summary>The token's characters within <paramref name="text"/> (the text it was read from).</summary>
    public ReadOnlySpan<char> Slice(ReadOnlySpan<char> text) => text.Slice(Start, Length);

    /// <summary>The token's characters as a new string.</summary>
    public string ToString(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Substring(Start, Length);
    }
}

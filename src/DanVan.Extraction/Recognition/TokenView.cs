using DanVan.Extraction.Text;

namespace DanVan.Extraction.Recognition;

/// <summary>
/// A normalized text with its tokens, the publication date, and which tokens sit on page-chrome lines:
/// what the rule recognizers read. Token comparisons are on spans; nothing is allocated per token.
/// </summary>
internal sealed class TokenView
{
    private readonly Token[] _tokens;
    private readonly bool[] _chrome;
    private readonly int[] _line;

    public TokenView(string text, DateOnly? published)
    {
        Text = text;
        Published = published;
        _tokens = [.. SyllableTokenizer.ToList(text)];
        _line = new int[_tokens.Length];
        _chrome = new bool[_tokens.Length];
        var lineNumber = 0;
        var chromeFromHere = false;
        var t = 0;
        var lineStart = 0;
        while (lineStart <= text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            var line = text.AsSpan(lineStart, lineEnd - lineStart);
            var kind = ChromeLines.Classify(line);
            chromeFromHere |= kind == ChromeLineKind.ListHeading;
            var chrome = chromeFromHere || kind != ChromeLineKind.Content;
            while (t < _tokens.Length && _tokens[t].Start < lineEnd)
            {
                _line[t] = lineNumber;
                _chrome[t] = chrome;
                t++;
            }

            lineNumber++;
            lineStart = lineEnd + 1;
        }
    }

    public string Text { get; }

    public DateOnly? Published { get; }

    public int Count => _tokens.Length;

    public Token this[int index] => _tokens[index];

    /// <summary>The characters of token <paramref name="index"/>; empty outside the text, so rules can look past its ends.</summary>
    public ReadOnlySpan<char> Span(int index) =>
        (uint)index < (uint)_tokens.Length ? Text.AsSpan(_tokens[index].Start, _tokens[index].Length) : ReadOnlySpan<char>.Empty;

    public TokenKind Kind(int index) => (uint)index < (uint)_tokens.Length ? _tokens[index].Kind : TokenKind.Other;

    public bool IsChrome(int index) => (uint)index < (uint)_chrome.Length && _chrome[index];

    public bool SameLine(int a, int b) => (uint)a < (uint)_tokens.Length && (uint)b < (uint)_tokens.Length && _line[a] == _line[b];

    /// <summary>True when token <paramref name="index"/> exists and equals <paramref name="word"/>, ignoring case.</summary>
    public bool Is(int index, string word) =>
        (uint)index < (uint)_tokens.Length && Span(index).Equals(word, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the tokens from <paramref name="index"/> spell the space-separated <paramref name="phrase"/>, ignoring case.</summary>
    public bool IsPhrase(int index, string phrase)
    {
        var rest = phrase.AsSpan();
        var i = index;
        while (rest.Length > 0)
        {
            var space = rest.IndexOf(' ');
            var word = space < 0 ? rest : rest[..space];
            if ((uint)i >= (uint)_tokens.Length || !Span(i).Equals(word, StringComparison.OrdinalIgnoreCase) || (i > index && !SameLine(i - 1, i)))
            {
                return false;
            }

            i++;
            rest = space < 0 ? default : rest[(space + 1)..];
        }

        return true;
    }

    /// <summary>Number of tokens in <paramref name="phrase"/>.</summary>
    public static int WordCount(string phrase) => phrase.AsSpan().Count(' ') + 1;

    /// <summary>True when token <paramref name="index"/> is a dash or hyphen (after folding, "-").</summary>
    public bool IsDash(int index) => Kind(index) == TokenKind.Punctuation && Span(index) is "-" or "–" or "—";

    /// <summary>True when token <paramref name="index"/> is a number of 1 to <paramref name="maxDigits"/> plain digits.</summary>
    public bool IsInteger(int index, int maxDigits, out int value)
    {
        value = 0;
        if (Kind(index) != TokenKind.Number)
        {
            return false;
        }

        var s = Span(index);
        if (s.Length > maxDigits)
        {
            return false;
        }

        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    public bool IsYear(int index, out int year) => IsInteger(index, 4, out year) && Span(index).Length == 4 && year is >= 1900 and <= 2100;

    /// <summary>The span from the start of token <paramref name="first"/> to the end of token <paramref name="last"/>.</summary>
    public TextSpan Cover(int first, int last) => TextSpan.FromBounds(_tokens[first].Start, _tokens[last].End);

    public string TextOf(TextSpan span) => Text.Substring(span.Start, span.Length);

    /// <summary>The index of the first token that ends after <paramref name="offset"/> (the token at or after it); <see cref="Count"/> when none.</summary>
    public int IndexAt(int offset)
    {
        int lo = 0, hi = _tokens.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_tokens[mid].End <= offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>The line number of token <paramref name="index"/>.</summary>
    public int LineOf(int index) => _line[index];

    /// <summary>For each token, whether one of <paramref name="mentions"/> overlaps it (linear in tokens plus mentions).</summary>
    public bool[] CoveredBy(IReadOnlyList<EntityMention> mentions)
    {
        var covered = new bool[_tokens.Length];
        foreach (var mention in mentions)
        {
            for (var t = IndexAt(mention.Span.Start); t < _tokens.Length && _tokens[t].Start < mention.Span.End; t++)
            {
                covered[t] = true;
            }
        }

        return covered;
    }
}

namespace DanVan.Extraction.Text;

/// <summary>
/// Splits text into sentences. A sentence ends at a line break, or at ".", "!", "?", "…" or "./."
/// followed by a capital letter, a digit, an opening quote or the end of the text. Abbreviations
/// ("TP.", "v.v.", initials) and decimal marks are tokens of their own, so they never end a sentence.
/// Allocation-free and thread-safe.
/// </summary>
public static class SentenceSplitter
{
    /// <summary>Enumerates the sentence spans of <paramref name="text"/> (trimmed; never empty).</summary>
    public static SentenceEnumerator Split(ReadOnlySpan<char> text) => new(text);

    /// <summary>Collects the sentence spans of <paramref name="text"/> into a new list.</summary>
    public static List<TextSpan> ToList(ReadOnlySpan<char> text)
    {
        var list = new List<TextSpan>();
        foreach (var s in Split(text))
        {
            list.Add(s);
        }

        return list;
    }
}

/// <summary>The allocation-free enumerator behind <see cref="SentenceSplitter.Split(ReadOnlySpan{char})"/>.</summary>
public ref struct SentenceEnumerator
{
    private readonly ReadOnlySpan<char> _text;
    private TokenEnumerator _tokens;
    private bool _hasPending;
    private Token _pending;
    private TextSpan _current;

    internal SentenceEnumerator(ReadOnlySpan<char> text)
    {
        _text = text;
        _tokens = SyllableTokenizer.Tokenize(text);
        _hasPending = false;
        _pending = default;
        _current = default;
    }

    /// <summary>The sentence the enumerator is on.</summary>
    public readonly TextSpan Current => _current;

    /// <summary>Returns this enumerator (for <c>foreach</c>).</summary>
    public readonly SentenceEnumerator GetEnumerator() => this;

    /// <summary>Advances to the next sentence; false at the end of the text.</summary>
    public bool MoveNext()
    {
        Token first;
        if (_hasPending)
        {
            first = _pending;
            _hasPending = false;
        }
        else if (_tokens.MoveNext())
        {
            first = _tokens.Current;
        }
        else
        {
            return false;
        }

        var start = first.Start;
        var last = first;
        var endsHere = IsTerminal(first);
        while (true)
        {
            if (!_tokens.MoveNext())
            {
                break;
            }

            var token = _tokens.Current;
            var lineBreakBetween = ContainsLineBreak(_text[last.End..token.Start]);
            if (lineBreakBetween)
            {
                Hold(token);
                break;
            }

            if (endsHere)
            {
                // Closing quotes and brackets right after the mark stay with the sentence.
                if (token.Kind == TokenKind.Punctuation && IsCloser(_text[token.Start]))
                {
                    last = token;
                    continue;
                }

                if (StartsSentence(token))
                {
                    Hold(token);
                    break;
                }
            }

            last = token;
            endsHere = IsTerminal(token);
        }

        _current = TextSpan.FromBounds(start, last.End);
        return true;
    }

    private void Hold(Token token)
    {
        _pending = token;
        _hasPending = true;
    }

    private readonly bool IsTerminal(Token token)
    {
        if (token.Kind != TokenKind.Punctuation)
        {
            return false;
        }

        var c = _text[token.Start];
        return c is '.' or '!' or '?' or '…';
    }

    private readonly bool StartsSentence(Token token)
    {
        var c = _text[token.Start];
        return token.Kind switch
        {
            TokenKind.Number or TokenKind.DateTime or TokenKind.Abbreviation or TokenKind.Url or TokenKind.Email => true,
            TokenKind.Syllable => CharClass.IsUpper(c),
            TokenKind.Punctuation => c is '"' or '“' or '«' or '(' or '-' or '–' or '—' or '\'' or '‘' or '[' or '•',
            _ => false,
        };
    }

    private static bool IsCloser(char c) => c is '"' or '”' or '»' or ')' or ']' or '’' or '\'';

    private static bool ContainsLineBreak(ReadOnlySpan<char> gap)
    {
        foreach (var c in gap)
        {
            if (CharClass.Of(c) == CharKind.LineBreak)
            {
                return true;
            }
        }

        return false;
    }
}

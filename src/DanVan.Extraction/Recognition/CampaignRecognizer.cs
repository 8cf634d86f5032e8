using System.Text;
using DanVan.Extraction.Text;

namespace DanVan.Extraction.Recognition;

/// <summary>
/// Campaigns: a quoted name after a cue ("phong trào thi đua “Dân vận khéo”", "cuộc vận động …",
/// "mô hình “…”", and the quoted names listed after it), and known movements written without quotes
/// ("phong trào thi đua dân vận khéo"). The span is the name without quotes; the canonical name has its
/// first letter capitalized and its spacing normalized, so quoted and unquoted forms are one campaign.
/// </summary>
internal sealed class CampaignRecognizer : IEntityRecognizer
{
    private const int MaxNameTokens = 30;
    private const int MaxCueDistance = 12;

    // Quoted text after these is a motto or a theme, not a campaign.
    private static readonly string[] NotCampaignCues = ["phương châm", "khẩu hiệu", "quan điểm", "chủ đề", "tinh thần", "thông điệp", "câu nói", "lời dạy"];

    private static readonly string[] Cues =
    [
        "phong trào thi đua", "phong trào", "cuộc vận động", "chương trình", "mô hình", "chiến dịch", "đợt thi đua",
        "cuộc thi", "hội thi", "điển hình", "ngày", "tháng", "đề án", "công trình", "phần việc", "câu lạc bộ", "tổ",
    ];

    public IReadOnlyList<EntityType> Produces { get; } = [EntityType.Campaign];

    public void Recognize(TokenView view, IReadOnlyList<EntityMention> found, List<EntityMention> output, CancellationToken cancellationToken)
    {
        var taken = new bool[view.Count];
        for (var i = 0; i < view.Count; i++)
        {
            if (view.IsChrome(i) || !IsQuote(view, i) || !FollowsCue(view, i))
            {
                continue;
            }

            // The cue's quoted name, and any quoted names listed right after it ("“A”, “B” và “C”").
            var open = i;
            while (TryQuoted(view, open, out var close))
            {
                Add(view, open + 1, close - 1, output, taken);
                i = close;
                var next = close + 1;
                if ((view.Span(next) is "," || view.Is(next, "và")) && IsQuote(view, next + 1) && view.SameLine(close, next + 1))
                {
                    open = next + 1;
                    continue;
                }

                break;
            }
        }

        // Known movements, quoted or not, wherever they stand.
        for (var i = 0; i < view.Count; i++)
        {
            if (taken[i] || view.IsChrome(i))
            {
                continue;
            }

            if (Lexicons.Campaigns.LongestEntryAt(view, i, out var last) is not null && !IsPartOfLongerName(view, i, last))
            {
                Add(view, i, last, output, taken);
                i = last;
            }
        }
    }

    private static void Add(TokenView view, int first, int last, List<EntityMention> output, bool[] taken)
    {
        if (last < first)
        {
            return;
        }

        for (var k = first; k <= last; k++)
        {
            if (taken[k])
            {
                return;
            }
        }

        for (var k = first; k <= last; k++)
        {
            taken[k] = true;
        }

        var span = view.Cover(first, last);
        var text = view.TextOf(span);
        output.Add(new CampaignMention(span, text, Canonical(text)));
    }

    /// <summary>A known name that is only the start or end of a longer quoted name is left to the quote rule.</summary>
    private static bool IsPartOfLongerName(TokenView view, int first, int last) =>
        (first > 0 && view.SameLine(first - 1, first) && view.Kind(first - 1) == TokenKind.Syllable && char.IsUpper(view.Span(first - 1)[0]) && !IsCueEnd(view, first - 1))
        || (last + 1 < view.Count && view.SameLine(last, last + 1) && view.Kind(last + 1) == TokenKind.Syllable && char.IsUpper(view.Span(last + 1)[0]));

    private static bool IsCueEnd(TokenView view, int index)
    {
        foreach (var cue in Cues)
        {
            var n = TokenView.WordCount(cue);
            if (view.IsPhrase(index - n + 1, cue))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsQuote(TokenView view, int index) =>
        view.Kind(index) == TokenKind.Punctuation && view.Span(index) is "\"" or "'" or "“" or "”" or "«" or "»";

    /// <summary>
    /// A cue word before the quote in the same clause: right before it ("phong trào “…”"), or a few words
    /// back ("các mô hình hay được nhân rộng như “…”"), with no slogan word ("phương châm", "khẩu hiệu") between.
    /// </summary>
    private static bool FollowsCue(TokenView view, int quote)
    {
        for (var k = quote - 1; k >= 0 && k >= quote - MaxCueDistance && view.SameLine(k, quote); k--)
        {
            if (view.Kind(k) == TokenKind.Punctuation && view.Span(k) is "." or ";" or "!" or "?" or "(" or ")")
            {
                return false;
            }

            foreach (var word in NotCampaignCues)
            {
                var n = TokenView.WordCount(word);
                if (view.IsPhrase(k - n + 1, word))
                {
                    return false;
                }
            }

            foreach (var cue in Cues)
            {
                var n = TokenView.WordCount(cue);
                var nearCueOnly = cue is "ngày" or "tháng" or "tổ" or "câu lạc bộ" or "công trình";
                if (view.IsPhrase(k - n + 1, cue) && (!nearCueOnly || k == quote - 1))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool TryQuoted(TokenView view, int open, out int close)
    {
        close = -1;
        for (var k = open + 1; k < view.Count && k <= open + MaxNameTokens && view.SameLine(open, k); k++)
        {
            if (IsQuote(view, k))
            {
                close = k;
                return k > open + 1;
            }
        }

        return false;
    }

    /// <summary>First letter capitalized, single spaces, no quotes or trailing punctuation.</summary>
    internal static string Canonical(string name)
    {
        var builder = new StringBuilder(name.Length);
        var space = false;
        foreach (var c in name.Trim().Trim('"', '\'', '“', '”', '«', '»', '.', ',', ' '))
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        if (builder.Length > 0)
        {
            builder[0] = CharClass.ToUpperInvariant(builder[0]);
        }

        return builder.ToString();
    }
}

using System.Globalization;
using DanVan.Extraction.Html;
using DanVan.Extraction.Text;

namespace DanVan.Extraction.Evaluation;

/// <summary>Precision, recall and F1 of one bag-of-tokens comparison.</summary>
internal readonly record struct Prf(double Precision, double Recall, double F1)
{
    public static Prf From(int overlap, int predicted, int gold)
    {
        // Both empty is a perfect match; one empty is a complete miss.
        if (predicted == 0 && gold == 0)
        {
            return new Prf(1, 1, 1);
        }

        var p = predicted == 0 ? 0 : (double)overlap / predicted;
        var r = gold == 0 ? 0 : (double)overlap / gold;
        return new Prf(p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
    }
}

/// <summary>
/// The page measures: body text as a bag of normalized syllable tokens (the trafilatura and ScrapingHub
/// article-extraction benchmarks' overlap measure), title / author by normalized equality, published at
/// the precision of the gold. Thread-safe.
/// </summary>
internal static class PageScoring
{
    /// <summary>Lower-cased normalized tokens, punctuation left out.</summary>
    public static Dictionary<string, int> Bag(IEnumerable<string> texts)
    {
        var bag = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            var normalized = TextNormalizer.Default.Normalize(text).Text;
            foreach (var token in SyllableTokenizer.Tokenize(normalized))
            {
                if (token.Kind == TokenKind.Punctuation)
                {
                    continue;
                }

                var s = token.ToString(normalized).ToLowerInvariant();
                bag[s] = bag.GetValueOrDefault(s) + 1;
            }
        }

        return bag;
    }

    public static Prf Overlap(IEnumerable<string> predicted, IEnumerable<string> gold)
    {
        var p = Bag(predicted);
        var g = Bag(gold);
        int overlap = 0, np = 0, ng = 0;
        foreach (var (token, count) in p)
        {
            np += count;
            overlap += Math.Min(count, g.GetValueOrDefault(token));
        }

        foreach (var count in g.Values)
        {
            ng += count;
        }

        return Prf.From(overlap, np, ng);
    }

    public static bool SameText(string? predicted, string? gold)
    {
        if (gold is null || predicted is null)
        {
            return gold is null && predicted is null;
        }

        return string.Equals(Key(predicted), Key(gold), StringComparison.Ordinal);
    }

    /// <summary>True when <paramref name="predicted"/> equals the gold at the gold's precision (<c>YYYY-MM-DD</c> or <c>YYYY-MM-DDTHH:mm</c>).</summary>
    public static bool SamePublished(PublishedDate? predicted, string? gold)
    {
        if (string.IsNullOrWhiteSpace(gold))
        {
            return predicted is null;
        }

        if (predicted is not { } p)
        {
            return false;
        }

        if (gold.Length <= 10)
        {
            return string.Equals(p.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), gold, StringComparison.Ordinal);
        }

        return p.Precision == DatePrecision.Minute && string.Equals(p.ToString(), gold[..Math.Min(16, gold.Length)], StringComparison.Ordinal);
    }

    private static string Key(string text)
    {
        var normalized = TextNormalizer.Default.Normalize(text).Text.Replace('\n', ' ').ToLowerInvariant();
        return normalized.Trim().TrimEnd('.', ' ');
    }
}

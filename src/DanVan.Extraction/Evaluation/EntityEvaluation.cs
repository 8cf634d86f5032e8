using System.Globalization;
using DanVan.Extraction.Recognition;
using DanVan.Extraction.Text;

namespace DanVan.Extraction.Evaluation;

/// <summary>Counts for one entity type, as nervaluate / SemEval-2013 task 9.1 define them.</summary>
internal sealed class TypeScore
{
    public int Gold { get; set; }

    public int Predicted { get; set; }

    /// <summary>Exact span and type.</summary>
    public int Correct { get; set; }

    /// <summary>Overlapping span, same type, not exact.</summary>
    public int Partial { get; set; }

    public int ValueChecked { get; set; }

    public int ValueCorrect { get; set; }

    public double StrictPrecision => Ratio(Correct, Predicted);

    public double StrictRecall => Ratio(Correct, Gold);

    public double StrictF1 => F1(StrictPrecision, StrictRecall);

    public double PartialPrecision => Ratio(Correct + (0.5 * Partial), Predicted);

    public double PartialRecall => Ratio(Correct + (0.5 * Partial), Gold);

    public double PartialF1 => F1(PartialPrecision, PartialRecall);

    public double ValueAccuracy => Ratio(ValueCorrect, ValueChecked);

    public void Add(TypeScore other)
    {
        Gold += other.Gold;
        Predicted += other.Predicted;
        Correct += other.Correct;
        Partial += other.Partial;
        ValueChecked += other.ValueChecked;
        ValueCorrect += other.ValueCorrect;
    }

    private static double Ratio(double a, double b) => b == 0 ? (a == 0 ? 1 : 0) : a / b;

    private static double F1(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);
}

/// <summary>One disagreement between the recognizer and the gold, for the error CSV.</summary>
internal sealed record EntityError(string Article, string Split, string Type, string Error, int Start, int End, string GoldText, string PredictedText, string GoldValue, string PredictedValue);

/// <summary>Scores recognized mentions against the gold mentions of corpus articles.</summary>
internal static class EntityEvaluation
{
    public static readonly string[] TypeNames = ["person", "title", "org", "date", "period", "figure", "campaign"];

    public static string TypeName(EntityType type) => type switch
    {
        EntityType.Person => "person",
        EntityType.Title => "title",
        EntityType.Organization => "org",
        EntityType.Date => "date",
        EntityType.Period => "period",
        EntityType.Figure => "figure",
        EntityType.Campaign => "campaign",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>The gold normalized value in the form <see cref="EntityMention.NormalizedValue"/> uses.</summary>
    public static string GoldValue(GoldEntity gold) => gold.Type switch
    {
        "person" or "campaign" => gold.Attribute("name"),
        "title" or "org" => gold.Attribute("expanded"),
        "date" => gold.Attribute("value"),
        "period" => gold.Attribute("start") + ".." + gold.Attribute("end"),
        "figure" => decimal.Parse(gold.Attribute("value"), NumberStyles.Number, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) + " " + Text.TextNormalizer.Default.Normalize(gold.Attribute("unit")).Text.ToLowerInvariant(),
        _ => string.Empty,
    };

    /// <summary>Runs <paramref name="recognizer"/> over <paramref name="articles"/> and scores <paramref name="types"/>; disagreements go to <paramref name="errors"/> when given.</summary>
    public static Dictionary<string, TypeScore> Evaluate(EntityRecognizer recognizer, IEnumerable<CorpusArticle> articles, IReadOnlyCollection<string> types, List<EntityError>? errors = null)
    {
        var scores = new Dictionary<string, TypeScore>(StringComparer.Ordinal);
        foreach (var type in types)
        {
            scores[type] = new TypeScore();
        }

        errors ??= [];
        foreach (var article in articles)
        {
            Score(article, recognizer.Recognize(article.Text, article.Published), types, scores, errors);
        }

        return scores;
    }

    /// <summary>Scores one article; adds per-type counts to <paramref name="scores"/> and disagreements to <paramref name="errors"/>.</summary>
    public static void Score(CorpusArticle article, IReadOnlyList<EntityMention> predicted, IReadOnlyCollection<string> types, Dictionary<string, TypeScore> scores, List<EntityError> errors)
    {
        foreach (var type in types)
        {
            var score = scores.TryGetValue(type, out var s) ? s : scores[type] = new TypeScore();
            var gold = article.Entities.Where(e => e.Type == type).ToList();
            var pred = predicted.Where(p => TypeName(p.Type) == type).ToList();
            score.Gold += gold.Count;
            score.Predicted += pred.Count;
            var goldUsed = new bool[gold.Count];
            foreach (var p in pred)
            {
                var exact = gold.FindIndex(g => g.Span == p.Span);
                if (exact >= 0 && !goldUsed[exact])
                {
                    goldUsed[exact] = true;
                    score.Correct++;
                    score.ValueChecked++;
                    var goldValue = GoldValue(gold[exact]);
                    if (string.Equals(goldValue, p.NormalizedValue, StringComparison.Ordinal))
                    {
                        score.ValueCorrect++;
                    }
                    else
                    {
                        errors.Add(Error(article, type, "value", p.Span, gold[exact].Text, p.Text, goldValue, p.NormalizedValue));
                    }

                    continue;
                }

                var overlap = -1;
                for (var g = 0; g < gold.Count; g++)
                {
                    if (!goldUsed[g] && Overlaps(gold[g].Span, p.Span))
                    {
                        overlap = g;
                        break;
                    }
                }

                if (overlap >= 0)
                {
                    goldUsed[overlap] = true;
                    score.Partial++;
                    errors.Add(Error(article, type, "boundary", p.Span, gold[overlap].Text, p.Text, GoldValue(gold[overlap]), p.NormalizedValue));
                }
                else
                {
                    errors.Add(Error(article, type, "spurious", p.Span, string.Empty, p.Text, string.Empty, p.NormalizedValue));
                }
            }

            for (var g = 0; g < gold.Count; g++)
            {
                if (!goldUsed[g])
                {
                    errors.Add(Error(article, type, "missed", gold[g].Span, gold[g].Text, string.Empty, GoldValue(gold[g]), string.Empty));
                }
            }
        }
    }

    private static bool Overlaps(TextSpan a, TextSpan b) => a.Start < b.End && b.Start < a.End;

    private static EntityError Error(CorpusArticle article, string type, string error, TextSpan span, string goldText, string predictedText, string goldValue, string predictedValue) =>
        new(article.Id, article.Split, type, error, span.Start, span.End, goldText, predictedText, goldValue, predictedValue);
}

using System.Globalization;
using DanVan.Extraction.Records;

namespace DanVan.Extraction.Evaluation;

/// <summary>Exact and lenient agreement counts for one meeting field.</summary>
internal sealed class FieldScore
{
    public int Total { get; set; }

    public int Exact { get; set; }

    public int Lenient { get; set; }

    public double ExactAccuracy => Total == 0 ? 0 : (double)Exact / Total;

    public double LenientAccuracy => Total == 0 ? 0 : (double)Lenient / Total;
}

/// <summary>Set agreement (precision, recall, F1) for list fields: chairs, speakers with roles.</summary>
internal sealed class SetScore
{
    public int Gold { get; set; }

    public int Predicted { get; set; }

    public int Correct { get; set; }

    public double Precision => Predicted == 0 ? (Gold == 0 ? 1 : 0) : (double)Correct / Predicted;

    public double Recall => Gold == 0 ? 1 : (double)Correct / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Adds one article's gold and predicted items; returns the missed (gold only) and spurious (predicted only) items.</summary>
    public (IReadOnlyList<string> Missed, IReadOnlyList<string> Spurious) Add(IReadOnlyCollection<string> gold, IReadOnlyCollection<string> predicted)
    {
        var g = gold.GroupBy(Key, StringComparer.Ordinal).ToDictionary(x => x.Key, x => x.First(), StringComparer.Ordinal);
        var p = predicted.GroupBy(Key, StringComparer.Ordinal).ToDictionary(x => x.Key, x => x.First(), StringComparer.Ordinal);
        Gold += g.Count;
        Predicted += p.Count;
        Correct += p.Keys.Count(g.ContainsKey);
        return ([.. g.Where(x => !p.ContainsKey(x.Key)).Select(x => x.Value)], [.. p.Where(x => !g.ContainsKey(x.Key)).Select(x => x.Value)]);
    }

    private static string Key(string value) => RecordEvaluation.Fold(value);
}

/// <summary>One disagreement between a record and its article's gold header.</summary>
/// <param name="Article">Article id.</param>
/// <param name="Split">Its split.</param>
/// <param name="Field">Field name (kind, organizer, …, chair, speaker).</param>
/// <param name="Error"><c>wrong</c>, <c>lenient</c> (only the lenient comparison agrees), <c>missed</c> or <c>spurious</c>.</param>
/// <param name="Gold">Gold value (empty when spurious).</param>
/// <param name="Predicted">Predicted value (empty when missed).</param>
internal sealed record RecordError(string Article, string Split, string Field, string Error, string Gold, string Predicted);

/// <summary>Scores meeting records against the gold header fields of corpus articles.</summary>
internal static class RecordEvaluation
{
    public static readonly string[] Fields = ["kind", "organizer", "date", "level", "place", "reviewed", "planned"];

    public static void Score(CorpusArticle article, MeetingRecord record, Dictionary<string, FieldScore> fields, SetScore chairs, SetScore speakers, SetScore awards, List<RecordError>? errors = null)
    {
        var m = record.Meeting;
        void Field(Dictionary<string, FieldScore> all, string name, string gold, string predicted, Func<string, string, bool>? lenient)
        {
            var error = Compare(all, name, gold, predicted, lenient);
            if (error is not null)
            {
                errors?.Add(new RecordError(article.Id, article.Split, name, error, gold, predicted));
            }
        }

        void Set(SetScore score, string name, IReadOnlyCollection<string> gold, IReadOnlyCollection<string> predicted)
        {
            var (missed, spurious) = score.Add(gold, predicted);
            foreach (var g in missed)
            {
                errors?.Add(new RecordError(article.Id, article.Split, name, "missed", g, string.Empty));
            }

            foreach (var p in spurious)
            {
                errors?.Add(new RecordError(article.Id, article.Split, name, "spurious", string.Empty, p));
            }
        }

        Field(fields, "kind", article.HeaderValue("kind"), RecordJson.KindName(m.Kind), lenient: null);
        Field(fields, "organizer", article.HeaderValue("organizer"), m.Organizer?.Expanded ?? string.Empty, (g, p) => g.Length > 0 && p.Length > 0 && (g.Contains(p, StringComparison.Ordinal) || p.Contains(g, StringComparison.Ordinal)));
        Field(fields, "date", article.HeaderValue("date"), m.Date?.Value ?? string.Empty, (g, p) => g.Length >= 7 && p.Length >= 7 && g[..7] == p[..7]);
        Field(fields, "level", article.HeaderValue("level"), m.Level ?? string.Empty, lenient: null);
        Field(fields, "place", article.HeaderValue("place"), m.Place ?? string.Empty, (g, p) => g.Length > 0 && p.Length > 0 && (g.Contains(p, StringComparison.Ordinal) || p.Contains(g, StringComparison.Ordinal)));
        Field(fields, "reviewed", article.HeaderValue("reviewed"), Period(m.Reviewed), Overlap);
        Field(fields, "planned", article.HeaderValue("planned"), Period(m.Planned), Overlap);
        Set(awards, "award",
            [.. article.HeaderValues("award").Where(a => a.Length > 0).Select(AwardKey)],
            [.. record.Awards.Select(a => AwardKey(string.Join('|', a.Giver ?? string.Empty, a.Award, a.Count.ToString(CultureInfo.InvariantCulture), a.Recipients)))]);
        Set(chairs, "chair", [.. article.HeaderValues("chair").Where(c => c.Length > 0)], [.. m.Chairs]);
        Set(speakers, "speaker", 
            [.. article.HeaderValues("speaker").Where(s => s.Length > 0).Select(s => string.Join('|', s.Split('|').Select(x => x.Trim())))],
            [.. record.Speakers.Select(s => s.Person + "|" + RecordJson.RoleName(s.Role))]);
    }

    /// <summary>"giver | award | count | recipients" with the parts trimmed and joined by '|'.</summary>
    private static string AwardKey(string value) => string.Join('|', value.Split('|').Select(x => x.Trim()));

    /// <summary>Case, tone-style and spacing-insensitive form for comparing names.</summary>
    public static string Fold(string value) =>
        string.Join(' ', Text.TextNormalizer.Default.Normalize(value).Text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static string Period(PeriodValue? period) => period is null ? string.Empty : period.Start + ".." + period.End;

    private static bool Overlap(string gold, string predicted)
    {
        if (gold.Length == 0 || predicted.Length == 0)
        {
            return false;
        }

        var g = gold.Split("..");
        var p = predicted.Split("..");
        var gs = DateOnly.Parse(g[0], CultureInfo.InvariantCulture);
        var ps = DateOnly.Parse(p[0], CultureInfo.InvariantCulture);
        var ge = g[1].Length > 0 ? DateOnly.Parse(g[1], CultureInfo.InvariantCulture) : DateOnly.MaxValue;
        var pe = p[1].Length > 0 ? DateOnly.Parse(p[1], CultureInfo.InvariantCulture) : DateOnly.MaxValue;
        return gs <= pe && ps <= ge;
    }

    private static string? Compare(Dictionary<string, FieldScore> fields, string name, string gold, string predicted, Func<string, string, bool>? lenient)
    {
        var score = fields.TryGetValue(name, out var s) ? s : fields[name] = new FieldScore();
        score.Total++;
        var exact = Fold(gold) == Fold(predicted);
        if (exact)
        {
            score.Exact++;
        }

        if (exact || (lenient is not null && lenient(Fold(gold), Fold(predicted))))
        {
            score.Lenient++;
            return exact ? null : "lenient";
        }

        return "wrong";
    }
}

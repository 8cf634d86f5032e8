using DanVan.Extraction.Text;

namespace DanVan.Extraction.Recognition;

/// <summary>
/// Periods: "quý III/2019", "quý 3 năm 2019", "quý IV" (year from the text or the publication date),
/// "6 tháng đầu năm", "09 tháng đầu năm 2023", "03 tháng cuối năm", "năm 2020", "tháng 9/2023",
/// "giai đoạn 2017 - 2020", "nhiệm kỳ 2021 - 2026", "năm học 2022 - 2023", "hè 2023", "hè năm 2024", "từ năm 2000 đến nay".
/// Not durations ("5 năm qua") nor "từ đầu năm đến nay".
/// </summary>
internal sealed class PeriodRecognizer : IEntityRecognizer
{
    private static readonly string[] RangeCues = ["giai đoạn", "nhiệm kỳ", "năm học", "niên khóa"];

    // Words that make a following "năm 2022" part of a document's name rather than a reviewed period.
    private static readonly string[] DocumentWords = ["luật", "nghị quyết", "chỉ thị", "quyết định", "kế hoạch", "thông tư", "nghị định", "hiến pháp", "kết luận", "quy định", "hướng dẫn", "công văn"];

    public IReadOnlyList<EntityType> Produces { get; } = [EntityType.Period];

    public void Recognize(TokenView view, IReadOnlyList<EntityMention> found, List<EntityMention> output, CancellationToken cancellationToken)
    {
        var pending = new List<(int First, int Last, int? Year, Func<int, (DateOnly Start, DateOnly? End)> Dates, PeriodGranularity Granularity)>();
        var covered = view.CoveredBy(found);
        for (var i = 0; i < view.Count; i++)
        {
            if (view.IsChrome(i) || covered[i])
            {
                continue;
            }

            if (TryRead(view, i, out var last, out var year, out var dates, out var granularity))
            {
                pending.Add((i, last, year, dates, granularity));
                i = last;
            }
        }

        // A period without a year takes the last year written before it, else the first after it, else the publication year.
        for (var k = 0; k < pending.Count; k++)
        {
            var (first, last, year, dates, granularity) = pending[k];
            var inferred = year is null;
            var resolved = year ?? YearBefore(pending, k) ?? YearAfter(pending, k) ?? view.Published?.Year ?? NearestYearWritten(view, first);
            if (resolved is not { } y)
            {
                continue;
            }

            var (start, end) = dates(y);
            var span = view.Cover(first, last);
            output.Add(new PeriodMention(span, view.TextOf(span), start, end, granularity, inferred));
        }
    }

    private static int? YearBefore(List<(int First, int Last, int? Year, Func<int, (DateOnly, DateOnly?)> Dates, PeriodGranularity G)> pending, int k)
    {
        for (var j = k - 1; j >= 0; j--)
        {
            if (pending[j].Year is { } y && pending[j].G is not (PeriodGranularity.YearRange or PeriodGranularity.OpenEnded))
            {
                return y;
            }
        }

        return null;
    }

    private static int? YearAfter(List<(int First, int Last, int? Year, Func<int, (DateOnly, DateOnly?)> Dates, PeriodGranularity G)> pending, int k)
    {
        for (var j = k + 1; j < pending.Count; j++)
        {
            if (pending[j].Year is { } y && pending[j].G is not (PeriodGranularity.YearRange or PeriodGranularity.OpenEnded))
            {
                return y;
            }
        }

        return null;
    }

    /// <summary>With no publication date, the nearest year written anywhere in the article ("giáp hạt đầu năm 2021").</summary>
    private static int? NearestYearWritten(TokenView view, int index)
    {
        for (var distance = 1; distance < view.Count; distance++)
        {
            foreach (var k in (ReadOnlySpan<int>)[index - distance, index + distance])
            {
                if ((uint)k < (uint)view.Count && !view.IsChrome(k) && view.IsYear(k, out var year)
                    && (view.Is(k - 1, "năm") || view.Span(k - 1) is "/"))
                {
                    return year;
                }
            }
        }

        return null;
    }


    private static bool TryRead(TokenView view, int i, out int last, out int? year, out Func<int, (DateOnly, DateOnly?)> dates, out PeriodGranularity granularity)
    {
        last = i;
        year = null;
        dates = _ => default;
        granularity = default;

        // quý I–IV (Roman or Arabic), "/2019" or "năm 2019" or nothing
        if (view.Is(i, "quý") && QuarterNumber(view.Span(i + 1)) is { } quarter && view.SameLine(i, i + 1))
        {
            last = i + 1;
            year = YearSuffix(view, ref last);
            dates = y => (new DateOnly(y, ((quarter - 1) * 3) + 1, 1), new DateOnly(y, quarter * 3, 1).AddMonths(1).AddDays(-1));
            granularity = PeriodGranularity.Quarter;
            return true;
        }

        // N tháng đầu/cuối năm [yyyy]
        if (view.IsInteger(i, 2, out var months) && months is >= 1 and <= 12 && view.Is(i + 1, "tháng")
            && (view.Is(i + 2, "đầu") || view.Is(i + 2, "cuối")) && view.Is(i + 3, "năm") && view.SameLine(i, i + 3))
        {
            var firstMonths = view.Is(i + 2, "đầu");
            last = i + 3;
            if (view.IsYear(i + 4, out var y4) && view.SameLine(i, i + 4))
            {
                year = y4;
                last = i + 4;
            }
            else if (view.Is(i + 4, "nay") && view.Published is { } published)
            {
                year = published.Year;
                last = i + 4;
            }

            dates = y => firstMonths
                ? (new DateOnly(y, 1, 1), new DateOnly(y, months, 1).AddMonths(1).AddDays(-1))
                : (new DateOnly(y, 13 - months, 1), new DateOnly(y, 12, 31));
            granularity = PeriodGranularity.Months;
            return true;
        }

        // tháng 9/2023, tháng 9 năm 2023
        if (view.Is(i, "tháng") && view.IsInteger(i + 1, 2, out var month) && month is >= 1 and <= 12 && view.SameLine(i, i + 1))
        {
            var end = i + 1;
            if (YearSuffix(view, ref end) is { } monthYear)
            {
                last = end;
                year = monthYear;
                dates = y => (new DateOnly(y, month, 1), new DateOnly(y, month, 1).AddMonths(1).AddDays(-1));
                granularity = PeriodGranularity.Month;
                return true;
            }

            return false;
        }

        // giai đoạn / nhiệm kỳ / năm học X - Y
        foreach (var cue in RangeCues)
        {
            var words = TokenView.WordCount(cue);
            if (view.IsPhrase(i, cue) && view.IsYear(i + words, out var from) && view.IsDash(i + words + 1) && view.IsYear(i + words + 2, out var to)
                && view.SameLine(i, i + words + 2) && to >= from)
            {
                last = i + words + 2;
                year = from;
                var school = cue is "năm học" or "niên khóa";
                dates = _ => school ? (new DateOnly(from, 9, 1), new DateOnly(to, 5, 31)) : (new DateOnly(from, 1, 1), new DateOnly(to, 12, 31));
                granularity = school ? PeriodGranularity.SchoolYear : PeriodGranularity.YearRange;
                return true;
            }
        }

        // hè 2023, hè năm 2024
        var summerYear = view.Is(i + 1, "năm") ? i + 2 : i + 1;
        if (view.Is(i, "hè") && view.IsYear(summerYear, out var summer) && view.SameLine(i, summerYear))
        {
            last = summerYear;
            year = summer;
            dates = y => (new DateOnly(y, 6, 1), new DateOnly(y, 8, 31));
            granularity = PeriodGranularity.Season;
            return true;
        }

        // từ năm 2000 đến nay
        if (view.Is(i, "từ") && view.Is(i + 1, "năm") && view.IsYear(i + 2, out var since) && view.Is(i + 3, "đến") && view.Is(i + 4, "nay"))
        {
            last = i + 4;
            year = since;
            dates = _ => (new DateOnly(since, 1, 1), null);
            granularity = PeriodGranularity.OpenEnded;
            return true;
        }

        // năm 2020 (not "đầu năm 2021", not a document's year, not part of a date)
        if (view.Is(i, "năm") && view.IsYear(i + 1, out var whole) && view.SameLine(i, i + 1) && !IsVagueOrDocumentYear(view, i))
        {
            last = i + 1;
            year = whole;
            dates = y => (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
            granularity = PeriodGranularity.Year;
            return true;
        }

        return false;
    }

    private static int? YearSuffix(TokenView view, ref int last)
    {
        if (view.Span(last + 1) is "/" && view.IsYear(last + 2, out var y) && view.SameLine(last, last + 2))
        {
            last += 2;
            return y;
        }

        if (view.Is(last + 1, "năm") && view.IsYear(last + 2, out var y2) && view.SameLine(last, last + 2))
        {
            last += 2;
            return y2;
        }

        return null;
    }

    private static int? QuarterNumber(ReadOnlySpan<char> token) => token switch
    {
        "I" or "1" => 1,
        "II" or "2" => 2,
        "III" or "3" => 3,
        "IV" or "4" => 4,
        _ => null,
    };

    private static bool IsVagueOrDocumentYear(TokenView view, int i)
    {
        if (view.Is(i - 1, "đầu") || view.Is(i - 1, "cuối") || view.Is(i - 1, "giữa") || view.Is(i - 1, "từ") || view.Is(i - 1, "tháng"))
        {
            return true;
        }

        // A document name ends in its year: "Luật Thực hiện dân chủ ở cơ sở năm 2022", "Nghị quyết số 12 năm 2019".
        for (var back = 1; back <= 10 && i - back >= 0 && view.SameLine(i - back, i); back++)
        {
            if (view.Kind(i - back) == TokenKind.Punctuation)
            {
                break;
            }

            foreach (var word in DocumentWords)
            {
                var n = TokenView.WordCount(word);
                if (view.IsPhrase(i - back - n + 1, word) && char.IsUpper(view.Span(i - back - n + 1)[0]))
                {
                    return true;
                }
            }
        }

        return false;
    }
}

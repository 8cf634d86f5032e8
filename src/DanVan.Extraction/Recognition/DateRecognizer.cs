using DanVan.Extraction.Text;

namespace DanVan.Extraction.Recognition;

/// <summary>
/// Dates: "28/1/2021", "20/9", "29-01-2021", "2023-09-21", "29 - 01 - 2021", "ngày 28 tháng 1 năm 2021",
/// with a directly preceding day part ("Sáng 20/9"). A date without a year takes the year that puts it on
/// or before the publication date (the event happens before it is reported); in a day range
/// ("17/10 – 18/11/2017") the first day takes the year of the second.
/// </summary>
internal sealed class DateRecognizer : IEntityRecognizer
{
    public IReadOnlyList<EntityType> Produces { get; } = [EntityType.Date];

    public void Recognize(TokenView view, IReadOnlyList<EntityMention> found, List<EntityMention> output, CancellationToken cancellationToken)
    {
        for (var i = 0; i < view.Count; i++)
        {
            if (view.IsChrome(i))
            {
                continue;
            }

            if (TryRead(view, i, out var last, out var day, out var month, out var year) && !IsFraction(view, i, last, month))
            {
                if (year is null && TryRangeEndYear(view, last, out var rangeYear))
                {
                    year = rangeYear;
                }

                var first = i;
                DayPart? part = null;
                if (i > 0 && view.SameLine(i - 1, i) && DayPartOf(view.Span(i - 1)) is { } p)
                {
                    part = p;
                    first = i - 1;
                }

                if (ResolveYear(view, day, month, year) is { } date)
                {
                    var span = view.Cover(first, last);
                    output.Add(new DateMention(span, view.TextOf(span), date, part, year is null));
                }

                i = last;
            }
        }
    }

    internal static DayPart? DayPartOf(ReadOnlySpan<char> word) => word switch
    {
        _ when word.Equals("sáng", StringComparison.OrdinalIgnoreCase) => DayPart.Morning,
        _ when word.Equals("chiều", StringComparison.OrdinalIgnoreCase) || word.Equals("trưa", StringComparison.OrdinalIgnoreCase) => DayPart.Afternoon,
        _ when word.Equals("tối", StringComparison.OrdinalIgnoreCase) => DayPart.Evening,
        _ => null,
    };

    /// <summary>Reads a date starting at token <paramref name="i"/>; <paramref name="last"/> is its last token.</summary>
    internal static bool TryRead(TokenView view, int i, out int last, out int day, out int month, out int? year)
    {
        last = i;
        day = month = 0;
        year = null;
        var token = view.Span(i);
        switch (view.Kind(i))
        {
            case TokenKind.DateTime:
                return TryParseCompact(token, out day, out month, out year);
            case TokenKind.Number:
                // "29 - 01 - 2021"
                if (view.IsInteger(i, 2, out day) && view.IsDash(i + 1) && view.IsInteger(i + 2, 2, out month)
                    && view.IsDash(i + 3) && view.IsYear(i + 4, out var y) && view.SameLine(i, i + 4) && IsValid(day, month))
                {
                    year = y;
                    last = i + 4;
                    return true;
                }

                // "28 tháng 1 năm 2021" after "ngày"
                if (view.Is(i - 1, "ngày") && view.IsInteger(i, 2, out day) && view.Is(i + 1, "tháng") && view.IsInteger(i + 2, 2, out month) && IsValid(day, month))
                {
                    last = i + 2;
                    if (view.Is(i + 3, "năm") && view.IsYear(i + 4, out var y2))
                    {
                        year = y2;
                        last = i + 4;
                    }

                    return true;
                }

                return false;
            default:
                return false;
        }
    }

    private static bool TryParseCompact(ReadOnlySpan<char> token, out int day, out int month, out int? year)
    {
        day = month = 0;
        year = null;
        var sep = token.IndexOfAny('/', '-');
        if (sep < 0)
        {
            return false;
        }

        Span<Range> parts = stackalloc Range[4];
        var n = token.Split(parts, token[sep]);
        if (n is < 2 or > 3)
        {
            return false;
        }

        Span<int> values = stackalloc int[3];
        for (var k = 0; k < n; k++)
        {
            if (!int.TryParse(token[parts[k]], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out values[k]))
            {
                return false;
            }
        }

        if (n == 3 && token[parts[0]].Length == 4)
        {
            (year, month, day) = (values[0], values[1], values[2]);
        }
        else
        {
            (day, month) = (values[0], values[1]);
            if (n == 3)
            {
                year = token[parts[2]].Length == 2 ? 2000 + values[2] : values[2];
            }
        }

        return IsValid(day, month) && year is null or (>= 1900 and <= 2100);
    }

    private static bool IsValid(int day, int month) => month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(2000, month);

    /// <summary>"45/52 xã", "3/5 hộ": a fraction counting a noun, not a date (no date cue before it).</summary>
    private static bool IsFraction(TokenView view, int i, int last, int month)
    {
        if (last != i || view.Kind(i) != TokenKind.DateTime || view.Span(i).Count('/') != 1)
        {
            return false;
        }

        var before = i > 0 && view.SameLine(i - 1, i) ? view.Span(i - 1) : default;
        var strongCue = DayPartOf(before) is not null || before.Equals("ngày", StringComparison.OrdinalIgnoreCase)
                        || before.Equals("hôm", StringComparison.OrdinalIgnoreCase) || before is "(";

        // "từ 6/6 thôn": after a weak cue, a counted noun still makes a fraction.
        var weakCue = before.Equals("từ", StringComparison.OrdinalIgnoreCase) || before.Equals("đến", StringComparison.OrdinalIgnoreCase)
                      || before.Equals("trước", StringComparison.OrdinalIgnoreCase) || before.Equals("sau", StringComparison.OrdinalIgnoreCase);
        var dateCue = strongCue || (weakCue && !(view.SameLine(i, i + 1) && Lexicons.Units.LongestAt(view, i + 1) > i));
        if (dateCue || month > 12)
        {
            return month > 12;
        }

        return view.Kind(i + 1) == TokenKind.Syllable && view.SameLine(i, i + 1) && char.IsLower(view.Span(i + 1)[0])
               && !view.Is(i + 1, "năm") && !view.Is(i + 1, "và") && !view.Is(i + 1, "đến") && !view.Is(i + 1, "tại") && !view.Is(i + 1, "vừa");
    }

    /// <summary>"17/10 – 18/11/2017", "17/10 đến 18/11/2017": the year written on the second day.</summary>
    private static bool TryRangeEndYear(TokenView view, int last, out int year)
    {
        year = 0;
        var next = last + 1;
        if (!(view.IsDash(next) || view.Is(next, "đến")) || !view.SameLine(last, next + 1))
        {
            return false;
        }

        if (TryRead(view, next + 1, out _, out _, out _, out var y) && y is { } value)
        {
            year = value;
            return true;
        }

        return false;
    }

    private static DateOnly? ResolveYear(TokenView view, int day, int month, int? year)
    {
        if (year is { } y)
        {
            return day <= DateTime.DaysInMonth(y, month) ? new DateOnly(y, month, day) : null;
        }

        if (view.Published is not { } published)
        {
            return null;
        }

        var candidate = published.Year;
        if (day > DateTime.DaysInMonth(candidate, month))
        {
            return null;
        }

        // The event is reported after it happens: a day-month well after the publication date (a December
        // meeting reported in January) belongs to the year before; a few weeks ahead is a deadline in the same year.
        var date = new DateOnly(candidate, month, day);
        if (date > published.AddDays(120))
        {
            candidate--;
            date = day <= DateTime.DaysInMonth(candidate, month) ? new DateOnly(candidate, month, day) : date;
        }

        return date;
    }
}

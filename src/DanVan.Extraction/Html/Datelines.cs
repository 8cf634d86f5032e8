using System.Globalization;
using System.Text.RegularExpressions;

namespace DanVan.Extraction.Html;

/// <summary>A date found in a line of page text.</summary>
/// <param name="Date">The date-time, Vietnam local time.</param>
/// <param name="IsWholeLine">True when the line is nothing but the dateline (prefix words, weekday, counters, author).</param>
/// <param name="IsUpdate">True when the line says "Cập nhật" (an update time, weaker than a publication time).</param>
/// <param name="Author">An author named on the same line ("Tác giả: …"), or null.</param>
internal readonly record struct DatelineMatch(PublishedDate Date, bool IsWholeLine, bool IsUpdate, string? Author);

/// <summary>
/// Vietnamese datelines: "Đăng ngày 29 - 01 - 2021", "Cập nhật lúc: 18:47 01/10/2019",
/// "2023-09-21 11:14:10 Số lượt xem 523", "23/09/2021 4:39 CH" (SA = a.m., CH = p.m.),
/// "Thứ Hai, 20/09/2023 | 08:15", "ngày 28 tháng 1 năm 2021". Thread-safe.
/// </summary>
internal static partial class Datelines
{
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    /// <summary>Finds the first date in <paramref name="line"/> and the time written next to it.</summary>
    public static bool TryParse(string line, out DatelineMatch match)
    {
        match = default;
        return line.Length is <= 400 and >= 6 && TryParse(line, TextClean.Key(line), out match);
    }

    /// <summary>As <see cref="TryParse(string, out DatelineMatch)"/>, with the line's <see cref="TextClean.Key"/> already made.</summary>
    public static bool TryParse(string line, string key, out DatelineMatch match)
    {
        match = default;
        if (line.Length > 400 || line.Length < 6)
        {
            return false;
        }

        var dm = DateRegex().Match(key);
        if (!dm.Success || !TryDate(dm, out var date))
        {
            return false;
        }

        var residue = key.Remove(dm.Index, dm.Length).Insert(dm.Index, " \u0001 ");
        var precision = DatePrecision.Date;
        var bestTime = default(Match);
        var bestDistance = int.MaxValue;
        foreach (Match tm in TimeRegex().Matches(residue))
        {
            var marker = residue.IndexOf('\u0001', StringComparison.Ordinal);
            var distance = tm.Index > marker ? tm.Index - marker : marker - (tm.Index + tm.Length);
            if (distance < bestDistance && distance <= 24 && TryTime(tm, out _))
            {
                bestDistance = distance;
                bestTime = tm;
            }
        }

        if (bestTime is not null && TryTime(bestTime, out var time))
        {
            date = date.Add(time);
            precision = DatePrecision.Minute;
            residue = residue.Remove(bestTime.Index, bestTime.Length);
        }

        string? author = null;
        var am = AuthorRegex().Match(residue);
        if (am.Success)
        {
            author = AuthorFromOriginal(line, am.Groups["name"].Value);
            residue = residue[..am.Index];
        }

        residue = FillerRegex().Replace(residue, " ");
        var whole = true;
        foreach (var c in residue)
        {
            if (char.IsLetterOrDigit(c))
            {
                whole = false;
                break;
            }
        }

        match = new DatelineMatch(new PublishedDate(date, precision), whole, key.Contains("cập nhật", StringComparison.Ordinal), author);
        return true;
    }

    /// <summary>
    /// True for a short line that is only a dateline's label or the glue of a "posted on … by …" row
    /// ("Đăng vào", "bởi", "Cập nhật lúc:"), left over when the date and the author are lines of their own.
    /// </summary>
    public static bool IsLabelOnly(string key)
    {
        if (key.Length > 40)
        {
            return false;
        }

        var rest = FillerRegex().Replace(GlueRegex().Replace(key, " "), " ");
        foreach (var c in rest)
        {
            if (char.IsLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Parses a machine date (meta, JSON-LD, &lt;time datetime&gt;): ISO 8601 with or without offset; an offset is converted to UTC+7.</summary>
    public static bool TryParseMachine(string? value, out PublishedDate date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(value) || value.Length > 64)
        {
            return false;
        }

        var s = value.Trim();
        var hasTime = s.Length > 10 && (s[10] == 'T' || s[10] == ' ') && s.Length >= 16;
        if (HasOffset(s) && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dto))
        {
            var local = dto.ToOffset(VietnamOffset).DateTime;
            date = hasTime
                ? new PublishedDate(Truncate(local), DatePrecision.Minute)
                : new PublishedDate(local.Date, DatePrecision.Date);
            return true;
        }

        if (DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var dt))
        {
            date = hasTime
                ? new PublishedDate(Truncate(DateTime.SpecifyKind(dt, DateTimeKind.Unspecified)), DatePrecision.Minute)
                : new PublishedDate(DateTime.SpecifyKind(dt.Date, DateTimeKind.Unspecified), DatePrecision.Date);
            return true;
        }

        if (TryParse(s, out var m))
        {
            date = m.Date;
            return true;
        }

        return false;
    }

    private static bool HasOffset(string s) =>
        s.EndsWith('Z') || (s.Length > 16 && (s[^6] is '+' or '-') && s[^3] == ':') || (s.Length > 16 && (s[^5] is '+' or '-') && char.IsDigit(s[^1]) && s.IndexOf('T', StringComparison.Ordinal) > 0 && char.IsDigit(s[^4]));

    private static DateTime Truncate(DateTime dt) => new(dt.Year, dt.Month, dt.Day, dt.Hour, dt.Minute, 0, DateTimeKind.Unspecified);

    private static string AuthorFromOriginal(string line, string keyName)
    {
        // The key is lower-cased; take the same number of trailing characters from the collapsed original.
        var original = TextClean.Collapse(line);
        var n = keyName.Trim().Length;
        return n > 0 && n <= original.Length ? original[^n..].Trim() : keyName.Trim();
    }

    private static bool TryDate(Match m, out DateTime date)
    {
        date = default;
        var y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        var mo = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        var d = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        if (y < 1990 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo))
        {
            return false;
        }

        date = new DateTime(y, mo, d, 0, 0, 0, DateTimeKind.Unspecified);
        return true;
    }

    private static bool TryTime(Match m, out TimeSpan time)
    {
        time = default;
        var h = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        var mi = int.Parse(m.Groups["mi"].Value, CultureInfo.InvariantCulture);
        var ap = m.Groups["ap"].Value;
        if (ap.Length > 0)
        {
            if (h < 1 || h > 12)
            {
                return false;
            }

            var pm = ap[0] is 'c' or 'p';
            h = pm ? (h == 12 ? 12 : h + 12) : (h == 12 ? 0 : h);
        }

        if (h > 23 || mi > 59)
        {
            return false;
        }

        time = new TimeSpan(h, mi, 0);
        return true;
    }

    [GeneratedRegex(@"(?<![\d/.-])(?:(?<y>(?:19|20)\d\d)\s?-\s?(?<m>\d{1,2})\s?-\s?(?<d>\d{1,2})|(?<d>\d{1,2})\s*([/.-])\s*(?<m>\d{1,2})\s*\1\s*(?<y>(?:19|20)\d\d)|(?:ngày\s+)?(?<d>\d{1,2})\s+tháng\s+(?<m>\d{1,2})\s*(?:,\s*)?(?:năm\s+)?(?<y>(?:19|20)\d\d))(?![\d/])", RegexOptions.CultureInvariant)]
    private static partial Regex DateRegex();

    [GeneratedRegex(@"(?<![\d:])(?<h>\d{1,2})\s*(?::|h|giờ)\s*(?<mi>\d{2})(?:\s*(?::|phút)\s*(?<s>\d{2}))?(?:\s*(?<ap>sa|ch|am|pm|a\.m\.|p\.m\.)(?![\p{L}]))?(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex TimeRegex();

    [GeneratedRegex(@"\b(?:đăng vào|vào lúc|vào|bởi|by|posted in|đăng trong|trong|tác giả|người đăng|người viết)\b", RegexOptions.CultureInvariant)]
    private static partial Regex GlueRegex();

    [GeneratedRegex(@"(?:tác giả|người đăng|người viết|viết bởi|đăng bởi|posted by|by)\s*:?\s*(?<name>[^|\u0001]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex AuthorRegex();

    [GeneratedRegex(@"\d+\s*%|(?<!\p{L})a{1,2}[+-]?(?!\p{L})|(?:số\s+)?lượt\s+(?:xem|đọc|truy cập|bình luận)\s*:?\s*[\d.,]*|\d+\s+(?:lượt xem|views?|bình luận)|\(?(?:gmt|utc)\s*[+-]?\s*\d*\)?|\b(?:được đăng ngày|được đăng|được|viết bởi|đăng ngày|ngày đăng|ngày cập nhật|cập nhật lúc|cập nhật ngày|cập nhật|đăng lúc|ngày xuất bản|xuất bản|thời gian đăng|thời gian|ngày|lúc|đăng|posted on|posted|published|on|at|giờ|thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ nhật|cn|sa|ch)\b|\u0001", RegexOptions.CultureInvariant)]
    private static partial Regex FillerRegex();
}

using System.Text.RegularExpressions;

namespace DanVan.Extraction.Html;

/// <summary>
/// The byline at the end of an article: "Thanh Trúc"; "T/h: H’Loan- Xuân Trí"; "Minh Khang" followed by a unit
/// line ("Trung tâm VHTT và Truyền thông thành phố", dropped); "Nguồn: …"; "Tin, ảnh: …". Thread-safe.
/// </summary>
internal static partial class Bylines
{
    /// <summary>First words of a unit (organization) line under a byline.</summary>
    private static readonly string[] UnitStarts =
    [
        "trung tâm", "ban ", "phòng ", "báo ", "đài ", "ubnd", "ủy ban", "uỷ ban", "ub ", "hội ", "văn phòng", "cổng ", "thị ủy", "huyện ủy",
        "tỉnh ủy", "thành ủy", "đảng ủy", "quận ủy", "sở ", "cục ", "chi cục", "công an", "trường ", "đoàn ", "liên đoàn", "mttq", "mặt trận",
        "bộ ", "xã ", "phường ", "huyện ", "thị xã", "thành phố", "tp ", "tp.", "viện ", "đảng bộ", "chi bộ", "cơ quan", "bch ", "bộ chỉ huy",
        "thông tấn", "tạp chí", "tòa ", "hđnd", "hội đồng", "btv", "ctv", "(",
    ];

    /// <summary>Tries to read a byline from the last lines; <paramref name="consumed"/> is how many lines at the end it covers.</summary>
    /// <remarks>A source line naming an organization ("Nguồn: Hội Nông dân huyện") is consumed with a null author.</remarks>
    public static bool TryExtract(IReadOnlyList<string> lines, out string? author, out int consumed)
    {
        author = null;
        consumed = 0;
        var n = lines.Count;
        if (n == 0)
        {
            return false;
        }

        var last = lines[n - 1];
        if (n >= 2 && IsUnitLine(last) && TryAuthorLine(lines[n - 2], out author))
        {
            consumed = 2;
            return true;
        }

        if (TryAuthorLine(last, out author))
        {
            consumed = 1;
            return true;
        }

        return false;
    }

    /// <summary>A line that is a byline on its own: a marker line, a person's name, or "Name - Unit".</summary>
    public static bool TryAuthorLine(string line, out string? author)
    {
        author = null;
        var text = line.Trim();
        if (text.Length == 0 || text.Length > 120 || TextClean.EndsLikeSentence(text) && !text.EndsWith(':'))
        {
            if (text.Length > 0 && text.Length <= 60 && text[^1] == '.' && IsPersonName(text[..^1]))
            {
                author = text[..^1];
                return true;
            }

            return false;
        }

        var marker = MarkerRegex().Match(text);
        if (marker.Success)
        {
            var rest = text[marker.Length..].Trim().TrimEnd('.', ')').Trim();
            if (rest.Length > 0 && TextClean.CountWords(rest) <= 12)
            {
                // "Nguồn: Hội Nông dân huyện …" names a source, not a person: the line goes, no author.
                author = IsUnitLine(rest) ? null : rest;
                return true;
            }

            return false;
        }

        if (IsPersonName(text) || IsPersonList(text))
        {
            author = text;
            return true;
        }

        // "Thanh Trúc - Hồng Nhung (TTVH thị xã)": the names, without the unit in brackets.
        var open = text.LastIndexOf('(');
        if (open > 0 && text.EndsWith(')'))
        {
            var names = text[..open].Trim().TrimEnd('-', '–', ',').Trim();
            if (IsPersonName(names) || IsPersonList(names))
            {
                author = names;
                return true;
            }
        }

        // "Minh Khang - Trung tâm VHTT", "Minh Khang (Trung tâm VHTT)"
        var cut = text.IndexOfAny(['(', '-', '–', ',']);
        if (cut > 0)
        {
            var name = text[..cut].Trim();
            if (IsPersonName(name) && IsUnitLine(text[(cut + 1)..].Trim().TrimEnd(')')))
            {
                author = name;
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A line that says it is a byline wherever it stands: "Tác giả: …", "Viết bởi …", "Tin, ảnh: …", "Nguồn: …".
    /// <paramref name="author"/> is null when the line names an organization.
    /// </summary>
    public static bool TryExplicit(string line, out string? author)
    {
        author = null;
        var text = line.Trim();
        if (text.Length > 100 || TextClean.CountWords(text) > 12 || !ExplicitMarkerRegex().IsMatch(text))
        {
            return false;
        }

        return TryAuthorLine(text, out author);
    }

    /// <summary>"…tiếp tục triển khai. (Thanh Trúc)": a byline in brackets closing the last paragraph.</summary>
    public static bool TryTrailingBracket(string paragraph, out string? author, out string rest)
    {
        author = null;
        rest = paragraph;
        var m = TrailingBracketRegex().Match(paragraph);
        if (!m.Success)
        {
            return false;
        }

        var inside = m.Groups["b"].Value.Trim();
        if (IsPersonName(inside) || IsPersonList(inside) || (MarkerRegex().IsMatch(inside) && TryAuthorLine(inside, out _)))
        {
            if (!IsPersonName(inside) && !IsPersonList(inside))
            {
                TryAuthorLine(inside, out author);
            }
            else
            {
                author = inside;
            }

            rest = paragraph[..m.Index].TrimEnd();
            return rest.Length > 0;
        }

        return false;
    }

    /// <summary>A unit line under a byline: an organization name, short, no final period.</summary>
    public static bool IsUnitLine(string line)
    {
        var text = line.Trim();
        if (text.Length == 0 || text.Length > 120 || TextClean.EndsLikeSentence(text) || TextClean.CountWords(text) > 14)
        {
            return false;
        }

        var key = TextClean.Key(text);
        foreach (var start in UnitStarts)
        {
            if (key.StartsWith(start, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Two or three names joined by a dash, a comma or "và": "Y Thịnh - Ngọc Hân", "H’Loan- Xuân Trí".</summary>
    public static bool IsPersonList(string text)
    {
        var parts = PersonSeparatorRegex().Split(text);
        if (parts.Length is < 2 or > 3)
        {
            return false;
        }

        foreach (var part in parts)
        {
            var p = part.Trim();
            var singleEthnic = p.Length > 2 && !p.Contains(' ', StringComparison.Ordinal) && (p.Contains('’', StringComparison.Ordinal) || p.Contains('\'', StringComparison.Ordinal)) && char.IsUpper(p[0]);
            if (!singleEthnic && !IsPersonName(p))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>2–5 capitalized syllables, letters and apostrophes only ("Thanh Trúc", "Ksor H'Bơ Khăp", "H’Loan").</summary>
    public static bool IsPersonName(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 || words.Length > 5)
        {
            return false;
        }

        foreach (var w in words)
        {
            if (!char.IsUpper(w[0]))
            {
                return false;
            }

            foreach (var c in w)
            {
                if (!char.IsLetter(c) && c is not ('\'' or '’' or '-'))
                {
                    return false;
                }
            }
        }

        return !IsUnitLine(text) && LineClassifier.Classify(text) == LineKind.Content;
    }

    [GeneratedRegex(@"^(?i:tác giả|người viết|bài viết|thực hiện|tin,? ảnh|tin và ảnh|bài,? ảnh|bài và ảnh|nguồn|t/h)\s*:|^(?i:viết bởi|đăng bởi|người đăng|posted by|written by)(?![\p{L}])", RegexOptions.CultureInvariant)]
    private static partial Regex ExplicitMarkerRegex();

    [GeneratedRegex(@"(?<=[.!?…”""])\s*\((?<b>[^()]{3,60})\)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingBracketRegex();

    [GeneratedRegex(@"\s*[-–—]\s*|\s*,\s*|\s+và\s+", RegexOptions.CultureInvariant)]
    private static partial Regex PersonSeparatorRegex();

    [GeneratedRegex(@"^(?:(?i:t/h|tổng hợp|nguồn|tin,? ảnh|tin và ảnh|bài,? ảnh|bài và ảnh|bài|tin|tác giả|người viết|ảnh|bài viết|thực hiện|phóng viên|cộng tác viên)\s*:|(?i:viết bởi|đăng bởi|người đăng|posted by|written by|bởi)(?![\p{L}])\s*:?|(?:Theo|PV|CTV|T/h)(?![\p{L}]))\s*(?=\S)", RegexOptions.CultureInvariant)]
    private static partial Regex MarkerRegex();
}

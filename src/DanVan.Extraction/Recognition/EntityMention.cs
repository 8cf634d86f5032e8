using DanVan.Extraction.Text;

namespace DanVan.Extraction.Recognition;

/// <summary>The kinds of entity the recognizers find.</summary>
public enum EntityType
{
    /// <summary>A person's name ("Nguyễn Phương Hải", "H’Loan Niê").</summary>
    Person,

    /// <summary>A title held by a person ("Trưởng Ban Dân vận Thị ủy", "UVBTV").</summary>
    Title,

    /// <summary>An organization ("Ban Dân vận Thị ủy", "UB MTTQ thị xã").</summary>
    Organization,

    /// <summary>A calendar date ("28/1/2021", "Sáng 20/9").</summary>
    Date,

    /// <summary>A period of time ("quý III/2019", "9 tháng đầu năm 2023", "nhiệm kỳ 2021 - 2026").</summary>
    Period,

    /// <summary>A reported figure: a number with what it counts ("gần 74.000 suất quà", "hơn 33 tỉ đồng").</summary>
    Figure,

    /// <summary>A named movement, campaign, programme or model ("Dân vận khéo").</summary>
    Campaign,
}

/// <summary>Part of the day a date is qualified with ("Sáng 20/9").</summary>
public enum DayPart
{
    /// <summary>Sáng.</summary>
    Morning,

    /// <summary>Trưa, Chiều.</summary>
    Afternoon,

    /// <summary>Tối.</summary>
    Evening,
}

/// <summary>How long a period is, as written.</summary>
public enum PeriodGranularity
{
    /// <summary>A calendar month ("tháng 9/2023").</summary>
    Month,

    /// <summary>A quarter ("quý III/2019").</summary>
    Quarter,

    /// <summary>The first or last N months of a year ("6 tháng đầu năm", "03 tháng cuối năm").</summary>
    Months,

    /// <summary>A calendar year ("năm 2020").</summary>
    Year,

    /// <summary>A range of years ("giai đoạn 2017 - 2020", "nhiệm kỳ 2021 - 2026").</summary>
    YearRange,

    /// <summary>A school year ("năm học 2022 - 2023": 1 September to 31 May).</summary>
    SchoolYear,

    /// <summary>A season ("hè 2023": 1 June to 31 August).</summary>
    Season,

    /// <summary>From a year to now ("từ năm 2000 đến nay"): no end.</summary>
    OpenEnded,
}

/// <summary>
/// One entity mention: its type, its span and its text. <see cref="Span"/> is an offset range into the
/// text the mention was found in — the caller's original text when it comes from the library's
/// public entry points.
/// </summary>
/// <param name="Type">What the mention is.</param>
/// <param name="Span">Where it is.</param>
/// <param name="Text">The mention as written.</param>
public abstract record EntityMention(EntityType Type, TextSpan Span, string Text)
{
    /// <summary>The normalized value as one string (ISO dates, decimal numbers, canonical names), for comparison and output.</summary>
    public abstract string NormalizedValue { get; }

    internal abstract EntityMention WithSpan(TextSpan span, string text);
}

/// <summary>A person's name.</summary>
/// <param name="Span">Where it is.</param>
/// <param name="Text">As written.</param>
/// <param name="Name">Full name with canonical capitalization.</param>
public sealed record PersonMention(TextSpan Span, string Text, string Name) : EntityMention(EntityType.Person, Span, Text)
{
    /// <inheritdoc />
    public override string NormalizedValue => Name;

    internal override EntityMention WithSpan(TextSpan span, string text) => this with { Span = span, Text = text };
}

/// <summary>A title, with abbreviations expanded and the person the text attaches it to.</summary>
/// <param name="Span">Where it is.</param>
/// <param name="Text">As written.</param>
/// <param name="Expanded">With abbreviations expanded ("Phó Chủ tịch Thường trực Ủy ban nhân dân thị xã").</param>
/// <param name="Person">Canonical name of the person it belongs to, when the text says.</param>
public sealed record TitleMention(TextSpan Span, string Text, string Expanded, string? Person) : EntityMention(EntityType.Title, Span, Text)
{
    /// <inheritdoc />
    public override string NormalizedValue => Expanded;

    internal override EntityMention WithSpan(TextSpan span, string text) => this with { Span = span, Text = text };
}

/// <summary>An organization, with abbreviations expanded.</summary>
/// <param name="Span">Where it is.</param>
/// <param name="Text">As written.</param>
/// <param name="Expanded">With abbreviations expanded ("Ủy ban Mặt trận Tổ quốc thị xã").</param>
public sealed record OrganizationMention(TextSpan Span, string Text, string Expanded) : EntityMention(EntityType.Organization, Span, Text)
{
    /// <inheritdoc />
    public override string NormalizedValue => Expanded;

    internal override EntityMention WithSpan(TextSpan span, string text) => this with { Span = span, Text = text };
}

/// <summary>A calendar date.</summary>
/// <param name="Span">Where it is.</param>
/// <param name="Text">As written.</param>
/// <param name="Value">The date; a year missing from the text is taken from the context (see <see cref="YearInferred"/>).</param>
/// <param name="Part">The part of the day, when written before the date.</param>
/// <param name="YearInferred">True when the year was not written and came from the publication date or the text around.</param>
public sealed record DateMention(TextSpan Span, string Text, DateOnly Value, DayPart? Part, bool YearInferred) : EntityMention(EntityType.Date, Span, Text)
{
    /// <inheritdoc />
    public override string NormalizedValue => Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    internal override EntityMention WithSpan(TextSpan span, string text) => this with { Span = span, Text = text };
}

/// <summary>A period of time.</summary>
/// <param name="Span">Where it is.</param>
/// <param name="Text">As written.</param>
/// <param name="Start">First day.</param>
/// <param name="End">Last day; null for an open end ("đến nay").</param>
/// <param name="Granularity">How the period is counted.</param>
/// <param name="YearInferred">True when the year was not written and came from the text around or the publication date.</param>
public sealed record PeriodMention(TextSpan Span, string Text, DateOnly Start, DateOnly? End, PeriodGranularity Granularity, bool YearInferred)
    : EntityMention(EntityType.Period, Span, Text)
{
    /// <inheritdoc />
    public override string NormalizedValue =>
        Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + ".." + End?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    internal override EntityMention WithSpan(TextSpan span, string text) => this with { Span = span, Text = text };
}

/// <summary>A reported figure.</summary>
/// <param name="Span">Where it is (qualifier, number, scale word and counted noun).</param>
/// <param name="Text">As written.</param>
/// <param name="Value">The number with its scale word applied ("1,5 tỷ" = 1500000000).</param>
/// <param name="Unit">What it counts ("suất quà", "lượt công dân"), "đồng" for money, "%" for percentages.</param>
/// <param name="Qualifier">gần, hơn, trên, khoảng, ước — when written.</param>
public sealed record FigureMention(TextSpan Span, string Text, decimal Value, string Unit, string? Qualifier) : EntityMention(EntityType.Figure, Span, Text)
{
    /// <inheritdoc />
    public override string NormalizedValue => Value.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + Unit;

    internal override EntityMention WithSpan(TextSpan span, string text) => this with { Span = span, Text = text };
}

/// <summary>A named movement, campaign, programme or model.</summary>
/// <param name="Span">Where the name is (without quotes).</param>
/// <param name="Text">As written.</param>
/// <param name="Name">Canonical name: first letter capitalized, spacing and quotes normalized.</param>
public sealed record CampaignMention(TextSpan Span, string Text, string Name) : EntityMention(EntityType.Campaign, Span, Text)
{
    /// <inheritdoc />
    public override string NormalizedValue => Name;

    internal override EntityMention WithSpan(TextSpan span, string text) => this with { Span = span, Text = text };
}

namespace DanVan.Extraction.Records;

/// <summary>The kind of meeting an article reports.</summary>
public enum MeetingKind
{
    /// <summary>Not a meeting report, or a kind the rules do not name.</summary>
    Other,

    /// <summary>Giao ban: a regular briefing (quarterly, 6 or 9 months).</summary>
    GiaoBan,

    /// <summary>Sơ kết: a mid-term review.</summary>
    SoKet,

    /// <summary>Tổng kết: a final or year-end review.</summary>
    TongKet,

    /// <summary>Triển khai: a roll-out of tasks.</summary>
    TrienKhai,

    /// <summary>Đối thoại, tiếp xúc: a dialogue with citizens.</summary>
    DoiThoai,

    /// <summary>Hội nghị chuyên đề, biểu dương, tuyên dương, kỷ niệm: a thematic or commendation meeting.</summary>
    ChuyenDe,
}

/// <summary>What a speaker did at the meeting.</summary>
public enum SpeakerRole
{
    /// <summary>Phát biểu: spoke.</summary>
    PhatBieu,

    /// <summary>Báo cáo: presented the report.</summary>
    BaoCao,

    /// <summary>Chỉ đạo: gave directions.</summary>
    ChiDao,

    /// <summary>Kết luận: concluded the meeting.</summary>
    KetLuan,

    /// <summary>Tham luận: gave a contribution paper.</summary>
    ThamLuan,
}

/// <summary>What a sentence of the article is about.</summary>
public enum SectionLabel
{
    /// <summary>Anything else (the lead, attendance, ceremony).</summary>
    Other,

    /// <summary>Results achieved.</summary>
    Results,

    /// <summary>Shortcomings and limitations ("tồn tại, hạn chế").</summary>
    Shortcomings,

    /// <summary>Directions and tasks for the next period.</summary>
    Directions,
}

/// <summary>A value found in the text: what it says and where. <see cref="Start"/> and <see cref="End"/> are offsets into <see cref="MeetingRecord.Text"/>.</summary>
/// <param name="Text">The text as written.</param>
/// <param name="Start">Offset of the first character.</param>
/// <param name="End">Offset one past the last character.</param>
public sealed record SpanText(string Text, int Start, int End);

/// <summary>Where the record came from.</summary>
/// <param name="Path">The input path, when read from a file.</param>
/// <param name="Url">The page URL (canonical when the page names one).</param>
/// <param name="Site">The site (host name or site name).</param>
/// <param name="Title">The article title.</param>
/// <param name="Published">Publication date-time as written (ISO 8601, local time), when known.</param>
/// <param name="Author">The byline.</param>
/// <param name="Encoding">The encoding the input was read in ("utf-8", "windows-1258", "tcvn3", …).</param>
public sealed record RecordSource(string? Path, string? Url, string? Site, string? Title, string? Published, string? Author, string? Encoding);

/// <summary>A date value with its span.</summary>
/// <param name="Text">As written.</param>
/// <param name="Value">ISO date.</param>
/// <param name="Start">Offset of the first character.</param>
/// <param name="End">Offset one past the last character.</param>
public sealed record DateValue(string Text, string Value, int Start, int End);

/// <summary>A period with its span.</summary>
/// <param name="Text">As written.</param>
/// <param name="Start">First day (ISO).</param>
/// <param name="End">Last day (ISO); null for an open end.</param>
/// <param name="TextStart">Offset of the first character.</param>
/// <param name="TextEnd">Offset one past the last character.</param>
public sealed record PeriodValue(string Text, string Start, string? End, int TextStart, int TextEnd);

/// <summary>A title as written and expanded.</summary>
/// <param name="Text">As written.</param>
/// <param name="Expanded">Abbreviations expanded.</param>
/// <param name="Start">Offset of the first character.</param>
/// <param name="End">Offset one past the last character.</param>
public sealed record TitleValue(string Text, string Expanded, int Start, int End);

/// <summary>A person of the article: canonical name, titles and every mention (name variants merged).</summary>
/// <param name="Name">Canonical name.</param>
/// <param name="Titles">Titles the text gives the person.</param>
/// <param name="Mentions">Every mention of the name.</param>
public sealed record PersonEntry(string Name, IReadOnlyList<TitleValue> Titles, IReadOnlyList<SpanText> Mentions);

/// <summary>An organization of the article.</summary>
/// <param name="Name">As written at its first mention.</param>
/// <param name="Expanded">Abbreviations expanded.</param>
/// <param name="Mentions">Every mention.</param>
public sealed record OrganizationEntry(string Name, string Expanded, IReadOnlyList<SpanText> Mentions);

/// <summary>A reported figure.</summary>
/// <param name="Text">As written.</param>
/// <param name="Value">The number with its scale word applied.</param>
/// <param name="Unit">What it counts ("suất quà"), "đồng" or "%".</param>
/// <param name="Qualifier">gần, hơn, trên, khoảng, ước — when written.</param>
/// <param name="Start">Offset of the first character.</param>
/// <param name="End">Offset one past the last character.</param>
/// <param name="Sentence">The sentence it belongs to.</param>
public sealed record FigureEntry(string Text, decimal Value, string Unit, string? Qualifier, int Start, int End, SpanText Sentence);

/// <summary>A campaign mention.</summary>
/// <param name="Name">Canonical name.</param>
/// <param name="Text">As written.</param>
/// <param name="Start">Offset of the first character.</param>
/// <param name="End">Offset one past the last character.</param>
public sealed record CampaignEntry(string Name, string Text, int Start, int End);

/// <summary>A speaker: who, with which titles, doing what, in which sentence.</summary>
/// <param name="Person">Canonical name.</param>
/// <param name="Titles">The person's titles.</param>
/// <param name="Role">What the person did.</param>
/// <param name="Sentence">The sentence that says so.</param>
/// <param name="Mention">The words in that sentence that name the speaker: the name, a given name after an honorific, or a title standing for the person.</param>
public sealed record SpeakerEntry(string Person, IReadOnlyList<TitleValue> Titles, SpeakerRole Role, SpanText Sentence, SpanText Mention);

/// <summary>An award handed out at the meeting.</summary>
/// <param name="Giver">Who gave it, when stated.</param>
/// <param name="Award">The award ("giấy khen", "bằng khen").</param>
/// <param name="Count">How many recipients.</param>
/// <param name="Recipients">The recipient kind ("tập thể", "cá nhân").</param>
/// <param name="Sentence">The sentence that says so.</param>
/// <param name="GiverText">Where the giver is named, when stated.</param>
/// <param name="CountText">The figure that gives the count and the recipients ("12 cá nhân").</param>
public sealed record AwardEntry(string? Giver, string Award, decimal Count, string Recipients, SpanText Sentence, SpanText? GiverText, SpanText CountText);

/// <summary>A sentence with its label.</summary>
/// <param name="Label">What the sentence is about.</param>
/// <param name="Start">Offset of the first character.</param>
/// <param name="End">Offset one past the last character.</param>
public sealed record SectionSpan(SectionLabel Label, int Start, int End);

/// <summary>The meeting itself.</summary>
/// <param name="Kind">Kind of meeting.</param>
/// <param name="KindText">The words the kind was read from.</param>
/// <param name="Organizer">The organizing body.</param>
/// <param name="Date">The meeting date.</param>
/// <param name="Level">tỉnh, thành phố, thị xã, huyện, xã, phường — of the organizer, when written (read from the organizer's name, whose mentions carry the offsets).</param>
/// <param name="Place">Place name written after the level, when given (from the organizer's name too).</param>
/// <param name="Reviewed">The period the meeting reviews.</param>
/// <param name="Planned">The period it plans for.</param>
/// <param name="Chairs">Who chaired (canonical names).</param>
/// <param name="ChairMentions">Where each chair is named in the sentence that says so, in the order of <paramref name="Chairs"/>.</param>
/// <param name="Attendees">People and organizations named as attending.</param>
public sealed record MeetingInfo(
    MeetingKind Kind,
    SpanText? KindText,
    OrganizationEntry? Organizer,
    DateValue? Date,
    string? Level,
    string? Place,
    PeriodValue? Reviewed,
    PeriodValue? Planned,
    IReadOnlyList<string> Chairs,
    IReadOnlyList<SpanText> ChairMentions,
    IReadOnlyList<SpanText> Attendees);

/// <summary>
/// One structured record per article: the meeting, its speakers, and every person, organization, date,
/// period, figure, campaign and award found, each with offsets into <see cref="Text"/> (the clean article
/// text for pages, the input itself for plain text).
/// </summary>
/// <param name="Source">Where it came from.</param>
/// <param name="Text">The text every offset refers to.</param>
/// <param name="Meeting">The meeting.</param>
/// <param name="Speakers">Who spoke, with which role.</param>
/// <param name="Persons">Every person.</param>
/// <param name="Organizations">Every organization.</param>
/// <param name="Dates">Every date.</param>
/// <param name="Periods">Every period.</param>
/// <param name="Figures">Every figure.</param>
/// <param name="Campaigns">Every campaign mention.</param>
/// <param name="Awards">Awards handed out.</param>
/// <param name="Sections">Sentences labeled results / shortcomings / directions / other.</param>
public sealed record MeetingRecord(
    RecordSource Source,
    string Text,
    MeetingInfo Meeting,
    IReadOnlyList<SpeakerEntry> Speakers,
    IReadOnlyList<PersonEntry> Persons,
    IReadOnlyList<OrganizationEntry> Organizations,
    IReadOnlyList<DateValue> Dates,
    IReadOnlyList<PeriodValue> Periods,
    IReadOnlyList<FigureEntry> Figures,
    IReadOnlyList<CampaignEntry> Campaigns,
    IReadOnlyList<AwardEntry> Awards,
    IReadOnlyList<SectionSpan> Sections);

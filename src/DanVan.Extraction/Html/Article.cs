using DanVan.Extraction.Text;

namespace DanVan.Extraction.Html;

/// <summary>How precise a <see cref="PublishedDate"/> is.</summary>
public enum DatePrecision
{
    /// <summary>The page gives the day only; the time of <see cref="PublishedDate.Value"/> is midnight and means nothing.</summary>
    Date,

    /// <summary>The page gives the day and the time to the minute (seconds, when given, are dropped).</summary>
    Minute,
}

/// <summary>A publication date-time in Vietnam local time (UTC+7), with the precision the page gives it.</summary>
/// <param name="Value">The local date-time; <see cref="DateTimeKind.Unspecified"/>. Seconds are always zero.</param>
/// <param name="Precision">Whether the time of day is known.</param>
public readonly record struct PublishedDate(DateTime Value, DatePrecision Precision)
{
    /// <summary>ISO 8601 at the precision known: <c>2023-09-21</c> or <c>2023-09-21T11:14</c>.</summary>
    public override string ToString() =>
        Precision == DatePrecision.Date
            ? Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            : Value.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>How the bytes of a page were turned into text.</summary>
/// <param name="Kind">The encoding family (Unicode, windows-1258, legacy font encodings …).</param>
/// <param name="Name">The code page name, e.g. <c>utf-8</c> or <c>windows-1258</c>; <c>text</c> for text input.</param>
/// <param name="Source">Where the choice came from: <c>bom</c>, <c>declared</c> (the caller's HTTP charset), <c>meta</c>, <c>detected</c>, or <c>text</c> when the caller passed a string.</param>
public sealed record ArticleEncoding(TextEncodingKind Kind, string Name, string Source);

/// <summary>
/// A clean news article read from a portal page or from text copied from one. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// <see cref="Text"/> is the text the later stages work on: the title, the lead and the paragraphs, each on
/// its own line, joined by <c>"\n"</c>. It is the page's own text in Unicode NFC with whitespace runs
/// (no-break spaces, tabs, zero-width characters) collapsed to one space and trimmed; tone-mark placement,
/// quotes and dashes are left as the page wrote them (normalize with <see cref="TextNormalizer"/> when
/// comparing). <see cref="TitleSpan"/>, <see cref="LeadSpan"/> and <see cref="ParagraphSpans"/> are UTF-16
/// offsets into <see cref="Text"/>. Captions, the dateline and the byline are not part of <see cref="Text"/>.
/// </remarks>
public sealed class Article
{
    internal Article(
        string? title,
        PublishedDate? published,
        string? author,
        string? site,
        string? url,
        string? lead,
        IReadOnlyList<string> paragraphs,
        IReadOnlyList<string> captions,
        ArticleEncoding encoding)
    {
        Title = title;
        Published = published;
        Author = author;
        Site = site;
        Url = url;
        Lead = lead;
        Paragraphs = paragraphs;
        Captions = captions;
        Encoding = encoding;

        var builder = new System.Text.StringBuilder();
        var spans = new TextSpan[paragraphs.Count];
        if (title is not null)
        {
            TitleSpan = new TextSpan(0, title.Length);
            builder.Append(title);
        }

        if (lead is not null)
        {
            AppendSeparator(builder);
            LeadSpan = new TextSpan(builder.Length, lead.Length);
            builder.Append(lead);
        }

        for (var i = 0; i < paragraphs.Count; i++)
        {
            AppendSeparator(builder);
            spans[i] = new TextSpan(builder.Length, paragraphs[i].Length);
            builder.Append(paragraphs[i]);
        }

        ParagraphSpans = spans;
        Text = builder.ToString();
    }

    /// <summary>The headline (not the browser title with the site name), or null when the page has none.</summary>
    public string? Title { get; }

    /// <summary>The publication date-time in Vietnam local time, or null when the page gives none.</summary>
    public PublishedDate? Published { get; }

    /// <summary>The byline ("Thanh Trúc", "H’Loan- Xuân Trí"), without markers such as "T/h:" and without unit lines; null when none.</summary>
    public string? Author { get; }

    /// <summary>The site name (og:site_name) or the host name of <see cref="Url"/>; null when neither is known.</summary>
    public string? Site { get; }

    /// <summary>The canonical URL when the page names one (link rel=canonical, og:url), else the URL the caller gave; null when none.</summary>
    public string? Url { get; }

    /// <summary>The lead (sapo) when the page marks one, else null. Not repeated in <see cref="Paragraphs"/>.</summary>
    public string? Lead { get; }

    /// <summary>The body paragraphs after the lead, in order; lists inside the article are kept, one item a paragraph.</summary>
    public IReadOnlyList<string> Paragraphs { get; }

    /// <summary>Photo captions, in page order; never part of <see cref="Paragraphs"/> or <see cref="Text"/>.</summary>
    public IReadOnlyList<string> Captions { get; }

    /// <summary>How the page's bytes were decoded.</summary>
    public ArticleEncoding Encoding { get; }

    /// <summary>The clean text: title, lead and paragraphs joined by <c>"\n"</c>.</summary>
    public string Text { get; }

    /// <summary>Where <see cref="Title"/> is in <see cref="Text"/>, or null.</summary>
    public TextSpan? TitleSpan { get; }

    /// <summary>Where <see cref="Lead"/> is in <see cref="Text"/>, or null.</summary>
    public TextSpan? LeadSpan { get; }

    /// <summary>Where each of <see cref="Paragraphs"/> is in <see cref="Text"/>, same order and count.</summary>
    public IReadOnlyList<TextSpan> ParagraphSpans { get; }

    /// <summary>The lead (when any) followed by the paragraphs: the article's body text, one paragraph an item.</summary>
    public IReadOnlyList<string> BodyParagraphs() =>
        Lead is null ? Paragraphs : [Lead, .. Paragraphs];

    private static void AppendSeparator(System.Text.StringBuilder builder)
    {
        if (builder.Length > 0)
        {
            builder.Append('\n');
        }
    }
}

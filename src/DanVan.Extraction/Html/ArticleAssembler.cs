using System.Text.RegularExpressions;

namespace DanVan.Extraction.Html;

/// <summary>The article parts read from a run of lines.</summary>
internal sealed class AssembledArticle
{
    public string? Title { get; set; }

    public DatelineMatch? Dateline { get; set; }

    /// <summary>A dateline just before the title (a site header's date, at times the article's): used only when nothing else dates the article.</summary>
    public DatelineMatch? OutsideDateline { get; set; }

    public string? Author { get; set; }

    public string? Lead { get; set; }

    public List<string> Paragraphs { get; } = [];

    public List<string> Captions { get; } = [];
}

/// <summary>
/// The chrome filter both readers share: takes the lines of a page in order (all lines of a text, or the
/// blocks of the HTML content region) and sorts them into title, dateline, lead, body, captions and byline,
/// dropping chrome. Thread-safe (no state).
/// </summary>
internal static partial class ArticleAssembler
{
    /// <param name="lines">The lines in page order.</param>
    /// <param name="knownTitle">The headline the HTML reader found, or null (text input: the first heading-like line is the title).</param>
    /// <param name="descriptionKey">The key of the page's meta description, which a lead repeats; or null.</param>
    /// <param name="fromMarkup">True for HTML blocks: only headings that always end an article ("Tin liên quan") end it, since
    /// the rest of a sidebar's content is dropped block by block; text has no such help.</param>
    /// <param name="cancellationToken">Checked every 64 lines.</param>
    public static AssembledArticle Assemble(IReadOnlyList<PageLine> lines, string? knownTitle, string? descriptionKey, bool fromMarkup, CancellationToken cancellationToken)
    {
        var result = new AssembledArticle { Title = knownTitle };
        var titleKey = knownTitle is null ? null : TextClean.Key(knownTitle);
        var body = new List<PageLine>();
        var sentences = 0;
        string? hintedAuthor = null;
        string? trailingAuthor = null;
        string? explicitAuthor = null;
        DatelineMatch? outsideDateline = null;
        var afterClosed = false;
        string? leadingAuthor = null;
        for (var i = 0; i < lines.Count; i++)
        {
            if ((i & 63) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var line = lines[i];
            var text = line.Text;
            if (text.Length == 0)
            {
                continue;
            }

            var key = TextClean.Key(text);
            if (titleKey is not null && key == titleKey)
            {
                continue;
            }

            var kind = LineClassifier.Classify(text, key);
            // Before the body, a short line holding a date is the dateline even when its label is unknown
            // (or left in a legacy font encoding): "CËp nhËt lóc: 09:35 18/06/2015".
            if (kind == LineKind.Content && ((line.Has(LineHints.DateHint) && text.Length <= 100) || (sentences == 0 && text.Length <= 60 && TextClean.CountWords(text) <= 8))
                && Datelines.TryParse(text, key, out _))
            {
                kind = LineKind.Dateline;
            }

            switch (kind)
            {
                case LineKind.SectionHeading when sentences > 0 && !line.Has(LineHints.MetadataOnly) && (!fromMarkup || !LineClassifier.IsWeakSection(key)):
                    i = lines.Count;
                    continue;
                case LineKind.SectionHeading or LineKind.ListedItem when sentences > 0:
                    // After the article, a section or a news list: names and dates past it belong to others (comments, related news).
                    afterClosed = true;
                    continue;
                case LineKind.SectionHeading or LineKind.Chrome or LineKind.ListedItem:
                    continue;
                case LineKind.Dateline when line.Has(LineHints.MetadataOnly):
                    // Around the article (a site header's "today", a footer date): only when the article has none.
                    if (sentences == 0 && Datelines.TryParse(text, key, out var outside))
                    {
                        outsideDateline ??= outside;
                    }

                    continue;
                case LineKind.Dateline:
                    if (Datelines.TryParse(text, key, out var dateline) && (result.Dateline is null || (result.Dateline.Value.IsUpdate && !dateline.IsUpdate && sentences == 0)))
                    {
                        result.Dateline = dateline;
                    }

                    continue;
            }

            if (Bylines.TryExplicit(text, out var marked))
            {
                explicitAuthor ??= marked;
                continue;
            }

            if (line.Has(LineHints.Byline) && text.Length <= 120)
            {
                if (Bylines.TryAuthorLine(text, out var a) && a is not null && (Bylines.IsPersonName(a) || Bylines.IsPersonList(a)))
                {
                    hintedAuthor ??= a;
                    continue;
                }

                if (Bylines.IsPersonName(text.TrimEnd('.')))
                {
                    hintedAuthor ??= text.TrimEnd('.');
                    continue;
                }
            }

            if (line.Has(LineHints.MetadataOnly))
            {
                if (sentences > 0 && line.Has(LineHints.Heading))
                {
                    afterClosed = true;
                    continue;
                }

                // Around the article: a byline right after it may count, nothing else does.
                if (sentences > 0 && !afterClosed && Bylines.TryAuthorLine(text, out var trailing) && trailing is not null)
                {
                    trailingAuthor ??= trailing;
                }

                continue;
            }

            if (line.Has(LineHints.LinkDense))
            {
                continue;
            }

            if (result.Title is null && sentences == 0 && body.Count == 0 && !TextClean.EndsLikeSentence(text) && TextClean.CountWords(text) is >= 2 and <= 40 && !Bylines.IsPersonName(text))
            {
                result.Title = text;
                titleKey = key;
                continue;
            }

            // A name alone between the title and the first paragraph is a byline put on top.
            if (sentences == 0 && body.Count == 0 && TextClean.CountWords(text) <= 8 && (Bylines.IsPersonName(text) || Bylines.IsPersonList(text)))
            {
                leadingAuthor ??= text;
                continue;
            }

            if (IsCaption(line, sentences > 0, i + 1 < lines.Count))
            {
                result.Captions.Add(text);
                continue;
            }

            body.Add(line);
            if (TextClean.EndsLikeSentence(text) || TextClean.CountWords(text) >= 12)
            {
                sentences++;
            }
        }

        result.OutsideDateline = outsideDateline;
        TrimTail(body);
        var texts = new List<string>(body.Count);
        foreach (var l in body)
        {
            texts.Add(l.Text);
        }

        if (Bylines.TryExtract(texts, out var author, out var consumed) && texts.Count - consumed > 0)
        {
            texts.RemoveRange(texts.Count - consumed, consumed);
            body.RemoveRange(body.Count - consumed, consumed);
            result.Author ??= author;
        }

        if (result.Author is null && texts.Count > 1 && Bylines.TryTrailingBracket(texts[^1], out var bracketed, out var rest))
        {
            texts[^1] = rest;
            result.Author = bracketed;
        }

        // The byline closing the article text comes first, then one right after it, then a labeled one, then one the markup marks.
        result.Author ??= trailingAuthor;
        result.Author ??= explicitAuthor;
        result.Author ??= leadingAuthor;
        result.Author ??= hintedAuthor;
        if (result.Author is null && result.Dateline?.Author is { } datelineAuthor && (Bylines.IsPersonName(datelineAuthor) || Bylines.IsPersonList(datelineAuthor)))
        {
            result.Author = datelineAuthor;
        }
        if (body.Count > 1 && IsLead(body[0], descriptionKey))
        {
            result.Lead = body[0].Text;
            texts.RemoveAt(0);
        }

        result.Paragraphs.AddRange(texts);
        return result;
    }

    /// <summary>Drops trailing lines that cannot end an article: empty, a single word, link residue.</summary>
    private static void TrimTail(List<PageLine> body)
    {
        while (body.Count > 0)
        {
            var t = body[^1].Text;
            if (TextClean.CountWords(t) >= 2 || (t.Length > 0 && TextClean.EndsLikeSentence(t)))
            {
                return;
            }

            body.RemoveAt(body.Count - 1);
        }
    }

    private static bool IsLead(PageLine first, string? descriptionKey)
    {
        if (first.Has(LineHints.Lead))
        {
            return true;
        }

        if (first.Has(LineHints.Bold) && TextClean.CountWords(first.Text) >= 12)
        {
            return true;
        }

        if (descriptionKey is { Length: >= 40 })
        {
            var key = TextClean.Key(first.Text);
            var n = Math.Min(60, Math.Min(key.Length, descriptionKey.Length));
            return n >= 40 && string.CompareOrdinal(key, 0, descriptionKey, 0, n) == 0;
        }

        return false;
    }

    private static bool IsCaption(PageLine line, bool bodyStarted, bool hasNext)
    {
        var text = line.Text;
        if (line.Has(LineHints.Caption))
        {
            return true;
        }

        var words = TextClean.CountWords(text);
        if (words is < 3 or > 60 || line.Has(LineHints.Heading))
        {
            return false;
        }

        var sentence = TextClean.EndsLikeSentence(text);
        if (PhotoCreditRegex().IsMatch(text))
        {
            return true;
        }

        if (line.Has(LineHints.AfterImage) && (!sentence || line.Has(LineHints.Italic) || line.Has(LineHints.Centered)) && words <= 50)
        {
            return true;
        }

        if (line.Has(LineHints.BeforeImage) && !sentence && (line.Has(LineHints.Italic) || line.Has(LineHints.Centered)))
        {
            return true;
        }

        // Text copied from a page: a sentence-like line without its final period between paragraphs,
        // saying what a photo shows ("Đồng chí X phát biểu tại hội nghị").
        return !sentence && bodyStarted && hasNext && words >= 5 && !line.Has(LineHints.Bold) && CaptionCueRegex().IsMatch(TextClean.Key(text));
    }

    [GeneratedRegex(@"(?:^|\()\s*(?:ảnh|photo|nguồn ảnh)\s*:|\(\s*ảnh\s*:[^)]*\)\s*$|^ảnh\s+minh\s+họa", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PhotoCreditRegex();

    [GeneratedRegex(@"\b(?:phát biểu|trao|tặng|chụp ảnh|báo cáo|kết luận|quang cảnh|toàn cảnh|các đại biểu|đại biểu dự|tham quan|thăm|kiểm tra|chủ trì|tham luận|tuyên dương|khen thưởng|chúc mừng|biểu dương|dự hội nghị|tại hội nghị|tại buổi)\b", RegexOptions.CultureInvariant)]
    private static partial Regex CaptionCueRegex();
}

namespace DanVan.Extraction.Html;

/// <summary>The lines the assembler reads, and the headline found for them.</summary>
internal sealed record Selection(List<PageLine> Lines, string? Title);

/// <summary>
/// Finds the article in a walked page. Every block of sentence-like text with few links scores its parent
/// and grandparent (the readability idea); the element with the best score, discounted by its link density
/// and weighted by content/chrome words in its class, is the article's container, joined by siblings that
/// score well too. The headline is the heading that matches og:title or sits closest before the container;
/// the lines between it and the container (dateline, lead) join the article; chrome elements inside the
/// container are dropped. Thread-safe (no state).
/// </summary>
internal static class ContentSelector
{
    private const int PreTitleWindow = 5;
    private const int TrailingWindow = 8;
    private const int MaxGapAfterTitle = 30;

    public static Selection? Select(HtmlPage page, string? headline, int? hinted, CancellationToken cancellationToken)
    {
        var elements = page.Elements;
        var blocks = page.Blocks;
        var top = hinted ?? BestContainer(page, skipChrome: true, cancellationToken) ?? BestContainer(page, skipChrome: false, cancellationToken);
        if (top is not { } c)
        {
            return null;
        }

        var ranges = new List<(int Start, int End)>();
        var container = elements[c];
        if (hinted is null && container.Parent >= 0)
        {
            var threshold = Math.Max(10, container.Score * 0.2);
            var parent = elements[container.Parent];
            for (var s = container.Parent + 1; s < parent.End; s = elements[s].End)
            {
                var sibling = elements[s];
                if (s == c)
                {
                    ranges.Add((s, sibling.End));
                }
                else if (!sibling.IsChrome && ((sibling.Scored && sibling.Score * (1 - LinkDensity(sibling)) >= threshold) || IsParagraphSibling(page, s)))
                {
                    ranges.Add((s, sibling.End));
                }
            }
        }
        else
        {
            ranges.Add((c, container.End));
        }

        // Blocks of the region, in document order.
        var first = -1;
        var last = -1;
        for (var i = 0; i < blocks.Count; i++)
        {
            if (InRanges(ranges, blocks[i].Owner))
            {
                if (first < 0)
                {
                    first = i;
                }

                last = i;
            }
        }

        if (first < 0)
        {
            return null;
        }

        var (titleBlock, title) = FindTitle(page, headline, first, last);
        var lines = new List<PageLine>();
        var bodyStart = first;
        if (titleBlock >= 0)
        {
            for (var i = Math.Max(0, titleBlock - PreTitleWindow); i < titleBlock; i++)
            {
                AddLine(page, lines, i, LineHints.MetadataOnly, regionStart: c);
            }

            if (titleBlock < first)
            {
                var gapHints = first - titleBlock > MaxGapAfterTitle ? LineHints.MetadataOnly : LineHints.None;
                for (var i = titleBlock + 1; i < first; i++)
                {
                    if (blocks[i].Chrome < 0 || InRanges(ranges, blocks[i].Chrome))
                    {
                        AddLine(page, lines, i, gapHints, regionStart: c);
                    }
                }
            }
            else if (titleBlock <= last)
            {
                bodyStart = titleBlock + 1;
            }
        }

        for (var i = bodyStart; i <= last; i++)
        {
            var b = blocks[i];
            if (!InRanges(ranges, b.Owner))
            {
                continue;
            }

            // A chrome element inside the container (share bar, related box) is not the article.
            if (b.Chrome >= 0 && InRanges(ranges, b.Chrome))
            {
                continue;
            }

            AddLine(page, lines, i, LineHints.None, regionStart: c);
        }

        for (var i = last + 1; i < Math.Min(blocks.Count, last + 1 + TrailingWindow); i++)
        {
            AddLine(page, lines, i, LineHints.MetadataOnly, regionStart: c);
        }

        return new Selection(lines, title);
    }

    private static void AddLine(HtmlPage page, List<PageLine> lines, int index, LineHints extra, int regionStart)
    {
        var b = page.Blocks[index];
        if (b.IsImage)
        {
            return;
        }

        var hints = b.Hints | extra;
        if (index > 0 && page.Blocks[index - 1].IsImage)
        {
            hints |= LineHints.AfterImage;
        }

        if (index + 1 < page.Blocks.Count && page.Blocks[index + 1].IsImage)
        {
            hints |= LineHints.BeforeImage;
        }

        // The text row of a small table or figure holding a photo is its caption.
        if (b.Frame >= 0 && b.Frame > regionStart)
        {
            var frame = page.Elements[b.Frame];
            if (frame.Images > 0 && frame.TextChars < 600)
            {
                hints |= LineHints.Caption;
            }
        }

        lines.Add(new PageLine(b.Text, hints));
    }

    private static bool InRanges(List<(int Start, int End)> ranges, int element)
    {
        foreach (var (s, e) in ranges)
        {
            if (element >= s && element < e)
            {
                return true;
            }
        }

        return false;
    }

    private static double LinkDensity(PageElement e) => e.TextChars == 0 ? 0 : (double)e.LinkChars / e.TextChars;

    private static bool IsParagraphSibling(HtmlPage page, int element)
    {
        var e = page.Elements[element];
        if (!(e.Tag == "p" || (e.Tag == "div" && !e.HasBlockChildren)) || e.TextChars == 0)
        {
            return false;
        }

        var density = LinkDensity(e);
        return (e.TextChars >= 80 && density < 0.25) || (density == 0 && e.TextChars > 0 && e.TextChars < 80 && e.Element.TextContent.TrimEnd().EndsWith('.'));
    }

    private static int? BestContainer(HtmlPage page, bool skipChrome, CancellationToken cancellationToken)
    {
        var elements = page.Elements;
        foreach (var e in elements)
        {
            e.Scored = false;
            e.Score = 0;
        }

        var n = 0;
        foreach (var b in page.Blocks)
        {
            if ((++n & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (b.IsImage || b.Owner < 0 || b.Text.Length < 25 || b.Has(LineHints.LinkDense) || (skipChrome && b.Chrome >= 0))
            {
                continue;
            }

            if (LineClassifier.Classify(b.Text, b.Key) != LineKind.Content)
            {
                continue;
            }

            var score = 1.0 + CountCommas(b.Text) + Math.Min(b.Text.Length / 100.0, 3.0);
            var owner = b.Owner;
            var ownerTag = elements[owner].Tag;
            var isParagraph = IsParagraphTag(ownerTag) || (ownerTag is "div" or "section" && !elements[owner].HasBlockChildren);
            var first = isParagraph ? elements[owner].Parent : owner;
            if (first < 0)
            {
                continue;
            }

            Add(elements, first, score);
            var second = elements[first].Parent;
            if (second >= 0)
            {
                Add(elements, second, score / 2);
            }
        }

        var best = -1;
        var bestScore = 0.0;
        for (var i = 0; i < elements.Count; i++)
        {
            var e = elements[i];
            if (!e.Scored)
            {
                continue;
            }

            var final = e.Score * (1 - LinkDensity(e));
            if (final >= bestScore)
            {
                bestScore = final;
                best = i;
            }
        }

        return best >= 0 ? best : null;
    }

    private static bool IsParagraphTag(string tag) =>
        tag is "p" or "li" or "dd" or "dt" or "blockquote" or "pre" or "center" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "figcaption" or "address";

    private static void Add(List<PageElement> elements, int index, double score)
    {
        var e = elements[index];
        if (!e.Scored)
        {
            e.Scored = true;
            e.Score = e.Tag switch
            {
                "div" or "article" or "section" or "main" => 5,
                "td" or "blockquote" or "pre" => 3,
                "ul" or "ol" or "dl" or "li" or "form" or "dd" or "dt" or "address" => -3,
                "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
                "body" or "html" => -10,
                _ => 0,
            } + ClassBonus(e);
        }

        e.Score += score;
    }

    /// <summary>±25 for content or chrome words in class/id; a content word on a small element (a date line in "article-date") counts little.</summary>
    private static double ClassBonus(PageElement e) =>
        e.ClassWeight > 0 ? Math.Min(25, e.TextChars / 10.0) : 25 * e.ClassWeight;

    private static int CountCommas(string text)
    {
        var n = 0;
        foreach (var ch in text)
        {
            if (ch == ',')
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>The headline block: the heading that matches og:title, else the nearest good heading before the body.</summary>
    private static (int Block, string? Title) FindTitle(HtmlPage page, string? headline, int first, int last)
    {
        var blocks = page.Blocks;
        var headlineKey = headline is null ? null : TextClean.Key(TextClean.Collapse(headline));
        var best = -1;
        var bestScore = 2.0;
        var from = Math.Max(0, first - 200);
        var to = Math.Min(blocks.Count - 1, last);
        for (var i = from; i <= to; i++)
        {
            var b = blocks[i];
            if (b.IsImage || b.Text.Length < 8 || b.Text.Length > 400)
            {
                continue;
            }

            var isTitleClass = b.Owner >= 0 && page.Elements[b.Owner].Classes.Contains("title", StringComparison.Ordinal);
            var score = 0.0;
            var key = b.Key;
            if (headlineKey is { Length: > 0 })
            {
                if (key == headlineKey)
                {
                    score += 10;
                }
                else if (key.Length >= 15 && (headlineKey.Contains(key, StringComparison.Ordinal) || key.Contains(headlineKey, StringComparison.Ordinal)) && Math.Min(key.Length, headlineKey.Length) * 2 >= Math.Max(key.Length, headlineKey.Length))
                {
                    score += 6;
                }
            }

            if (b.HeadingLevel == 0 && !isTitleClass && score == 0)
            {
                continue;
            }

            if (LineClassifier.Classify(b.Text, key) is LineKind.SectionHeading or LineKind.Chrome or LineKind.Dateline)
            {
                continue;
            }

            score += b.HeadingLevel switch
            {
                1 => 3,
                2 => 2,
                3 => 1,
                _ => 0,
            };
            if (isTitleClass)
            {
                score += 1.5;
            }

            if (TextClean.CountWords(b.Text) < 4)
            {
                score -= 2;
            }

            if (i < first)
            {
                var distance = first - i;
                score += distance <= 6 ? 3 : distance <= 30 ? 1.5 : 0;
            }
            else
            {
                // Inside the body: a title is at its top, not among its subheadings.
                score += i - first <= 3 ? 3 : -3;
            }

            if (b.Chrome >= 0)
            {
                score -= 4;
            }

            if (score > bestScore || (score == bestScore && best >= 0 && i < first && i > best))
            {
                bestScore = score;
                best = i;
            }
        }

        return best >= 0 ? (best, blocks[best].Text) : (-1, null);
    }
}

using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace DanVan.Extraction.Html;

/// <summary>A block-level element of the page, numbered in document order (pre-order).</summary>
internal sealed class PageElement
{
    public required IElement Element { get; init; }

    public required string Tag { get; init; }

    public required int Parent { get; init; }

    /// <summary>The class and id attributes, lower-cased.</summary>
    public required string Classes { get; init; }

    /// <summary>Index one past the last element of this element's subtree.</summary>
    public int End { get; set; }

    /// <summary>+1 for class/id words that mean content, −1 for chrome (menu, sidebar, related …), 0 otherwise.</summary>
    public int ClassWeight { get; init; }

    public bool IsChrome { get; init; }

    /// <summary>True when a block-level element sits inside (a div without one is a paragraph, as readability treats it).</summary>
    public bool HasBlockChildren { get; set; }

    public int TextChars { get; set; }

    public int LinkChars { get; set; }

    public int Images { get; set; }

    public double Score { get; set; }

    public bool Scored { get; set; }
}

/// <summary>A run of text between block boundaries (or an image), with what the markup says about it.</summary>
internal sealed class PageBlock
{
    public required string Text { get; init; }

    /// <summary>The innermost block-level element holding the text (index into <see cref="HtmlPage.Elements"/>).</summary>
    public required int Owner { get; init; }

    /// <summary>The innermost chrome element around the block, or −1.</summary>
    public required int Chrome { get; init; }

    public required int LinkChars { get; init; }

    public required LineHints Hints { get; set; }

    public required bool IsImage { get; init; }

    public int HeadingLevel { get; init; }

    /// <summary>The innermost table or figure holding the block, or −1.</summary>
    public int Frame { get; init; }

    public double LinkDensity => Text.Length == 0 ? 0 : (double)LinkChars / Text.Length;

    /// <summary>The match key of <see cref="Text"/> (<see cref="TextClean.Key"/>), made once.</summary>
    public string Key => _key ??= TextClean.Key(Text);

    private string? _key;

    public bool Has(LineHints hint) => (Hints & hint) != 0;
}

/// <summary>Page metadata found while walking the document.</summary>
internal sealed class PageMeta
{
    public Dictionary<string, string> Meta { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<string> JsonLd { get; } = [];

    public List<string> TimeValues { get; } = [];

    public string? Canonical { get; set; }

    public string? TitleTag { get; set; }

    public string? RefreshUrl { get; set; }

    public string? FrameUrl { get; set; }

    public bool FrameNamed { get; set; }

    public bool HasFrameset { get; set; }

    public string? Get(string name) => Meta.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
}

/// <summary>
/// One walk over an AngleSharp document, iterative (no recursion, so 10,000-deep nesting is safe), turning it
/// into block-level elements and text blocks with their hints, plus the metadata elements. Not thread-safe; one per page.
/// </summary>
internal sealed partial class HtmlPage
{
    /// <summary>More text blocks than this and the page is refused: bounds memory and time on generated pages.</summary>
    internal const int MaxBlocks = 1_000_000;

    private static readonly FrozenSet<string> BlockTags = new[]
    {
        "html", "body", "p", "div", "section", "article", "main", "header", "footer", "nav", "aside", "h1", "h2", "h3", "h4", "h5", "h6",
        "ul", "ol", "li", "dl", "dt", "dd", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "figure", "figcaption",
        "blockquote", "pre", "address", "form", "fieldset", "center", "hr", "details", "summary", "legend", "frameset", "noframes",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> SkipTags = new[]
    {
        "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "select", "option", "button", "input",
        "textarea", "map", "head", "video", "audio", "math", "frame",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly StringBuilder _text = new();
    private readonly CancellationToken _cancellationToken;
    private int _linkChars;
    private int _italicChars;
    private int _boldChars;

    private HtmlPage(CancellationToken cancellationToken)
    {
        _cancellationToken = cancellationToken;
    }

    public List<PageElement> Elements { get; } = [];

    public List<PageBlock> Blocks { get; } = [];

    public PageMeta Meta { get; } = new();

    /// <summary>True when the walk stopped at <see cref="MaxBlocks"/>: what follows was not read.</summary>
    public bool Truncated => Blocks.Count >= MaxBlocks;

    public static HtmlPage Build(IDocument document, CancellationToken cancellationToken)
    {
        var page = new HtmlPage(cancellationToken);
        if (document.DocumentElement is { } root)
        {
            page.CollectHead(document);
            page.Walk(root);
        }

        return page;
    }

    private void CollectHead(IDocument document)
    {
        if (document.Head is not { } head)
        {
            return;
        }

        // The head is shallow; its direct and near children are enough (no selector engine on a hostile tree).
        var stack = new Stack<(IElement El, int Depth)>();
        stack.Push((head, 0));
        while (stack.Count > 0)
        {
            var (el, depth) = stack.Pop();
            Note(el);
            if (depth < 4)
            {
                foreach (var child in el.Children)
                {
                    stack.Push((child, depth + 1));
                }
            }
        }
    }

    private void Note(IElement el)
    {
        switch (el.LocalName)
        {
            case "meta":
                var name = el.GetAttribute("property") ?? el.GetAttribute("name") ?? el.GetAttribute("itemprop");
                var content = el.GetAttribute("content");
                var equiv = el.GetAttribute("http-equiv");
                if (equiv is not null && equiv.Equals("refresh", StringComparison.OrdinalIgnoreCase) && content is not null)
                {
                    var m = RefreshRegex().Match(content);
                    Meta.RefreshUrl = m.Success ? m.Groups["url"].Value.Trim().Trim('\'', '"') : Meta.RefreshUrl;
                }

                if (name is not null && content is not null && !Meta.Meta.ContainsKey(name))
                {
                    Meta.Meta[name] = content;
                }

                break;
            case "link":
                if ((el.GetAttribute("rel") ?? string.Empty).Contains("canonical", StringComparison.OrdinalIgnoreCase))
                {
                    Meta.Canonical ??= el.GetAttribute("href");
                }

                break;
            case "script":
                if ((el.GetAttribute("type") ?? string.Empty).Contains("ld+json", StringComparison.OrdinalIgnoreCase) && Meta.JsonLd.Count < 16)
                {
                    Meta.JsonLd.Add(el.TextContent);
                }

                break;
            case "title":
                Meta.TitleTag ??= TextClean.Collapse(el.TextContent);
                break;
            case "time":
                var dt = el.GetAttribute("datetime");
                if (dt is not null && Meta.TimeValues.Count < 32)
                {
                    Meta.TimeValues.Add(dt);
                }

                break;
            case "frameset":
                Meta.HasFrameset = true;
                break;
            case "frame":
                // The content frame: one named for it ("main", "content", "noidung"), else the last (menus come first).
                var src = el.GetAttribute("src");
                var frameName = ((el.GetAttribute("name") ?? string.Empty) + " " + (el.GetAttribute("id") ?? string.Empty)).ToLowerInvariant();
                if (src is not null && !Meta.FrameNamed)
                {
                    Meta.FrameUrl = src;
                    Meta.FrameNamed = frameName.Contains("main", StringComparison.Ordinal) || frameName.Contains("content", StringComparison.Ordinal) || frameName.Contains("noidung", StringComparison.Ordinal);
                }

                break;
        }
    }

    private readonly record struct Frame(INode Node, bool Exit, int Element, int PrevOwner, int PrevChrome, int PrevFrame, LineHints PrevHints, int Heading, int Link, int Italic, int Bold, bool FlushOnExit = false);

    private void Walk(IElement root)
    {
        var stack = new Stack<Frame>();
        var owner = -1;
        var chrome = -1;
        var frame = -1;
        var hints = LineHints.None;
        var heading = 0;
        var link = 0;
        var italic = 0;
        var bold = 0;
        var visited = 0;
        stack.Push(new Frame(root, false, -1, -1, -1, -1, LineHints.None, 0, 0, 0, 0));
        while (stack.Count > 0)
        {
            if ((++visited & 255) == 0)
            {
                _cancellationToken.ThrowIfCancellationRequested();
            }

            var f = stack.Pop();
            if (f.Exit)
            {
                if (f.FlushOnExit)
                {
                    Flush(owner, chrome, frame, hints, heading);
                }

                if (f.Element >= 0)
                {
                    Flush(owner, chrome, frame, hints, heading);
                    var pe = Elements[f.Element];
                    pe.End = Elements.Count;
                    if (pe.Parent >= 0)
                    {
                        var parent = Elements[pe.Parent];
                        parent.TextChars += pe.TextChars;
                        parent.LinkChars += pe.LinkChars;
                        parent.Images += pe.Images;
                    }
                }

                owner = f.PrevOwner;
                chrome = f.PrevChrome;
                frame = f.PrevFrame;
                hints = f.PrevHints;
                heading = f.Heading;
                link = f.Link;
                italic = f.Italic;
                bold = f.Bold;
                continue;
            }

            switch (f.Node)
            {
                case IText textNode:
                    Append(textNode.Data, link > 0, italic > 0, bold > 0);
                    continue;
                case IElement el:
                    var tag = el.LocalName;
                    if (tag is "meta" or "link" or "title" or "time" or "frameset" or "frame" or "script")
                    {
                        Note(el);
                    }

                    if (SkipTags.Contains(tag))
                    {
                        continue;
                    }

                    var markup = Markup.Of(el);
                    if (IsHidden(markup))
                    {
                        continue;
                    }

                    if (tag == "br")
                    {
                        Flush(owner, chrome, frame, hints, heading);
                        continue;
                    }

                    if (tag == "img")
                    {
                        Flush(owner, chrome, frame, hints, heading);
                        AddImage(owner, chrome, frame, hints);
                        continue;
                    }

                    var exit = new Frame(el, true, -1, owner, chrome, frame, hints, heading, link, italic, bold);
                    if (BlockTags.Contains(tag))
                    {
                        Flush(owner, chrome, frame, hints, heading);
                        var index = Elements.Count;
                        var classes = ((markup.Class ?? string.Empty) + " " + (markup.Id ?? string.Empty)).ToLowerInvariant();
                        var weight = CachedClassWeight(classes);
                        var isChrome = tag is "nav" or "aside" or "footer" || (weight < 0 && tag is not ("body" or "html")) || (markup.Role is "navigation" or "complementary" or "banner" or "contentinfo");
                        Elements.Add(new PageElement { Element = el, Tag = tag, Parent = owner, Classes = classes, ClassWeight = weight, IsChrome = isChrome, End = index + 1 });
                        exit = exit with { Element = index };
                        if (owner >= 0)
                        {
                            Elements[owner].HasBlockChildren = true;
                        }

                        owner = index;
                        if (isChrome)
                        {
                            chrome = index;
                        }

                        if (tag is "table" or "figure")
                        {
                            frame = index;
                        }

                        hints &= ~(LineHints.Heading | LineHints.ListItem);
                        hints |= tag switch
                        {
                            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" => LineHints.Heading,
                            "li" => LineHints.ListItem,
                            "figcaption" or "caption" => LineHints.Caption,
                            "center" => LineHints.Centered,
                            _ => LineHints.None,
                        };
                        if (tag[0] == 'h' && tag.Length == 2 && char.IsDigit(tag[1]))
                        {
                            heading = tag[1] - '0';
                        }

                        hints |= HintsFromMarkup(markup, classes);
                    }
                    else
                    {
                        if (tag == "a")
                        {
                            link++;
                        }
                        else if (tag is "em" or "i" || StyleHas(markup.Style, "italic"))
                        {
                            italic++;
                        }
                        else if (tag is "strong" or "b")
                        {
                            bold++;
                        }

                        var classes = markup.Class;
                        var marked = classes is null ? LineHints.None : HintsFromMarkup(markup, classes.ToLowerInvariant()) & (LineHints.Caption | LineHints.Byline | LineHints.DateHint);

                        // An author or date span is a line of its own: "<span class=author>Ngọc Minh</span><span class=time>Thứ Năm…"
                        // would otherwise read "Ngọc MinhThứ Năm…".
                        if ((marked & (LineHints.Byline | LineHints.DateHint)) != 0 || tag == "time")
                        {
                            Flush(owner, chrome, frame, hints, heading);
                            exit = exit with { FlushOnExit = true };
                        }

                        hints |= marked;
                    }

                    stack.Push(exit);
                    for (var c = el.ChildNodes.Length - 1; c >= 0; c--)
                    {
                        stack.Push(new Frame(el.ChildNodes[c], false, -1, 0, 0, 0, LineHints.None, 0, 0, 0, 0));
                    }

                    continue;
            }
        }

        Flush(owner, chrome, frame, hints, heading);
    }

    private void Append(string data, bool inLink, bool inItalic, bool inBold)
    {
        _text.Append(data);
        var visible = 0;
        foreach (var c in data)
        {
            if (!char.IsWhiteSpace(c))
            {
                visible++;
            }
        }

        if (inLink)
        {
            _linkChars += visible;
        }

        if (inItalic)
        {
            _italicChars += visible;
        }

        if (inBold)
        {
            _boldChars += visible;
        }

    }

    private void Flush(int owner, int chrome, int frame, LineHints hints, int heading)
    {
        if (_text.Length == 0)
        {
            return;
        }

        var text = TextClean.Collapse(_text);
        _text.Clear();
        var visible = 0;
        foreach (var c in text)
        {
            if (c != ' ')
            {
                visible++;
            }
        }

        var link = Math.Min(_linkChars, visible);
        if (visible > 0 && Blocks.Count < MaxBlocks)
        {
            if (_italicChars * 10 >= visible * 9)
            {
                hints |= LineHints.Italic;
            }

            if (_boldChars * 10 >= visible * 9)
            {
                hints |= LineHints.Bold;
            }

            if (link * 2 > visible)
            {
                hints |= LineHints.LinkDense;
            }

            Blocks.Add(new PageBlock { Text = text, Owner = owner, Chrome = chrome, LinkChars = link, Hints = hints, IsImage = false, HeadingLevel = heading, Frame = frame });
            if (owner >= 0)
            {
                Elements[owner].TextChars += visible;
                Elements[owner].LinkChars += link;
            }
        }

        _linkChars = 0;
        _italicChars = 0;
        _boldChars = 0;
    }

    private void AddImage(int owner, int chrome, int frame, LineHints hints)
    {
        if (Blocks.Count >= MaxBlocks)
        {
            return;
        }

        Blocks.Add(new PageBlock { Text = string.Empty, Owner = owner, Chrome = chrome, LinkChars = 0, Hints = hints, IsImage = true, Frame = frame });
        if (owner >= 0)
        {
            Elements[owner].Images++;
        }
    }

    private static bool IsHidden(Markup markup)
    {
        if (markup.Hidden)
        {
            return true;
        }

        var style = markup.Style;
        if (style is null)
        {
            return false;
        }

        var s = style.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        return s.Contains("display:none", StringComparison.Ordinal) || s.Contains("visibility:hidden", StringComparison.Ordinal);
    }

    private static bool StyleHas(string? style, string value) => style is not null && style.Contains(value, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The attributes the walk reads, found in one pass over the element's attributes (what
    /// <see cref="IElement.GetAttribute(string)"/> gives for each name, without a search per name).
    /// </summary>
    private readonly record struct Markup(string? Class, string? Id, string? Style, string? Align, string? Role, bool Hidden)
    {
        public static Markup Of(IElement el)
        {
            string? cls = null, id = null, style = null, align = null, role = null;
            var hidden = false;
            var attributes = el.Attributes;
            for (var i = 0; i < attributes.Length; i++)
            {
                var a = attributes[i]!;
                switch (a.Name)
                {
                    case "class":
                        cls ??= a.Value;
                        break;
                    case "id":
                        id ??= a.Value;
                        break;
                    case "style":
                        style ??= a.Value;
                        break;
                    case "align":
                        align ??= a.Value;
                        break;
                    case "role":
                        role ??= a.Value;
                        break;
                    case "hidden":
                        hidden = true;
                        break;
                }
            }

            return new Markup(cls, id, style, align, role, hidden);
        }
    }

    // Portals repeat a few class strings on every element and every page: each string is matched against the
    // regexes once per process. The caches are bounded (count and key length) so hostile pages cannot grow them.
    private const int MaxCachedClassStrings = 16_384;
    private const int MaxCachedClassLength = 256;
    private static readonly ConcurrentDictionary<string, int> ClassWeights = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, LineHints> ClassHintsCache = new(StringComparer.Ordinal);
    private static int s_cachedClassStrings;

    private static int CachedClassWeight(string classes) => Cached(ClassWeights, classes, ClassWeight);

    private static T Cached<T>(ConcurrentDictionary<string, T> cache, string key, Func<string, T> compute)
    {
        if (cache.TryGetValue(key, out var value))
        {
            return value;
        }

        value = compute(key);
        if (key.Length <= MaxCachedClassLength && Volatile.Read(ref s_cachedClassStrings) < MaxCachedClassStrings && cache.TryAdd(key, value))
        {
            Interlocked.Increment(ref s_cachedClassStrings);
        }

        return value;
    }

    private static LineHints HintsFromMarkup(Markup markup, string classes)
    {
        var hints = LineHints.None;
        var align = markup.Align;
        if ((align is not null && align.Equals("center", StringComparison.OrdinalIgnoreCase)) || (StyleHas(markup.Style, "text-align") && StyleHas(markup.Style, "center")))
        {
            hints |= LineHints.Centered;
        }

        if (StyleHas(markup.Style, "italic"))
        {
            hints |= LineHints.Italic;
        }

        return hints | Cached(ClassHintsCache, classes, ClassHints);
    }

    private static LineHints ClassHints(string classes)
    {
        var hints = LineHints.None;
        if (classes.Length > 1)
        {
            if (CaptionClassRegex().IsMatch(classes))
            {
                hints |= LineHints.Caption;
            }
            else if (LeadClassRegex().IsMatch(classes))
            {
                hints |= LineHints.Lead;
            }

            if (BylineClassRegex().IsMatch(classes))
            {
                hints |= LineHints.Byline;
            }

            if (DateClassRegex().IsMatch(classes))
            {
                hints |= LineHints.DateHint;
            }
        }

        return hints;
    }

    /// <summary>+1 content, −1 chrome, 0 neither (readability's idea, with Vietnamese portal words).</summary>
    internal static int ClassWeight(string classes)
    {
        if (classes.Length < 2)
        {
            return 0;
        }

        if (StrongNegativeClassRegex().IsMatch(classes))
        {
            return -1;
        }

        var positive = PositiveClassRegex().IsMatch(classes);
        var negative = NegativeClassRegex().IsMatch(classes);
        return positive == negative ? 0 : positive ? 1 : -1;
    }

    [GeneratedRegex(@"url\s*=\s*(?<url>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RefreshRegex();

    [GeneratedRegex(@"caption|chuthich|chu-thich|chu_thich|image-desc|img-desc|imgdesc|photo-desc|desc-img|image_desc|imagecaption|img-caption|photo-caption|pic-desc|picdesc|anh-mo-ta|ghichuanh", RegexOptions.CultureInvariant)]
    private static partial Regex CaptionClassRegex();

    [GeneratedRegex(@"sapo|(?<![a-z])lead|summary|tomtat|tom-tat|chapeau|teaser|intro|abstract|excerpt|(?<![a-z])desc(?:ription)?(?![a-z])|mota|trichdan|news-desc|article-desc", RegexOptions.CultureInvariant)]
    private static partial Regex LeadClassRegex();

    [GeneratedRegex(@"author|createdby|created-by|created_by|byline|tacgia|tac-gia|tac_gia|writer|signature|nguoiviet|nguoi-viet|source-name", RegexOptions.CultureInvariant)]
    private static partial Regex BylineClassRegex();

    [GeneratedRegex(@"(?<![a-z])(?:date|time|datetime|ngay|ngaydang|ngay-dang|ngaytao|published|publish-date|publishdate|pubdate|posted-on|posted|post-date|entry-date|meta-info|post-meta|entry-meta|news-date|news-time)(?![a-z])", RegexOptions.CultureInvariant)]
    private static partial Regex DateClassRegex();

    [GeneratedRegex(@"widget|sidebar|side-bar|comment|binhluan|binh-luan|related|lienquan|lien-quan|tinkhac|tin-khac|othernews|other-news|other_news|footer|menu|breadcrumb|share|social|counter|thongke|thong-ke|banner|quangcao|quang-cao|(?<![a-z])nav(?![a-z])|navbar|navigation", RegexOptions.CultureInvariant)]
    private static partial Regex StrongNegativeClassRegex();

    [GeneratedRegex(@"article|content|entry|post|body|main|detail|chitiet|chi-tiet|noidung|noi-dung|story|baiviet|bai-viet|news-view|newsview|text|column|journal", RegexOptions.CultureInvariant)]
    private static partial Regex PositiveClassRegex();

    [GeneratedRegex(@"comment|binhluan|binh-luan|menu|(?<![a-z])nav|sidebar|side-bar|(?<![a-z])side(?![a-z])|footer|breadcrumb|share|social|related|lienquan|lien-quan|tinkhac|tin-khac|othernews|other-news|other_news|(?<![a-z])other|more-news|(?<![a-z])tags?(?![a-z])|widget|banner|(?<![a-z])ads?(?![a-z])|advert|quangcao|quang-cao|popup|counter|thongke|thong-ke|visitor|online|login|search|timkiem|copyright|pagination|pager|paging|toolbar|tool-bar|(?<![a-z])tools?(?![a-z])|print|rating|vote|weblink|lienket|lien-ket|hotnews|hot-news|mostread|most-read|xemnhieu|docnhieu|tinmoi|tin-moi|latest|marquee|skyscraper|sponsor|rss|newsletter|subscribe|cookie|modal|dropdown|topbar|top-bar|bottom|hotline|(?<![a-z])logo", RegexOptions.CultureInvariant)]
    private static partial Regex NegativeClassRegex();
}

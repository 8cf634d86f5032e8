namespace DanVan.Extraction.Html;

/// <summary>What the page's markup says about a line (none of it for text input).</summary>
[Flags]
internal enum LineHints
{
    None = 0,

    /// <summary>An h1–h6.</summary>
    Heading = 1 << 0,

    /// <summary>Marked as a caption: figcaption, a caption class, the text row of an image table.</summary>
    Caption = 1 << 1,

    /// <summary>Right after an image.</summary>
    AfterImage = 1 << 2,

    /// <summary>Right before an image.</summary>
    BeforeImage = 1 << 3,

    /// <summary>Italic for the whole line.</summary>
    Italic = 1 << 4,

    /// <summary>Centered.</summary>
    Centered = 1 << 5,

    /// <summary>Bold for the whole line.</summary>
    Bold = 1 << 6,

    /// <summary>Inside an element marked as the lead (sapo, summary, description).</summary>
    Lead = 1 << 7,

    /// <summary>Inside an element marked as the byline (author, tacgia).</summary>
    Byline = 1 << 8,

    /// <summary>Mostly link text.</summary>
    LinkDense = 1 << 9,

    /// <summary>A list item.</summary>
    ListItem = 1 << 10,

    /// <summary>Before the title or after the body: only datelines and bylines are taken from it.</summary>
    MetadataOnly = 1 << 11,

    /// <summary>Inside an element marked as a date (class date, time, publish).</summary>
    DateHint = 1 << 12,
}

/// <summary>One line of a page: a text line, or an HTML block's text (NFC, whitespace collapsed).</summary>
internal readonly record struct PageLine(string Text, LineHints Hints)
{
    public bool Has(LineHints hint) => (Hints & hint) != 0;
}

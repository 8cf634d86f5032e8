using System.Globalization;
using DanVan.Extraction.Html;
using DanVan.Extraction.Recognition;
using DanVan.Extraction.Text;

namespace DanVan.Extraction.Records;

/// <summary>Options for one extraction.</summary>
public sealed record ExtractionOptions
{
    /// <summary>The default options.</summary>
    public static ExtractionOptions Default { get; } = new();

    /// <summary>The publication date: dates and periods written without a year are anchored to it.</summary>
    public DateOnly? Published { get; init; }

    /// <summary>The input's path, copied into <see cref="RecordSource"/>.</summary>
    public string? SourcePath { get; init; }

    /// <summary>The page URL, when known (a WARC target URI): the article URL when the page names no canonical one.</summary>
    public Uri? Url { get; init; }

    /// <summary>The charset of an HTTP Content-Type header, when known.</summary>
    public string? HttpCharset { get; init; }
}

/// <summary>One input of <see cref="MeetingExtractor.ExtractAllAsync"/> and its outcome.</summary>
/// <param name="Path">The file the outcome is for.</param>
/// <param name="Result">The record, or why there is none.</param>
public sealed record ExtractedInput(string Path, ExtractionResult Result);

/// <summary>The outcome of one extraction: a record, or the reason there is none.</summary>
public sealed class ExtractionResult
{
    private ExtractionResult(MeetingRecord? record, string? failure)
    {
        Record = record;
        Failure = failure;
    }

    /// <summary>The record; null when <see cref="Failure"/> says why there is none.</summary>
    public MeetingRecord? Record { get; }

    /// <summary>Why the input gave no record (not text, empty, not an article, too large…); null on success.</summary>
    public string? Failure { get; }

    /// <summary>True when <see cref="Record"/> is set.</summary>
    public bool Succeeded => Record is not null;

    internal static ExtractionResult Of(MeetingRecord record) => new(record, null);

    internal static ExtractionResult Failed(string reason) => new(null, reason);
}

/// <summary>
/// Turns a Vietnamese dân vận article into a <see cref="MeetingRecord"/>. Immutable and thread-safe: create
/// once with <see cref="CreateDefault"/> and share it between threads.
/// </summary>
public sealed class MeetingExtractor
{
    private const int SniffChars = 2048;
    private readonly MeetingRecordBuilder _builder;
    private readonly IPageReader _pages;

    private MeetingExtractor(MeetingRecordBuilder builder, IPageReader pages)
    {
        _builder = builder;
        _pages = pages;
    }

    /// <summary>An extractor with the built-in page reader, normalizer, recognizers and rules.</summary>
    public static MeetingExtractor CreateDefault() => new(new MeetingRecordBuilder(TextNormalizer.Default, EntityRecognizer.Default), PageReader.Default);

    /// <summary>
    /// Extracts the record of a file's or an HTTP body's bytes: HTML (a saved portal page) or plain text, told
    /// apart by the content. The bytes are decoded (BOM, <see cref="ExtractionOptions.HttpCharset"/>, meta
    /// charset, detection of windows-1258 and legacy TCVN3/VNI text). For a page, offsets refer to the clean
    /// article text (<see cref="MeetingRecord.Text"/>); for text, to the decoded input. Never throws for bad
    /// input: a failure says why.
    /// </summary>
    public ExtractionResult Extract(byte[] content, ExtractionOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        options ??= ExtractionOptions.Default;
        if (content.Length == 0)
        {
            return ExtractionResult.Failed("empty input");
        }

        if (!VietnameseTextDecoder.TryDecode(content, options.HttpCharset, out var decoded, out var error))
        {
            return ExtractionResult.Failed(error ?? "the bytes are not text");
        }

        if (LooksLikeHtml(decoded.Text))
        {
            // The built-in reader takes the text decoded here: decoding (charset and legacy-font detection) is not cheap.
            var pageOptions = PageOptions(options);
            var page = _pages is PageReader ? PageReader.ReadDecoded(content.Length, decoded, pageOptions, cancellationToken) : _pages.Read(content, pageOptions, cancellationToken);
            return FromPage(page, options, cancellationToken);
        }

        return FromText(decoded.Text, EncodingName(decoded.Encoding, decoded.EncodingName), options, cancellationToken);
    }

    /// <summary>
    /// Extracts the record of a string holding HTML or plain text (told apart by the content); see
    /// <see cref="Extract(byte[], ExtractionOptions?, CancellationToken)"/>. Never throws for bad input.
    /// </summary>
    public ExtractionResult Extract(string htmlOrText, ExtractionOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(htmlOrText);
        options ??= ExtractionOptions.Default;
        if (string.IsNullOrWhiteSpace(htmlOrText))
        {
            return ExtractionResult.Failed("empty input");
        }

        return LooksLikeHtml(htmlOrText)
            ? FromPage(_pages.Read(System.Text.Encoding.UTF8.GetBytes(htmlOrText), PageOptions(options) with { HttpCharset = "utf-8" }, cancellationToken), options, cancellationToken)
            : FromText(htmlOrText, "text", options, cancellationToken);
    }

    /// <summary>
    /// Extracts every input in order, streaming: files as given, directories expanded to every file below them
    /// in ordinal order of their paths. One file is read at a time; a file that cannot be read gives a failed
    /// result with the reason, and the others are still processed. <paramref name="options"/> applies to
    /// every input (its <see cref="ExtractionOptions.SourcePath"/> is set per file).
    /// </summary>
    public async IAsyncEnumerable<ExtractedInput> ExtractAllAsync(
        IEnumerable<string> inputs,
        ExtractionOptions? options = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        options ??= ExtractionOptions.Default;
        foreach (var input in inputs)
        {
            IEnumerable<string> files = Directory.Exists(input)
                ? Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                : [input];
            foreach (var file in files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                byte[]? content = null;
                string? failure = null;
                try
                {
                    content = await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    failure = ex is FileNotFoundException or DirectoryNotFoundException ? "no such file or directory" : ex.Message;
                }

                yield return new ExtractedInput(file, content is null ? ExtractionResult.Failed(failure!) : Extract(content, options with { SourcePath = file }, cancellationToken));
            }
        }
    }

    private static PageReadOptions PageOptions(ExtractionOptions options) => PageReadOptions.Default with { Url = options.Url, HttpCharset = options.HttpCharset };

    private ExtractionResult FromPage(PageReadResult page, ExtractionOptions options, CancellationToken cancellationToken)
    {
        if (page.Article is not { } article)
        {
            return ExtractionResult.Failed($"not an article ({page.Reason}): {page.Message}");
        }

        var published = options.Published ?? (article.Published is { } p ? DateOnly.FromDateTime(p.Value) : null);
        var source = new RecordSource(options.SourcePath, article.Url ?? options.Url?.ToString(), article.Site, article.Title, article.Published?.ToString() ?? Iso(options.Published), article.Author, EncodingName(article.Encoding.Kind, article.Encoding.Name));
        return ExtractionResult.Of(_builder.Build(article.Text, source, published, cancellationToken));
    }

    private ExtractionResult FromText(string text, string encodingName, ExtractionOptions options, CancellationToken cancellationToken)
    {
        // The shared chrome filter reads the text's dateline, byline and headline; the record keeps the input's offsets.
        var page = _pages.ReadText(text, PageReadOptions.Default, cancellationToken);
        var article = page.Article;
        var published = options.Published ?? (article?.Published is { } p ? DateOnly.FromDateTime(p.Value) : null);
        var source = new RecordSource(options.SourcePath, options.Url?.ToString(), null, HeadlineOf(text), article?.Published?.ToString() ?? Iso(options.Published), article?.Author, encodingName);
        return ExtractionResult.Of(_builder.Build(text, source, published, cancellationToken));
    }

    /// <summary>The legacy font encoding when there was one ("tcvn3", "vni"), else the code page read.</summary>
    private static string EncodingName(TextEncodingKind kind, string codePage) => kind switch
    {
        TextEncodingKind.Tcvn3 => "tcvn3",
        TextEncodingKind.Vni => "vni",
        _ => codePage,
    };

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Markup in the first characters: a doctype, or an html, head, body, meta or div tag.</summary>
    internal static bool LooksLikeHtml(string text)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, SniffChars)).TrimStart();
        if (head.IsEmpty || head[0] != '<')
        {
            return false;
        }

        foreach (var tag in (ReadOnlySpan<string>)["<!doctype", "<html", "<head", "<body", "<meta", "<div", "<?xml", "<!--", "<table", "<p>", "<frameset"])
        {
            if (head.Contains(tag, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Extracts the record of a plain-text article, as copied from a page (chrome lines are recognized and carry
    /// no values; the dateline gives the publication date when <see cref="ExtractionOptions.Published"/> is not
    /// set). Offsets in the record refer to <paramref name="text"/> as given. Never throws for any text content.
    /// </summary>
    public MeetingRecord ExtractText(string text, ExtractionOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        return FromText(text, "text", options ?? ExtractionOptions.Default, cancellationToken).Record!;
    }

    /// <summary>The first line that is neither page chrome nor a paragraph (at most 35 words, no final period).</summary>
    private static string? HeadlineOf(string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || Recognition.ChromeLines.Classify(line) != Recognition.ChromeLineKind.Content)
            {
                continue;
            }

            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            return words <= 35 && !line.EndsWith('.') ? line : null;
        }

        return null;
    }
}

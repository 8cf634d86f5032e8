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

    /// <summary>The input's path or URL, copied into <see cref="RecordSource"/>.</summary>
    public string? SourcePath { get; init; }
}

/// <summary>
/// Turns a Vietnamese dân vận article into a <see cref="MeetingRecord"/>. Immutable and thread-safe: create
/// once with <see cref="CreateDefault"/> and share it between threads.
/// </summary>
public sealed class MeetingExtractor
{
    private readonly MeetingRecordBuilder _builder;

    private MeetingExtractor(MeetingRecordBuilder builder) => _builder = builder;

    /// <summary>An extractor with the built-in normalizer, recognizers and rules.</summary>
    public static MeetingExtractor CreateDefault() => new(new MeetingRecordBuilder(TextNormalizer.Default, EntityRecognizer.Default));

    /// <summary>
    /// Extracts the record of a plain-text article (title on the first line). Offsets in the record refer to
    /// <paramref name="text"/> as given. Never throws for any text content.
    /// </summary>
    public MeetingRecord ExtractText(string text, ExtractionOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= ExtractionOptions.Default;
        var title = HeadlineOf(text);
        var source = new RecordSource(options.SourcePath, null, null, title, options.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), null, "utf-8");
        return _builder.Build(text, source, options.Published, cancellationToken);
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

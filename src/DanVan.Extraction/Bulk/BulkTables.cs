using System.Globalization;
using DanVan.Extraction.Records;

namespace DanVan.Extraction.Bulk;

/// <summary>A record on its way to the outputs: its id, its input, and its JSON Lines text.</summary>
/// <param name="RecordId">The record id (16 hex digits of the input's key).</param>
/// <param name="InputId">The input's <see cref="InputItem.Id"/>.</param>
/// <param name="Record">The record.</param>
/// <param name="Json">The record's JSON line, record id and input id first.</param>
internal sealed record BulkRecord(string RecordId, string InputId, MeetingRecord Record, string Json);

/// <summary>
/// A destination for records besides the files (the PostgreSQL sink). Called on the writer thread only.
/// <see cref="Commit"/> runs before the inputs of the batch are marked done, so a killed run redoes, never
/// loses, what the sink had not committed; a sink must therefore accept a record twice (keep one).
/// </summary>
internal interface IBulkSink : IDisposable
{
    void Add(BulkRecord record);

    void Commit(CancellationToken cancellationToken);
}

/// <summary>The flat tables of a record (CSV files and database tables share them), keyed by record id.</summary>
internal static class BulkTables
{
    public static readonly string[] RecordsHeader =
    [
        "record_id", "input_id", "url", "site", "title", "published", "author", "encoding", "kind", "organizer",
        "meeting_date", "level", "place", "reviewed_start", "reviewed_end", "planned_start", "planned_end", "chairs",
    ];

    public static readonly string[] PersonsHeader = ["record_id", "ord", "name", "titles", "mentions"];

    public static readonly string[] FiguresHeader = ["record_id", "ord", "text", "value", "unit", "qualifier", "start", "end"];

    public static readonly string[] CampaignsHeader = ["record_id", "ord", "name", "text", "start", "end"];

    public static readonly string[] SpeakersHeader = ["record_id", "ord", "person", "titles", "role", "sentence"];

    public static string?[] RecordRow(BulkRecord r)
    {
        var s = r.Record.Source;
        var m = r.Record.Meeting;
        return
        [
            r.RecordId, r.InputId, s.Url, s.Site, s.Title, s.Published, s.Author, s.Encoding, RecordJson.KindName(m.Kind),
            m.Organizer?.Expanded, m.Date?.Value, m.Level, m.Place, m.Reviewed?.Start, m.Reviewed?.End, m.Planned?.Start,
            m.Planned?.End, string.Join("; ", m.Chairs),
        ];
    }

    public static IEnumerable<string?[]> PersonRows(BulkRecord r)
    {
        for (var i = 0; i < r.Record.Persons.Count; i++)
        {
            var p = r.Record.Persons[i];
            yield return [r.RecordId, Int(i), p.Name, Titles(p.Titles), Int(p.Mentions.Count)];
        }
    }

    public static IEnumerable<string?[]> FigureRows(BulkRecord r)
    {
        for (var i = 0; i < r.Record.Figures.Count; i++)
        {
            var f = r.Record.Figures[i];
            yield return [r.RecordId, Int(i), f.Text, f.Value.ToString(CultureInfo.InvariantCulture), f.Unit, f.Qualifier, Int(f.Start), Int(f.End)];
        }
    }

    public static IEnumerable<string?[]> CampaignRows(BulkRecord r)
    {
        for (var i = 0; i < r.Record.Campaigns.Count; i++)
        {
            var c = r.Record.Campaigns[i];
            yield return [r.RecordId, Int(i), c.Name, c.Text, Int(c.Start), Int(c.End)];
        }
    }

    public static IEnumerable<string?[]> SpeakerRows(BulkRecord r)
    {
        for (var i = 0; i < r.Record.Speakers.Count; i++)
        {
            var s = r.Record.Speakers[i];
            yield return [r.RecordId, Int(i), s.Person, Titles(s.Titles), RecordJson.RoleName(s.Role), s.Sentence.Text];
        }
    }

    private static string Titles(IReadOnlyList<TitleValue> titles)
    {
        var parts = new string[titles.Count];
        for (var i = 0; i < titles.Count; i++)
        {
            parts[i] = titles[i].Expanded;
        }

        return string.Join("; ", parts);
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;
using DanVan.Extraction.Bulk;
using Npgsql;
using NpgsqlTypes;

namespace DanVan.Extraction.Cli;

/// <summary>
/// Loads records into PostgreSQL (schema in <c>Resources/schema.sql</c>, created when missing). Each commit is
/// one transaction: binary COPY of the batch into session temp tables shaped like the targets, then
/// <c>INSERT … SELECT … ON CONFLICT DO NOTHING</c> into the targets, so loading an input twice (a resumed or
/// repeated run, two overlapping shards) keeps one copy. One connection per run; not thread-safe (the bulk
/// writer is its only caller).
/// </summary>
internal sealed class PostgresSink : IBulkSink
{
    private static readonly Table[] Tables =
    [
        new("records", [.. BulkTables.RecordsHeader.Select(c => (c, NpgsqlDbType.Text)), ("article_text", NpgsqlDbType.Text), ("record", NpgsqlDbType.Jsonb)], "record_id"),
        new("persons", [("record_id", NpgsqlDbType.Text), ("ord", NpgsqlDbType.Integer), ("name", NpgsqlDbType.Text), ("titles", NpgsqlDbType.Text), ("mentions", NpgsqlDbType.Integer)], "record_id, ord"),
        new("figures", [("record_id", NpgsqlDbType.Text), ("ord", NpgsqlDbType.Integer), ("text", NpgsqlDbType.Text), ("value", NpgsqlDbType.Numeric), ("unit", NpgsqlDbType.Text), ("qualifier", NpgsqlDbType.Text), ("start_offset", NpgsqlDbType.Integer), ("end_offset", NpgsqlDbType.Integer)], "record_id, ord"),
        new("campaigns", [("record_id", NpgsqlDbType.Text), ("ord", NpgsqlDbType.Integer), ("name", NpgsqlDbType.Text), ("text", NpgsqlDbType.Text), ("start_offset", NpgsqlDbType.Integer), ("end_offset", NpgsqlDbType.Integer)], "record_id, ord"),
        new("speakers", [("record_id", NpgsqlDbType.Text), ("ord", NpgsqlDbType.Integer), ("person", NpgsqlDbType.Text), ("titles", NpgsqlDbType.Text), ("role", NpgsqlDbType.Text), ("sentence", NpgsqlDbType.Text)], "record_id, ord"),
    ];

    private readonly NpgsqlConnection _connection;
    private readonly List<BulkRecord> _batch = [];

    private PostgresSink(NpgsqlConnection connection) => _connection = connection;

    /// <summary>The DDL of the schema, as embedded.</summary>
    public static string Schema()
    {
        using var stream = typeof(PostgresSink).Assembly.GetManifestResourceStream("DanVan.Extraction.Cli.Resources.schema.sql")
            ?? throw new InvalidOperationException("The schema resource is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Connects and creates the schema when missing (under an advisory lock: shards may start together).</summary>
    public static PostgresSink Open(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT pg_advisory_lock(hashtext('danvan.schema'));" + Schema() + ";SELECT pg_advisory_unlock(hashtext('danvan.schema'));";
            command.ExecuteNonQuery();
            using var stage = connection.CreateCommand();
            stage.CommandText = string.Concat(Tables.Select(t => $"CREATE TEMP TABLE IF NOT EXISTS stage_{t.Name} (LIKE danvan.{t.Name} INCLUDING DEFAULTS) ON COMMIT DELETE ROWS;"));
            stage.ExecuteNonQuery();
            return new PostgresSink(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public void Add(BulkRecord record) => _batch.Add(record);

    public void Commit(CancellationToken cancellationToken)
    {
        if (_batch.Count == 0)
        {
            return;
        }

        using var transaction = _connection.BeginTransaction();
        foreach (var table in Tables)
        {
            using (var copy = _connection.BeginBinaryImport($"COPY stage_{table.Name} ({string.Join(", ", table.Columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var record in _batch)
                {
                    foreach (var row in Rows(table.Name, record))
                    {
                        copy.StartRow();
                        for (var i = 0; i < table.Columns.Length; i++)
                        {
                            Write(copy, row[i], table.Columns[i].Type);
                        }
                    }
                }

                copy.Complete();
            }

            using var insert = _connection.CreateCommand();
            insert.Transaction = transaction;
            var columns = string.Join(", ", table.Columns.Select(c => c.Name));
            insert.CommandText = $"INSERT INTO danvan.{table.Name} ({columns}) SELECT {columns} FROM stage_{table.Name} ON CONFLICT ({table.Key}) DO NOTHING";
            insert.ExecuteNonQuery();
        }

        cancellationToken.ThrowIfCancellationRequested();
        transaction.Commit();
        _batch.Clear();
    }

    public void Dispose() => _connection.Dispose();

    private static IEnumerable<string?[]> Rows(string table, BulkRecord record) => table switch
    {
        "records" => [[.. BulkTables.RecordRow(record), record.Record.Text, record.Json]],
        "persons" => BulkTables.PersonRows(record),
        "figures" => BulkTables.FigureRows(record),
        "campaigns" => BulkTables.CampaignRows(record),
        _ => BulkTables.SpeakerRows(record),
    };

    private static void Write(NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            copy.WriteNull();
            return;
        }

        switch (type)
        {
            case NpgsqlDbType.Integer:
                copy.Write(int.Parse(value, CultureInfo.InvariantCulture), type);
                break;
            case NpgsqlDbType.Numeric:
                copy.Write(decimal.Parse(value, CultureInfo.InvariantCulture), type);
                break;
            default:
                copy.Write(value, type);
                break;
        }
    }

    private sealed record Table(string Name, (string Name, NpgsqlDbType Type)[] Columns, string Key);
}

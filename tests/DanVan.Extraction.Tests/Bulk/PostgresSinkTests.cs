using DanVan.Extraction.Bulk;
using DanVan.Extraction.Cli;
using Npgsql;

namespace DanVan.Extraction.Tests.Bulk;

/// <summary>
/// A test that needs the PostgreSQL server named by DANVAN_TEST_DB (an Npgsql connection string; .ci/run starts
/// one). Without it the test is skipped, except under CI (CI=true), where it runs and fails.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresSinkTests.ConnectionString is null && !PostgresSinkTests.InCi)
        {
            Skip = "DANVAN_TEST_DB is not set: no PostgreSQL server to test against (.ci/run starts one; under CI=true this test fails instead).";
        }
    }
}

public sealed class PostgresSinkTests
{
    internal static string? ConnectionString => Environment.GetEnvironmentVariable("DANVAN_TEST_DB") is { Length: > 0 } s ? s : null;

    internal static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static string Database => ConnectionString ?? throw new InvalidOperationException("CI=true but DANVAN_TEST_DB is not set: the PostgreSQL tests must run under CI (.ci/run starts a server).");

    [PostgresFact]
    public async Task Loading_the_same_input_twice_keeps_one_copy_of_each_record_and_its_rows()
    {
        using var dir = new TempDirectory();
        dir.Write("in/a.html", BulkRunnerTests.Corpus("joomla", "001"));
        dir.Write("in/b.html", BulkRunnerTests.Corpus("liferay", "001"));
        dir.Write("in/c.html", BulkRunnerTests.Corpus("sharepoint", "001"));
        var input = Path.Combine(dir.Path, "in");

        for (var run = 0; run < 2; run++)
        {
            using var sink = PostgresSink.Open(Database);
            await BulkRunnerTests.RunAsync(Path.Combine(dir.Path, "out" + run), [input], o => o with { Sinks = [sink] });
        }

        var ids = BulkRunnerTests.Lines(Path.Combine(dir.Path, "out0", "records.jsonl")).Select(r => r.GetProperty("recordId").GetString()!).ToArray();
        var figures = File.ReadAllLines(Path.Combine(dir.Path, "out0", "figures.csv")).Length - 1;
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        Assert.Equal(3, ids.Length);
        Assert.Equal(3L, await CountAsync(connection, "records", ids));
        Assert.Equal((long)figures, await CountAsync(connection, "figures", ids));
        await using var title = new NpgsqlCommand("SELECT record->'source'->>'title' FROM danvan.records WHERE record_id = @id", connection);
        title.Parameters.AddWithValue("id", ids[0]);
        Assert.False(string.IsNullOrEmpty((string?)await title.ExecuteScalarAsync()));
    }

    [PostgresFact]
    public void The_schema_can_be_created_twice()
    {
        using (PostgresSink.Open(Database))
        {
        }

        using (PostgresSink.Open(Database))
        {
        }
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection, string table, string[] ids)
    {
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM danvan.{table} WHERE record_id = ANY(@ids)", connection);
        command.Parameters.AddWithValue("ids", ids);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

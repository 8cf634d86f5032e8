using System.Globalization;

namespace DanVan.Extraction.Bulk;

/// <summary>Settings for <see cref="BulkRunner"/>. Immutable; change with <c>with</c>.</summary>
public sealed record BulkOptions
{
    /// <summary>The folder that receives the outputs (created when missing). Required.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>
    /// Continue a run in <see cref="OutputDirectory"/>: the outputs are cut back to the last complete line of its
    /// <c>done.jsonl</c> ledger and appended to; inputs the ledger lists (same id and bytes) are read and hashed
    /// but not extracted or written again. False (the default) starts over and replaces the outputs.
    /// </summary>
    public bool Resume { get; init; }

    /// <summary>The part of the inputs this run processes; <see cref="BulkShard.All"/> by default.</summary>
    public BulkShard Shard { get; init; } = BulkShard.All;

    /// <summary>Extraction workers; default <see cref="Environment.ProcessorCount"/>. At least 1.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Capacity of each bounded queue (reader → workers, workers → writer); default 64. With
    /// <see cref="Parallelism"/> it bounds the pages held in memory at once, whatever the input size.
    /// </summary>
    public int QueueCapacity { get; init; } = 64;

    /// <summary>
    /// Largest Hamming distance between the 64-bit SimHashes of two article texts that makes the later one a
    /// near duplicate (default 3, at most 3: the banded index finds every pair within 3 bits). A negative value
    /// turns near-duplicate detection off; identical bytes are still recognized.
    /// </summary>
    public int DuplicateDistance { get; init; } = 3;

    /// <summary>How archives are read.</summary>
    public InputReadOptions ReadOptions { get; init; } = InputReadOptions.Default;

    /// <summary>
    /// Called on the writer thread after each batch of outcomes is committed to the outputs, and once at the
    /// end. Keep it short: the writer waits for it.
    /// </summary>
    public Action<BulkProgress>? Progress { get; init; }

    /// <summary>
    /// Count the inputs in the background so <see cref="BulkProgress.Total"/> becomes known (default true). The
    /// count reads the inputs a second time (decompressing, not extracting): cheap next to extraction.
    /// </summary>
    public bool CountInputs { get; init; } = true;

    /// <summary>Extra destinations for records (the PostgreSQL sink of the command line).</summary>
    internal IReadOnlyList<IBulkSink> Sinks { get; init; } = [];
}

/// <summary>
/// The part <c>Index</c> of <c>Count</c> equal parts of the inputs: an input belongs to the shard whose index is
/// the FNV-1a 64-bit hash of its UTF-8 <see cref="InputItem.Id"/> modulo <c>Count</c>. Stable across machines,
/// processes and .NET versions, so <c>Count</c> runs with indexes 0 to <c>Count - 1</c> cover every input
/// exactly once.
/// </summary>
/// <param name="Index">Zero-based shard index, below <paramref name="Count"/>.</param>
/// <param name="Count">Number of shards, at least 1.</param>
public readonly record struct BulkShard(int Index, int Count)
{
    /// <summary>Every input (shard 0 of 1).</summary>
    public static BulkShard All => new(0, 1);

    /// <summary>Parses <c>i/N</c> (<c>0 ≤ i &lt; N</c>).</summary>
    /// <returns>False when <paramref name="text"/> is not of that form.</returns>
    public static bool TryParse(string? text, out BulkShard shard)
    {
        shard = All;
        var slash = text?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (slash <= 0
            || !int.TryParse(text.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || count < 1 || index >= count)
        {
            return false;
        }

        shard = new BulkShard(index, count);
        return true;
    }

    /// <summary>Whether the input with this id belongs to the shard.</summary>
    public bool Contains(string inputId)
    {
        ArgumentNullException.ThrowIfNull(inputId);
        return Count <= 1 || (int)(StableHash.Fnv1a64(inputId) % (ulong)Count) == Index;
    }

    /// <inheritdoc/>
    public override string ToString() => Index.ToString(CultureInfo.InvariantCulture) + "/" + Count.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A snapshot of a running <see cref="BulkRunner"/>.</summary>
/// <param name="Done">Inputs finished by this run (every outcome).</param>
/// <param name="Total">Inputs this run will finish, once the background count is over; null until then.</param>
/// <param name="Elapsed">Time since the run started.</param>
/// <param name="Records">Records written by this run.</param>
/// <param name="Duplicates">Duplicates found by this run.</param>
/// <param name="Skipped">Inputs skipped by this run.</param>
/// <param name="Errors">Errors met by this run.</param>
public sealed record BulkProgress(long Done, long? Total, TimeSpan Elapsed, long Records, long Duplicates, long Skipped, long Errors)
{
    /// <summary>Inputs per second so far.</summary>
    public double PagesPerSecond => Elapsed.TotalSeconds > 0 ? Done / Elapsed.TotalSeconds : 0;

    /// <summary>Estimated time left at the current rate; null while <see cref="Total"/> or the rate is unknown.</summary>
    public TimeSpan? Remaining => Total is { } total && PagesPerSecond > 0 ? TimeSpan.FromSeconds(Math.Max(0, total - Done) / PagesPerSecond) : null;
}

/// <summary>
/// The end of a run, as written to <c>summary.json</c>. Counts cover every input of the output folder (earlier
/// runs included when resumed) and add up: <c>Inputs = Records + Duplicates + Skipped + Errors</c>.
/// </summary>
/// <param name="Inputs">Inputs with an outcome.</param>
/// <param name="Records">Inputs that gave a record.</param>
/// <param name="Duplicates">Inputs whose article repeats an earlier record.</param>
/// <param name="Skipped">Inputs that are not articles.</param>
/// <param name="Errors">Inputs that could not be read or extracted.</param>
/// <param name="Resumed">Inputs finished by earlier runs and not read again.</param>
/// <param name="Processed">Inputs finished by this run.</param>
/// <param name="Elapsed">Duration of this run.</param>
/// <param name="PeakWorkingSetBytes">The process's peak working set at the end of the run.</param>
/// <param name="Shard">The shard processed.</param>
/// <param name="Completed">False when the run was cancelled before the end of the inputs.</param>
public sealed record BulkSummary(long Inputs, long Records, long Duplicates, long Skipped, long Errors, long Resumed, long Processed, TimeSpan Elapsed, long PeakWorkingSetBytes, BulkShard Shard, bool Completed)
{
    /// <summary>Inputs finished by this run per second.</summary>
    public double PagesPerSecond => Elapsed.TotalSeconds > 0 ? Processed / Elapsed.TotalSeconds : 0;
}

using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Channels;
using DanVan.Extraction.Records;

namespace DanVan.Extraction.Bulk;

/// <summary>
/// Extracts meeting records from many archived pages in parallel into an output folder: <c>records.jsonl</c>,
/// the CSV tables <c>records.csv</c>, <c>persons.csv</c>, <c>figures.csv</c>, <c>campaigns.csv</c>,
/// <c>speakers.csv</c> (keyed by record id), <c>errors.jsonl</c>, the ledger <c>done.jsonl</c> (every input with
/// its outcome) and <c>summary.json</c>. Every input ends as exactly one of: a record, a duplicate of an earlier
/// record, skipped (not an article), or an error; bad input never stops a run.
/// </summary>
/// <remarks>
/// <para><b>Pipeline.</b> One reader task streams <see cref="InputReader"/> items into a bounded channel;
/// <see cref="BulkOptions.Parallelism"/> workers extract; one writer takes the results back in input order,
/// finds duplicates and writes. At most <c>2 × QueueCapacity + Parallelism</c> pages are in memory at once, so
/// memory stays flat however many pages there are; the duplicate index grows by about 100 bytes per input.</para>
/// <para><b>Duplicates.</b> Identical input bytes are recognized before extraction and not extracted again.
/// Otherwise the record's clean article text (<see cref="MeetingRecord.Text"/>: the page reader has removed
/// the portal's chrome) is hashed with a 64-bit SimHash over word 3-shingles; a record within
/// <see cref="BulkOptions.DuplicateDistance"/> bits of an earlier one is a duplicate of it and is not written.
/// The writer sees inputs in input order, so "earlier" is deterministic.</para>
/// <para><b>Record ids and resume.</b> An input's key is a SHA-256 of its id and bytes; its record id is the
/// first 16 hex digits of the key, stable across runs and machines. See <see cref="BulkOptions.Resume"/>.</para>
/// <para><b>Thread safety.</b> One runner may run once at a time; the extractor is shared by the workers.</para>
/// </remarks>
public sealed class BulkRunner
{
    private const int CommitBatch = 256;
    private static readonly JsonSerializerOptions IdJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly MeetingExtractor _extractor;
    private readonly BulkOptions _options;

    /// <summary>A runner with its extractor and settings.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public BulkRunner(MeetingExtractor extractor, BulkOptions options)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.OutputDirectory);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Parallelism, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.QueueCapacity, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.DuplicateDistance, NearDuplicateIndex.MaxDistance, nameof(options));
        if (options.Shard.Count < 1 || options.Shard.Index < 0 || options.Shard.Index >= options.Shard.Count)
        {
            throw new ArgumentException("The shard index must be at least 0 and below the shard count.", nameof(options));
        }

        _extractor = extractor;
        _options = options;
    }

    /// <summary>
    /// Processes every input (files, directories, zips, WARCs; see <see cref="InputReader"/>) of the shard.
    /// When <paramref name="cancellationToken"/> is cancelled the run stops soon, leaves consistent outputs (a
    /// later run with <see cref="BulkOptions.Resume"/> goes on from there) and returns a summary with
    /// <see cref="BulkSummary.Completed"/> false. Bad input never throws; I/O errors on the output folder do.
    /// </summary>
    /// <exception cref="ArgumentException">An input path is null or empty.</exception>
    /// <exception cref="IOException">The output folder cannot be written.</exception>
    public async Task<BulkSummary> RunAsync(IReadOnlyList<string> inputs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        foreach (var input in inputs)
        {
            ArgumentException.ThrowIfNullOrEmpty(input, nameof(inputs));
        }

        var clock = Stopwatch.StartNew();
        using var outputs = BulkOutputs.Open(_options.OutputDirectory, _options.Resume, out var previous);
        var state = new WriterState(_options.DuplicateDistance);
        var doneKeys = new HashSet<string>(StringComparer.Ordinal);
        var seenContent = new HashSet<UInt128>();
        foreach (var entry in previous)
        {
            doneKeys.Add(entry.Key);
            state.Load(entry);
            if (entry.Content is { } content)
            {
                seenContent.Add(content);
            }
        }

        state.MarkLoaded();
        var resumed = previous.Count;
        previous = null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var maxInFlight = (2 * _options.QueueCapacity) + _options.Parallelism;
        using var inFlight = new SemaphoreSlim(maxInFlight, maxInFlight);
        var work = Channel.CreateBounded<WorkItem>(new BoundedChannelOptions(_options.QueueCapacity) { SingleWriter = true });
        var results = Channel.CreateBounded<WorkItem>(new BoundedChannelOptions(maxInFlight) { SingleReader = true });
        long total = -1;
        var counter = _options.CountInputs ? Task.Run(() => Interlocked.Exchange(ref total, Math.Max(0, CountInputs(inputs, stop.Token) - resumed)), CancellationToken.None) : Task.CompletedTask;
        var reader = Task.Run(() => ReadAsync(inputs, doneKeys, seenContent, work.Writer, inFlight, stop.Token), CancellationToken.None);
        var workers = new Task[_options.Parallelism];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = Task.Run(() => WorkAsync(work.Reader, results.Writer, stop.Token), CancellationToken.None);
        }

        var allWorkers = Task.WhenAll(workers).ContinueWith(t => results.Writer.TryComplete(t.Exception), TaskScheduler.Default);
        var completed = true;
        var processedBefore = state.Count;
        try
        {
            await WriteAsync(results.Reader, outputs, state, inFlight, clock, () => Interlocked.Read(ref total), stop.Token).ConfigureAwait(false);
            await reader.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            completed = false;
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(reader, allWorkers, counter).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
        }

        using var self = System.Diagnostics.Process.GetCurrentProcess();
        self.Refresh();
        var summary = new BulkSummary(state.Count, state.Records, state.Duplicates, state.Skipped, state.Errors, resumed, state.Count - processedBefore, clock.Elapsed, self.PeakWorkingSet64, _options.Shard, completed);
        outputs.WriteSummary(summary);
        return summary;
    }

    /// <summary>The key of an input: SHA-256 of its id, a zero byte, then its bytes (or its skip or error reason).</summary>
    internal static string KeyOf(string id, ReadOnlySpan<byte> content)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(id));
        sha.AppendData([0]);
        sha.AppendData(content);
        return StableHash.Hex(sha.GetHashAndReset().AsSpan(0, 16));
    }

    private static UInt128 ContentHash(ReadOnlySpan<byte> content)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(content, hash);
        return MemoryMarshal.Read<UInt128>(hash);
    }

    private long CountInputs(IReadOnlyList<string> inputs, CancellationToken ct)
    {
        long count = 0;
        try
        {
            foreach (var input in inputs)
            {
                foreach (var item in InputReader.Read(input, _options.ReadOptions, ct))
                {
                    if (_options.Shard.Contains(item.Id))
                    {
                        count++;
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            return -1;
        }

        return count;
    }

    private async Task ReadAsync(IReadOnlyList<string> inputs, HashSet<string> doneKeys, HashSet<UInt128> seenContent, ChannelWriter<WorkItem> work, SemaphoreSlim inFlight, CancellationToken ct)
    {
        long seq = 0;
        try
        {
            foreach (var input in inputs)
            {
                using var e = InputReader.Read(input, _options.ReadOptions, ct).GetEnumerator();
                while (true)
                {
                    InputItem item;
                    try
                    {
                        if (!e.MoveNext())
                        {
                            break;
                        }

                        item = e.Current;
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        // A reader bug must not end the run: the rest of this input becomes one error.
                        item = new InputError(Path.GetFileName(input) + "#reader", input, "reading failed: " + ex.Message);
                        await SendAsync(item).ConfigureAwait(false);
                        break;
                    }

                    await SendAsync(item).ConfigureAwait(false);
                }
            }

            work.TryComplete();
        }
        catch (Exception ex)
        {
            work.TryComplete(ex);
            throw;
        }

        Task SendAsync(InputItem item)
        {
            if (!_options.Shard.Contains(item.Id))
            {
                return Task.CompletedTask;
            }

            WorkItem w;
            if (item is InputDocument d)
            {
                var content = ContentHash(d.Content.Span);
                w = new WorkItem(seq, item, KeyOf(d.Id, d.Content.Span)) { Content = content, Repeat = !seenContent.Add(content) };
            }
            else
            {
                w = new WorkItem(seq, item, KeyOf(item.Id, Encoding.UTF8.GetBytes(item is InputSkipped s ? s.Reason : ((InputError)item).Reason)));
            }

            if (doneKeys.Contains(w.Key))
            {
                if (w.Content is { } c && w.Repeat)
                {
                    // Its first occurrence was in an earlier run; keep it known.
                    seenContent.Add(c);
                }

                return Task.CompletedTask;
            }

            seq++;
            return SendCoreAsync(w);
        }

        async Task SendCoreAsync(WorkItem w)
        {
            await inFlight.WaitAsync(ct).ConfigureAwait(false);
            await work.WriteAsync(w, ct).ConfigureAwait(false);
        }
    }

    private async Task WorkAsync(ChannelReader<WorkItem> work, ChannelWriter<WorkItem> results, CancellationToken ct)
    {
        await foreach (var w in work.ReadAllAsync(ct).ConfigureAwait(false))
        {
            ProcessItem(w, ct);
            await results.WriteAsync(w, ct).ConfigureAwait(false);
        }
    }

    private void ProcessItem(WorkItem w, CancellationToken ct)
    {
        switch (w.Input)
        {
            case InputSkipped s:
                w.Outcome = BulkOutcome.Skipped;
                w.Reason = s.Reason;
                break;
            case InputError e:
                w.Outcome = BulkOutcome.Error;
                w.Reason = e.Reason;
                break;
            case InputDocument d when !w.Repeat:
                Extract(w, d, ct);
                break;
        }

        // The page's bytes are not needed any more; only the outcome waits for the writer.
        w.Input = w.Input is InputDocument doc ? doc with { Content = ReadOnlyMemory<byte>.Empty } : w.Input;
    }

    private void Extract(WorkItem w, InputDocument d, CancellationToken ct)
    {
        try
        {
            var bytes = MemoryMarshal.TryGetArray(d.Content, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length ? segment.Array : d.Content.ToArray();
            var options = new ExtractionOptions
            {
                SourcePath = d.Id,
                Url = Uri.TryCreate(d.Uri, UriKind.Absolute, out var uri) ? uri : null,
                HttpCharset = d.Charset,
            };
            var result = _extractor.Extract(bytes, options, ct);
            if (result.Record is { } record)
            {
                w.Outcome = BulkOutcome.Record;
                w.Record = record;
                w.SimHash = SimHash.Compute(record.Text);
                var recordId = w.Key[..16];
                var json = RecordJson.Serialize(record, indented: false);
                var head = "{\"recordId\":\"" + recordId + "\",\"inputId\":" + JsonSerializer.Serialize(d.Id, IdJson) + (json.Length > 2 ? "," : string.Empty);
                w.Json = head + json[1..];
            }
            else
            {
                var failure = result.Failure ?? "no record";
                w.Outcome = failure.StartsWith("not an article", StringComparison.Ordinal) || failure.StartsWith("empty", StringComparison.Ordinal) ? BulkOutcome.Skipped : BulkOutcome.Error;
                w.Reason = failure;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            w.Outcome = BulkOutcome.Error;
            w.Reason = "extraction failed: " + ex.GetType().Name + ": " + ex.Message;
        }
    }

    private async Task WriteAsync(ChannelReader<WorkItem> results, BulkOutputs outputs, WriterState state, SemaphoreSlim inFlight, Stopwatch clock, Func<long> total, CancellationToken ct)
    {
        var waiting = new Dictionary<long, WorkItem>();
        var pending = new List<(DoneEntry Entry, long[] Ends)>();
        var processedBefore = state.Count;
        long next = 0;
        try
        {
            while (await results.WaitToReadAsync(ct).ConfigureAwait(false))
            {
                while (results.TryRead(out var w))
                {
                    waiting.Add(w.Seq, w);
                    while (waiting.Remove(next, out var ready))
                    {
                        next++;
                        pending.Add(Write(ready, outputs, state));
                        inFlight.Release();
                        if (pending.Count >= CommitBatch)
                        {
                            Commit(outputs, pending, state, processedBefore, clock, total(), ct);
                        }
                    }
                }

                Commit(outputs, pending, state, processedBefore, clock, total(), ct);
            }
        }
        finally
        {
            // Cancelled or failed: what is written is committed, so a resumed run starts right after it.
            Commit(outputs, pending, state, processedBefore, clock, total(), CancellationToken.None);
        }
    }

    private (DoneEntry, long[]) Write(WorkItem w, BulkOutputs outputs, WriterState state)
    {
        var id = w.Input.Id;
        DoneEntry entry;
        if (w.Repeat && w.Content is { } content && state.FirstByContent.TryGetValue(content, out var first))
        {
            entry = first.Outcome == BulkOutcome.Record
                ? new DoneEntry(w.Key, id, BulkOutcome.Duplicate, null, RecordId(first.RecordId), "same bytes", content, null)
                : new DoneEntry(w.Key, id, first.Outcome, null, null, "same bytes as " + first.InputId + ": " + first.Reason, content, null);
        }
        else if (w.Repeat)
        {
            entry = new DoneEntry(w.Key, id, BulkOutcome.Error, null, null, "same bytes as an input whose outcome is unknown", w.Content, null);
        }
        else if (w.Outcome == BulkOutcome.Record && state.Index.Find(w.SimHash) is { } original)
        {
            entry = new DoneEntry(w.Key, id, BulkOutcome.Duplicate, null, RecordId(original), "near duplicate", w.Content, w.SimHash);
        }
        else if (w.Outcome == BulkOutcome.Record)
        {
            var record = new BulkRecord(w.Key[..16], id, w.Record!, w.Json!);
            outputs.WriteRecord(record);
            foreach (var sink in _options.Sinks)
            {
                sink.Add(record);
            }

            entry = new DoneEntry(w.Key, id, BulkOutcome.Record, record.RecordId, null, null, w.Content, w.SimHash);
        }
        else
        {
            if (w.Outcome == BulkOutcome.Error)
            {
                outputs.WriteError(id, w.Reason ?? "error");
            }

            entry = new DoneEntry(w.Key, id, w.Outcome, null, null, w.Reason, w.Content, null);
        }

        state.Load(entry);
        return (entry, outputs.FlushFiles());
    }

    private void Commit(BulkOutputs outputs, List<(DoneEntry Entry, long[] Ends)> pending, WriterState state, long processedBefore, Stopwatch clock, long total, CancellationToken ct)
    {
        if (pending.Count == 0)
        {
            return;
        }

        foreach (var sink in _options.Sinks)
        {
            sink.Commit(ct);
        }

        outputs.WriteDone(pending);
        pending.Clear();
        _options.Progress?.Invoke(new BulkProgress(state.Count - processedBefore, total < 0 ? null : total, clock.Elapsed, state.RunRecords, state.RunDuplicates, state.RunSkipped, state.RunErrors));
    }

    private static string RecordId(ulong id) => id.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);

    private static ulong RecordId(string id) => ulong.Parse(id, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// How the first input with some bytes ended, kept small (a record or a duplicate: the record id only; the
    /// input id and reason only for the rare skipped or failed content).
    /// </summary>
    private readonly record struct FirstOutcome(BulkOutcome Outcome, ulong RecordId, string? InputId, string? Reason);

    /// <summary>One input on its way through the pipeline; the worker fills in the outcome.</summary>
    private sealed class WorkItem(long seq, InputItem input, string key)
    {
        public long Seq { get; } = seq;

        public InputItem Input { get; set; } = input;

        public string Key { get; } = key;

        public UInt128? Content { get; init; }

        public bool Repeat { get; init; }

        public BulkOutcome Outcome { get; set; }

        public string? Reason { get; set; }

        public MeetingRecord? Record { get; set; }

        public string? Json { get; set; }

        public ulong SimHash { get; set; }
    }

    /// <summary>What the writer knows: outcome counts, the first input of each content, the SimHash index.</summary>
    private sealed class WriterState(int distance)
    {
        public NearDuplicateIndex Index { get; } = new(distance);

        public Dictionary<UInt128, FirstOutcome> FirstByContent { get; } = [];

        public long Count => Records + Duplicates + Skipped + Errors;

        public long Records { get; private set; }

        public long Duplicates { get; private set; }

        public long Skipped { get; private set; }

        public long Errors { get; private set; }

        public long RunRecords => Records - _loadedRecords;

        public long RunDuplicates => Duplicates - _loadedDuplicates;

        public long RunSkipped => Skipped - _loadedSkipped;

        public long RunErrors => Errors - _loadedErrors;

        private long _loadedRecords;
        private long _loadedDuplicates;
        private long _loadedSkipped;
        private long _loadedErrors;

        public void MarkLoaded()
        {
            (_loadedRecords, _loadedDuplicates, _loadedSkipped, _loadedErrors) = (Records, Duplicates, Skipped, Errors);
        }

        public void Load(DoneEntry e)
        {
            switch (e.Outcome)
            {
                case BulkOutcome.Record:
                    Records++;
                    if (e.SimHash is { } hash && e.RecordId is { } id)
                    {
                        Index.Add(hash, RecordId(id));
                    }

                    break;
                case BulkOutcome.Duplicate:
                    Duplicates++;
                    break;
                case BulkOutcome.Skipped:
                    Skipped++;
                    break;
                default:
                    Errors++;
                    break;
            }

            if (e.Content is { } content && !FirstByContent.ContainsKey(content))
            {
                FirstByContent[content] = e.Outcome switch
                {
                    BulkOutcome.Record => new FirstOutcome(BulkOutcome.Record, RecordId(e.RecordId!), null, null),
                    BulkOutcome.Duplicate => new FirstOutcome(BulkOutcome.Record, RecordId(e.DuplicateOf!), null, null),
                    _ => new FirstOutcome(e.Outcome, 0, e.InputId, e.Reason),
                };
            }
        }
    }
}

using System.Collections.Concurrent;
using System.Text.Json;
using EdgeRisk.Trading.Ledger;
using StackExchange.Redis;

namespace EdgeRisk.Trading.Host.Journal;

/// <summary>
/// Journal of fills and position snapshots in Redis. Fills go to one stream per book whose entry id is the fill
/// sequence (<c>&lt;seq&gt;-1</c>), so Redis itself refuses a duplicate or out-of-order write: replays and retries are
/// idempotent. Writes never block the pipeline: entries queue in memory and <see cref="FlushAsync"/> writes them in
/// order, stopping at the first failure (counted) and resuming from the same entry on the next attempt.
/// </summary>
public sealed class RedisJournal
{
    private readonly IDatabase _db;
    private readonly string _prefix;
    private readonly TradingMetrics _metrics;
    private readonly ConcurrentQueue<Entry> _pending = new();
    private readonly SemaphoreSlim _flushing = new(1, 1);

    public RedisJournal(IConnectionMultiplexer redis, string job, TradingMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(redis);
        _db = redis.GetDatabase();
        _prefix = job;
        _metrics = metrics;
    }

    public int Pending => _pending.Count;

    /// <summary>Connects with a bounded timeout; throws <see cref="RedisConnectionException"/> when Redis is unreachable.</summary>
    public static async Task<ConnectionMultiplexer> ConnectAsync(string endpoint)
    {
        var options = ConfigurationOptions.Parse(endpoint);
        options.AbortOnConnectFail = true;
        options.ConnectTimeout = 3000;
        options.ConnectRetry = 1;
        options.AsyncTimeout = 2000;
        options.SyncTimeout = 2000;
        // Fail writes at once while disconnected: the journal keeps its own ordered backlog and counts failures.
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ReconnectRetryPolicy = new LinearRetry(250);
        return await ConnectionMultiplexer.ConnectAsync(options);
    }

    public string FillsKey(Book book) => $"{_prefix}:fills:{FillCsv.BookName(book)}";

    public string SnapshotKey(Book book) => $"{_prefix}:snapshot:{FillCsv.BookName(book)}";

    public void Append(Fill fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        _pending.Enqueue(new Entry(fill, null));
        _metrics.SetJournalPending(_pending.Count);
    }

    /// <summary>Queues a snapshot behind the fills it covers, so it never lands before them.</summary>
    public void AppendSnapshot(JournalSnapshot snapshot)
    {
        _pending.Enqueue(new Entry(null, snapshot));
        _metrics.SetJournalPending(_pending.Count);
    }

    /// <summary>Writes queued entries in order; returns false (and counts one failure) if Redis refused or was unreachable.</summary>
    public async Task<bool> FlushAsync()
    {
        await _flushing.WaitAsync();
        try
        {
            while (_pending.TryPeek(out var entry))
            {
                try
                {
                    await WriteAsync(entry);
                }
                catch (Exception e) when (e is RedisException or TimeoutException)
                {
                    _metrics.OnJournalWriteFailed();
                    return false;
                }

                _pending.TryDequeue(out _);
                _metrics.SetJournalPending(_pending.Count);
            }

            return true;
        }
        finally
        {
            _flushing.Release();
        }
    }

    /// <summary>Deletes this job's books (snapshots and fill streams) so the next recovery starts flat: a new run, not a restart.</summary>
    public async Task ResetAsync()
    {
        RedisKey[] keys = [SnapshotKey(Book.Paper), SnapshotKey(Book.Sim), FillsKey(Book.Paper), FillsKey(Book.Sim)];
        await _db.KeyDeleteAsync(keys);
    }

    /// <summary>Rebuilds both books: latest snapshot, then every later fill in sequence; a missing sequence fails closed.</summary>
    public async Task<RecoveredState> RecoverAsync(decimal initialCashUsd)
    {
        var paper = await RecoverBookAsync(Book.Paper, initialCashUsd);
        var sim = await RecoverBookAsync(Book.Sim, initialCashUsd);
        DateTimeOffset? resume = Max(paper.LastAt, sim.LastAt);
        return new RecoveredState(paper.Ledger, sim.Ledger, resume, paper.Replayed + sim.Replayed, Math.Max(paper.LastOrderId, sim.LastOrderId));
    }

    private async Task<(BookLedger Ledger, DateTimeOffset? LastAt, int Replayed, long LastOrderId)> RecoverBookAsync(Book book, decimal initialCashUsd)
    {
        var json = await _db.StringGetAsync(SnapshotKey(book));
        JournalSnapshot? snapshot = json.IsNullOrEmpty ? null : JsonSerializer.Deserialize((string)json!, JournalJsonContext.Default.JournalSnapshot);
        var ledger = snapshot is null ? new BookLedger(book, initialCashUsd) : BookLedger.Restore(snapshot.Ledger);
        var lastAt = snapshot?.At;
        var lastOrderId = snapshot?.LastOrderId ?? 0;
        var entries = await _db.StreamRangeAsync(FillsKey(book), $"{ledger.LastSequence + 1}-0", "+");
        var replayed = 0;
        foreach (var entry in entries)
        {
            var fill = Decode(book, entry);
            var result = ledger.Apply(fill);
            if (result == LedgerApplyResult.Gap)
            {
                throw new JournalCorruptException($"journal {FillsKey(book)} jumps from fill {ledger.LastSequence} to {fill.Sequence}; refusing to recover a book with a missing fill");
            }

            replayed += result == LedgerApplyResult.Applied ? 1 : 0;
            lastOrderId = Math.Max(lastOrderId, fill.OrderId);
            var at = new DateTimeOffset(DateTime.SpecifyKind(fill.Time, DateTimeKind.Utc));
            lastAt = lastAt is null || at > lastAt ? at : lastAt;
        }

        return (ledger, lastAt, replayed, lastOrderId);
    }

    private async Task WriteAsync(Entry entry)
    {
        if (entry.Snapshot is { } snapshot)
        {
            var json = JsonSerializer.Serialize(snapshot, JournalJsonContext.Default.JournalSnapshot);
            await _db.StringSetAsync(SnapshotKey(snapshot.Ledger.Book), json);
            return;
        }

        var fill = entry.Fill!;
        try
        {
            await _db.StreamAddAsync(FillsKey(fill.Book), Encode(fill), messageId: $"{fill.Sequence.ToString(CultureInfo.InvariantCulture)}-1");
        }
        catch (RedisServerException e) when (e.Message.Contains("equal or smaller", StringComparison.Ordinal))
        {
            // Already journaled (a retry after a lost reply): the sequence id makes the write idempotent.
        }
    }

    private static NameValueEntry[] Encode(Fill f) =>
    [
        new("order", f.OrderId.ToString(CultureInfo.InvariantCulture)),
        new("symbol", f.Symbol),
        new("side", FillCsv.SideName(f.Side)),
        new("qty", f.Quantity.ToString(CultureInfo.InvariantCulture)),
        new("price", f.Price.ToString(CultureInfo.InvariantCulture)),
        new("fee", f.FeeUsd.ToString(CultureInfo.InvariantCulture)),
        new("time", f.Time.Ticks.ToString(CultureInfo.InvariantCulture)),
    ];

    private Fill Decode(Book book, StreamEntry entry)
    {
        try
        {
            var id = (string)entry.Id!;
            var sequence = long.Parse(id.AsSpan(0, id.IndexOf('-', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
            return new Fill(
                sequence,
                long.Parse((string)entry["order"]!, CultureInfo.InvariantCulture),
                book,
                (string)entry["symbol"]!,
                (string)entry["side"]! == "buy" ? OrderSide.Buy : OrderSide.Sell,
                decimal.Parse((string)entry["qty"]!, CultureInfo.InvariantCulture),
                decimal.Parse((string)entry["price"]!, CultureInfo.InvariantCulture),
                decimal.Parse((string)entry["fee"]!, CultureInfo.InvariantCulture),
                new DateTime(long.Parse((string)entry["time"]!, CultureInfo.InvariantCulture), DateTimeKind.Utc));
        }
        catch (Exception e) when (e is FormatException or ArgumentNullException or OverflowException)
        {
            throw new JournalCorruptException($"journal {FillsKey(book)} entry {entry.Id} is unreadable: {e.Message}");
        }
    }

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : (a > b ? a : b);

    private sealed record Entry(Fill? Fill, JournalSnapshot? Snapshot);
}

using StackExchange.Redis;

namespace EdgeRisk.Trading.Tests.Host;

public sealed class RedisJournalTests
{
    private static readonly DateTime T0 = new(2017, 9, 3, 0, 0, 0, DateTimeKind.Utc);

    private static Fill Buy(long sequence, decimal quantity, decimal price, int minute)
        => new(sequence, sequence, Book.Paper, "BTC-USD", OrderSide.Buy, quantity, price, 0.5m, T0.AddMinutes(minute));

    [Fact]
    public async Task RecoverAsync_AfterSnapshotAndLaterFills_RebuildsBooksAndResumePoint()
    {
        await using var redis = await JournalOnRedis.StartAsync();
        var journal = redis.Journal;
        var ledger = new BookLedger(Book.Paper, 100_000m);
        foreach (var fill in new[] { Buy(1, 0.1m, 4000m, 1), Buy(2, 0.2m, 4010m, 2) })
        {
            ledger.Apply(fill);
            journal.Append(fill);
        }

        journal.AppendSnapshot(new JournalSnapshot(new DateTimeOffset(T0.AddMinutes(2)), ledger.Snapshot(), LastOrderId: 7));
        var third = Buy(3, 0.3m, 4020.5m, 3);
        ledger.Apply(third);
        journal.Append(third);
        Assert.True(await journal.FlushAsync());

        var recovered = await redis.Open("test").RecoverAsync(100_000m);

        Assert.Equal(3, recovered.Paper.LastSequence);
        Assert.Equal(ledger.CashUsd, recovered.Paper.CashUsd);
        Assert.Equal(0.6m, recovered.Paper.Position("BTC-USD").Quantity);
        Assert.Equal(1, recovered.FillsReplayed);
        Assert.Equal(new DateTimeOffset(T0.AddMinutes(3)), recovered.ResumeAfter);
        Assert.Equal(0, recovered.Sim.LastSequence);
        Assert.Equal(7, recovered.LastOrderId);
    }

    [Fact]
    public async Task ResetAsync_AfterFillsAndSnapshot_RecoversFlatAndLeavesOtherJobsAlone()
    {
        await using var redis = await JournalOnRedis.StartAsync();
        var journal = redis.Journal;
        var other = redis.Open("other");
        var ledger = new BookLedger(Book.Paper, 100_000m);
        ledger.Apply(Buy(1, 0.1m, 4000m, 1));
        journal.Append(Buy(1, 0.1m, 4000m, 1));
        journal.AppendSnapshot(new JournalSnapshot(new DateTimeOffset(T0.AddMinutes(1)), ledger.Snapshot(), LastOrderId: 3));
        other.Append(Buy(1, 0.1m, 4000m, 1));
        Assert.True(await journal.FlushAsync());
        Assert.True(await other.FlushAsync());

        await journal.ResetAsync();

        var recovered = await journal.RecoverAsync(100_000m);
        Assert.Equal(0, recovered.Paper.LastSequence);
        Assert.Equal(100_000m, recovered.Paper.CashUsd);
        Assert.Null(recovered.ResumeAfter);
        Assert.Equal(0, recovered.LastOrderId);
        Assert.Equal(1, (await other.RecoverAsync(100_000m)).Paper.LastSequence);
    }

    [Fact]
    public async Task FlushAsync_SameFillTwice_JournalsItOnce()
    {
        await using var redis = await JournalOnRedis.StartAsync();

        await redis.JournalAsync(Buy(1, 0.1m, 4000m, 1), Buy(1, 0.1m, 4000m, 1));

        Assert.Equal(1, await redis.Connection.GetDatabase().StreamLengthAsync(redis.Journal.FillsKey(Book.Paper)));
    }

    [Fact]
    public async Task RecoverAsync_MissingFillSequence_FailsClosed()
    {
        await using var redis = await JournalOnRedis.StartAsync();
        await redis.JournalAsync(Buy(1, 0.1m, 4000m, 1), Buy(3, 0.1m, 4000m, 3));

        var error = await Assert.ThrowsAsync<JournalCorruptException>(() => redis.Journal.RecoverAsync(100_000m));
        Assert.Contains("jumps from fill 1 to 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FlushAsync_WhileRedisDown_CountsFailuresKeepsPendingThenCatchesUpInOrder()
    {
        await using var redis = await JournalOnRedis.StartAsync();
        var journal = redis.Journal;
        await redis.JournalAsync(Buy(1, 0.1m, 4000m, 1));

        await redis.Server.StopAsync();
        journal.Append(Buy(2, 0.1m, 4001m, 2));
        journal.Append(Buy(3, 0.1m, 4002m, 3));
        Assert.False(await journal.FlushAsync());
        Assert.Equal(2, journal.Pending);
        var text = await MetricsText.ExportAsync(redis.Metrics.Registry);
        Assert.True(MetricsText.Value(text, "journal_write_failures_total") >= 1);
        Assert.Equal(2, MetricsText.Value(text, "journal_pending_writes"));

        await redis.Server.RestartAsync();
        var waited = Stopwatch.StartNew();
        while (!await journal.FlushAsync())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(15), "journal did not catch up after Redis came back");
            await Task.Delay(50);
        }

        Assert.Equal(0, journal.Pending);
        var entries = await redis.Connection.GetDatabase().StreamRangeAsync(journal.FillsKey(Book.Paper));
        Assert.Equal(["1-1", "2-1", "3-1"], entries.Select(e => (string)e.Id!));
        Assert.Equal(0, MetricsText.Value(await MetricsText.ExportAsync(redis.Metrics.Registry), "journal_pending_writes"));
    }

    [Fact]
    public async Task ConnectAsync_NothingListening_ThrowsConnectionException()
    {
        await Assert.ThrowsAsync<RedisConnectionException>(() => RedisJournal.ConnectAsync($"127.0.0.1:{FreePort.Next()}"));
    }

    /// <summary>A Redis server, a connection to it and the journal of job <c>test</c> trading BTC-USD; disposing closes both.</summary>
    private sealed class JournalOnRedis : IAsyncDisposable
    {
        private JournalOnRedis(RedisServer server, ConnectionMultiplexer connection)
        {
            Server = server;
            Connection = connection;
            Journal = new RedisJournal(connection, "test", Metrics);
        }

        public RedisServer Server { get; }

        public ConnectionMultiplexer Connection { get; }

        /// <summary>The metrics of <see cref="Journal"/>.</summary>
        public TradingMetrics Metrics { get; } = new(["BTC-USD"]);

        public RedisJournal Journal { get; }

        public static async Task<JournalOnRedis> StartAsync()
        {
            var server = await RedisServer.StartAsync();
            try
            {
                return new JournalOnRedis(server, await RedisJournal.ConnectAsync(server.Endpoint));
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }

        /// <summary>Appends the fills to <see cref="Journal"/> and flushes them to Redis.</summary>
        public async Task JournalAsync(params Fill[] fills)
        {
            foreach (var fill in fills)
            {
                Journal.Append(fill);
            }

            Assert.True(await Journal.FlushAsync());
        }

        /// <summary>Another journal on the same connection, as a restarted process or another job would open it.</summary>
        public RedisJournal Open(string job) => new(Connection, job, new TradingMetrics(["BTC-USD"]));

        public async ValueTask DisposeAsync()
        {
            await Connection.DisposeAsync();
            await Server.DisposeAsync();
        }
    }
}

using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeRisk.Trading.Tests.Host;

public sealed class LiveWebSocketFeedTests
{
    private static readonly LiveFeedOptions Options = new()
    {
        InitialBackoff = TimeSpan.FromSeconds(1),
        MaxBackoff = TimeSpan.FromSeconds(8),
        StaleAfter = TimeSpan.FromSeconds(10),
    };

    [Fact]
    public async Task RunAsync_CoinbaseSessionWithDropGapAndBadFrames_ReconnectsAndCountsRejects()
    {
        await using var session = await FeedSession.StartAsync("coinbase", "coinbase_session.jsonl", new DateTimeOffset(2023, 2, 9, 20, 30, 0, TimeSpan.Zero));

        var events = await session.ReadAsync(7);
        await session.StopAsync();

        Assert.Equal(2, session.Feed.Connections);
        Assert.Equal(
            ["BTC-USD Trade 21921.73", "BTC-USD Trade 21921.74", "ETH-USD Quote 1543.21", "ETH-USD Trade 1543.30", "BTC-USD Trade 21925.00", "BTC-USD Trade 21926.50", "BTC-USD Quote 21926.50"],
            events.Select(e => $"{e.Symbol.Ticker} {e.Kind} {e.Price}"));
        Assert.Contains(session.Server.Received, m => m.Contains("\"channel\":\"market_trades\"", StringComparison.Ordinal) && m.Contains("\"BTC-USD\"", StringComparison.Ordinal));
        Assert.Contains(session.Server.Received, m => m.Contains("\"channel\":\"ticker\"", StringComparison.Ordinal));
        var text = await MetricsText.ExportAsync(session.Metrics.Registry);
        MetricsText.AssertRejected(text, ("gap", 1), ("duplicate", 1), ("bad_frame", 2), ("non_numeric", 1), ("unknown_symbol", 1), ("non_positive_price", 1));
    }

    [Fact]
    public async Task RunAsync_BinanceCombinedStream_ReconnectsAndCountsRejects()
    {
        await using var session = await FeedSession.StartAsync("binance", "binance_session.jsonl", BinanceSessionStart);

        var events = await session.ReadAsync(6);
        await session.StopAsync();

        Assert.Equal(2, session.Feed.Connections);
        Assert.Equal("/stream?streams=btcusdt@trade/btcusdt@bookTicker/ethusdt@trade/ethusdt@bookTicker", session.Server.Paths[0]);
        Assert.Equal(
            ["BTC-USD Trade 16541.12000000", "BTC-USD Quote 16541.11500000", "ETH-USD Trade 1196.50000000", "BTC-USD Trade 16541.50000000", "BTC-USD Trade 16542.00000000", "ETH-USD Quote 1196.50000000"],
            events.Select(e => $"{e.Symbol.Ticker} {e.Kind} {e.Price}"));
        Assert.Equal(new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMilliseconds(1672515782136 - 1672531200000), events[0].Time);
        var text = await MetricsText.ExportAsync(session.Metrics.Registry);
        MetricsText.AssertRejected(text, ("gap", 1), ("duplicate", 1), ("bad_frame", 1), ("missing_field", 1), ("unknown_symbol", 1), ("non_positive_price", 1));
    }

    [Fact]
    public async Task RunAsync_NoEventForStalePeriod_CountsStaleOnceAndMarksFeedStale()
    {
        await using var session = await FeedSession.StartAsync("binance", "binance_session.jsonl", BinanceSessionStart);
        await session.ReadAsync(6);
        Assert.False(session.Feed.Health.IsStale);
        var before = MetricsText.Value(await MetricsText.ExportAsync(session.Metrics.Registry), "feed_rejected_total{reason=\"stale\"}");

        // The second connection stays open and silent: 10 s of (fake) time without an event.
        session.Time.Advance(TimeSpan.FromSeconds(12.5));
        session.Time.Advance(TimeSpan.FromSeconds(12.5));

        Assert.True(session.Feed.Health.IsStale);
        Assert.Equal(before + 1, MetricsText.Value(await MetricsText.ExportAsync(session.Metrics.Registry), "feed_rejected_total{reason=\"stale\"}"));
    }

    [Fact]
    public void Check_EventAfterStale_ClearsStaleAndCountsNextEpisode()
    {
        var time = new FakeTimeProvider();
        var rejects = new List<string>();
        var health = new FeedHealth("coinbase", TimeSpan.FromSeconds(10), time, rejects.Add);

        time.Advance(TimeSpan.FromSeconds(11));
        Assert.True(health.Check());
        Assert.False(health.Check());
        health.OnEvent();
        Assert.False(health.IsStale);
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.True(health.Check());

        Assert.Equal(["stale", "stale"], rejects);
    }

    [Theory]
    [InlineData(0, 500, 1000)]
    [InlineData(1, 1000, 2000)]
    [InlineData(3, 4000, 8000)]
    [InlineData(10, 15000, 30000)]
    public void Delay_Attempt_IsBetweenHalfAndFullCappedCeiling(int attempt, double minMs, double maxMs)
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(1000), TimeSpan.FromSeconds(30), new Random(attempt));
        for (var i = 0; i < 50; i++)
        {
            Assert.InRange(backoff.Delay(attempt).TotalMilliseconds, minMs, maxMs);
        }
    }

    private static readonly DateTimeOffset BinanceSessionStart = new(2023, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// A live feed of BTC-USD and ETH-USD on a fake clock, connected to a server replaying a recorded exchange session, its
    /// events written to a channel; disposing stops the feed and the server.
    /// </summary>
    private sealed class FeedSession : IAsyncDisposable
    {
        private readonly Channel<MarketEvent> _channel = Channel.CreateUnbounded<MarketEvent>();
        private readonly CancellationTokenSource _stop = new();
        private Task _run = Task.CompletedTask;

        private FeedSession(RecordedFrameServer server, string exchange, DateTimeOffset start)
        {
            Server = server;
            Time = new FakeTimeProvider(start);
            var symbols = new SymbolRegistry();
            symbols.GetOrAdd("BTC-USD", AssetClass.Crypto);
            symbols.GetOrAdd("ETH-USD", AssetClass.Crypto);
            var endpoints = new LiveEndpoints(exchange, server.BaseUri, Options);
            var parser = endpoints.CreateParser(symbols, Time, Metrics.Reject);
            Feed = new LiveWebSocketFeed(endpoints.EndpointFor(parser), parser, Options, Time, new Random(1), _channel.Writer, Metrics.Reject, NullLogger.Instance);
        }

        public RecordedFrameServer Server { get; }

        public TradingMetrics Metrics { get; } = new(["BTC-USD", "ETH-USD"]);

        public FakeTimeProvider Time { get; }

        public LiveWebSocketFeed Feed { get; }

        /// <summary>Starts the recorded session's server (<c>binance_session.jsonl</c>, …) and the exchange's feed against it.</summary>
        public static async Task<FeedSession> StartAsync(string exchange, string recording, DateTimeOffset start)
        {
            var session = new FeedSession(await RecordedFrameServer.StartAsync(recording), exchange, start);
            session._run = session.Feed.RunAsync(session._stop.Token);
            return session;
        }

        /// <summary>Reads <paramref name="count"/> events; while none arrives, advances the fake clock so reconnect backoffs elapse.</summary>
        public async Task<List<MarketEvent>> ReadAsync(int count)
        {
            var events = new List<MarketEvent>();
            var waited = Stopwatch.StartNew();
            while (events.Count < count)
            {
                Assert.True(waited.Elapsed < TimeSpan.FromSeconds(15), $"only {events.Count} of {count} events arrived");
                if (_channel.Reader.TryRead(out var e))
                {
                    events.Add(e);
                    continue;
                }

                var ready = _channel.Reader.WaitToReadAsync().AsTask();
                if (await Task.WhenAny(ready, Task.Delay(20)) != ready)
                {
                    Time.Advance(TimeSpan.FromMilliseconds(500));
                }
            }

            return events;
        }

        public async Task StopAsync()
        {
            await _stop.CancelAsync();
            await _run.ContinueWith(_ => { }, TaskScheduler.Default);
        }

        public async ValueTask DisposeAsync()
        {
            await StopAsync();
            _stop.Dispose();
            await Server.DisposeAsync();
        }
    }
}

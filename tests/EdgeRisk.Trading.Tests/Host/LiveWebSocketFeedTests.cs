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
        await using var server = await RecordedFrameServer.StartAsync("coinbase_session.jsonl");
        var symbols = Symbols();
        var metrics = new TradingMetrics(["BTC-USD", "ETH-USD"]);
        var time = new FakeTimeProvider(new DateTimeOffset(2023, 2, 9, 20, 30, 0, TimeSpan.Zero));
        var channel = Channel.CreateUnbounded<MarketEvent>();
        var feed = new LiveWebSocketFeed(server.BaseUri, new CoinbaseFrameParser(symbols, metrics.Reject), Options, time, new Random(1),
            channel.Writer, metrics.Reject, NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        var run = feed.RunAsync(stop.Token);

        var events = await ReadAsync(channel.Reader, 7, time);
        await stop.CancelAsync();
        await run.ContinueWith(_ => { }, TaskScheduler.Default);

        Assert.Equal(2, feed.Connections);
        Assert.Equal(
            ["BTC-USD Trade 21921.73", "BTC-USD Trade 21921.74", "ETH-USD Quote 1543.21", "ETH-USD Trade 1543.30", "BTC-USD Trade 21925.00", "BTC-USD Trade 21926.50", "BTC-USD Quote 21926.50"],
            events.Select(e => $"{e.Symbol.Ticker} {e.Kind} {e.Price}"));
        Assert.Contains(server.Received, m => m.Contains("\"channel\":\"market_trades\"", StringComparison.Ordinal) && m.Contains("\"BTC-USD\"", StringComparison.Ordinal));
        Assert.Contains(server.Received, m => m.Contains("\"channel\":\"ticker\"", StringComparison.Ordinal));
        var text = await MetricsText.ExportAsync(metrics.Registry);
        Assert.Equal(1, MetricsText.Value(text, "feed_rejected_total{reason=\"gap\"}"));
        Assert.Equal(1, MetricsText.Value(text, "feed_rejected_total{reason=\"duplicate\"}"));
        Assert.Equal(2, MetricsText.Value(text, "feed_rejected_total{reason=\"bad_frame\"}"));
        Assert.Equal(1, MetricsText.Value(text, "feed_rejected_total{reason=\"non_numeric\"}"));
        Assert.Equal(1, MetricsText.Value(text, "feed_rejected_total{reason=\"unknown_symbol\"}"));
        Assert.Equal(1, MetricsText.Value(text, "feed_rejected_total{reason=\"non_positive_price\"}"));
    }

    [Fact]
    public async Task RunAsync_BinanceCombinedStream_ReconnectsAndCountsRejects()
    {
        await using var server = await RecordedFrameServer.StartAsync("binance_session.jsonl");
        var symbols = Symbols();
        var metrics = new TradingMetrics(["BTC-USD", "ETH-USD"]);
        var time = new FakeTimeProvider(new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var parser = new BinanceFrameParser(symbols, time, metrics.Reject);
        var channel = Channel.CreateUnbounded<MarketEvent>();
        var feed = new LiveWebSocketFeed(new Uri(server.BaseUri, parser.StreamPath), parser, Options, time, new Random(1),
            channel.Writer, metrics.Reject, NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        var run = feed.RunAsync(stop.Token);

        var events = await ReadAsync(channel.Reader, 6, time);
        await stop.CancelAsync();
        await run.ContinueWith(_ => { }, TaskScheduler.Default);

        Assert.Equal(2, feed.Connections);
        Assert.Equal("/stream?streams=btcusdt@trade/btcusdt@bookTicker/ethusdt@trade/ethusdt@bookTicker", server.Paths[0]);
        Assert.Equal(
            ["BTC-USD Trade 16541.12000000", "BTC-USD Quote 16541.11500000", "ETH-USD Trade 1196.50000000", "BTC-USD Trade 16541.50000000", "BTC-USD Trade 16542.00000000", "ETH-USD Quote 1196.50000000"],
            events.Select(e => $"{e.Symbol.Ticker} {e.Kind} {e.Price}"));
        Assert.Equal(new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMilliseconds(1672515782136 - 1672531200000), events[0].Time);
        var text = await MetricsText.ExportAsync(metrics.Registry);
        Assert.Equal(1, MetricsText.Value(text, "feed_rejected_total{reason=\"gap\"}"));
        Assert.Equal(1, MetricsText.Value(text, "feed_rejected_total{reason=\"duplicate\"}"));
        Assert.Equal(1, MetricsText.Value(text, "feed_rejected_total{reason=\"bad_frame\"}"));
        Assert.Equal(1, MetricsText.Value(text, "feed_rejected_total{reason=\"missing_field\"}"));
        Assert.Equal(1, MetricsText.Value(text, "feed_rejected_total{reason=\"unknown_symbol\"}"));
        Assert.Equal(1, MetricsText.Value(text, "feed_rejected_total{reason=\"non_positive_price\"}"));
    }

    [Fact]
    public async Task RunAsync_NoEventForStalePeriod_CountsStaleOnceAndMarksFeedStale()
    {
        await using var server = await RecordedFrameServer.StartAsync("binance_session.jsonl");
        var metrics = new TradingMetrics(["BTC-USD", "ETH-USD"]);
        var time = new FakeTimeProvider(new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var parser = new BinanceFrameParser(Symbols(), time, metrics.Reject);
        var channel = Channel.CreateUnbounded<MarketEvent>();
        var feed = new LiveWebSocketFeed(new Uri(server.BaseUri, parser.StreamPath), parser, Options, time, new Random(1),
            channel.Writer, metrics.Reject, NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        var run = feed.RunAsync(stop.Token);
        await ReadAsync(channel.Reader, 6, time);
        Assert.False(feed.Health.IsStale);
        var before = MetricsText.Value(await MetricsText.ExportAsync(metrics.Registry), "feed_rejected_total{reason=\"stale\"}");

        // The second connection stays open and silent: 10 s of (fake) time without an event.
        time.Advance(TimeSpan.FromSeconds(12.5));
        time.Advance(TimeSpan.FromSeconds(12.5));

        Assert.True(feed.Health.IsStale);
        Assert.Equal(before + 1, MetricsText.Value(await MetricsText.ExportAsync(metrics.Registry), "feed_rejected_total{reason=\"stale\"}"));
        await stop.CancelAsync();
        await run.ContinueWith(_ => { }, TaskScheduler.Default);
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

    private static SymbolRegistry Symbols()
    {
        var symbols = new SymbolRegistry();
        symbols.GetOrAdd("BTC-USD", AssetClass.Crypto);
        symbols.GetOrAdd("ETH-USD", AssetClass.Crypto);
        return symbols;
    }

    /// <summary>Reads <paramref name="count"/> events; while none arrives, advances the fake clock so reconnect backoffs elapse.</summary>
    private static async Task<List<MarketEvent>> ReadAsync(ChannelReader<MarketEvent> reader, int count, FakeTimeProvider time)
    {
        var events = new List<MarketEvent>();
        var waited = Stopwatch.StartNew();
        while (events.Count < count)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(15), $"only {events.Count} of {count} events arrived");
            if (reader.TryRead(out var e))
            {
                events.Add(e);
                continue;
            }

            var ready = reader.WaitToReadAsync().AsTask();
            if (await Task.WhenAny(ready, Task.Delay(20)) != ready)
            {
                time.Advance(TimeSpan.FromMilliseconds(500));
            }
        }

        return events;
    }
}

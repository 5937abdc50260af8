using System.Threading.Channels;
using EdgeRisk.Trading.Host.Replay;
using Microsoft.Extensions.Hosting;

namespace EdgeRisk.Trading.Host.Feeds.Live;

/// <summary>
/// The staging profile: paper-trades the live exchange feed on the wall clock. The feed runs on its own task and
/// hands events over a bounded channel; the engine loop beats the heartbeat once a second even when no event comes
/// and journals a position snapshot every <see cref="LiveOptions.SnapshotInterval"/>; it stops the host after --duration.
/// </summary>
public sealed class LiveTradingService(
    LiveOptions options,
    LiveEndpoints endpoints,
    SymbolRegistry symbols,
    RecoveredState recovered,
    TradingConfigSet config,
    TradingMetrics metrics,
    RedisJournal journal,
    HostState state,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILoggerFactory loggers) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = time.GetUtcNow();
        metrics.SetTradingStart(started);
        var channel = Channel.CreateBounded<MarketEvent>(new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        var parser = endpoints.CreateParser(symbols, time, metrics.Reject);
        var feed = new LiveWebSocketFeed(endpoints.EndpointFor(parser), parser, endpoints.Feed, time, new Random(), channel.Writer, metrics.Reject,
            loggers.CreateLogger<LiveWebSocketFeed>());
        state.AddFeed(feed.Health);
        var engine = EngineFactory.Create(config, recovered, new HostPipelineObserver(metrics, journal), time);
        var feedTask = feed.RunAsync(stoppingToken);
        var nextSnapshot = time.GetUtcNow() + options.SnapshotInterval;
        state.SetReady();
        using var beat = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        var beatTask = beat.WaitForNextTickAsync(stoppingToken).AsTask();
        var readTask = channel.Reader.WaitToReadAsync(stoppingToken).AsTask();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var done = await Task.WhenAny(readTask, beatTask);
                if (done == beatTask)
                {
                    await beatTask;
                    beatTask = beat.WaitForNextTickAsync(stoppingToken).AsTask();
                }
                else if (await readTask)
                {
                    while (channel.Reader.TryRead(out var e))
                    {
                        metrics.OnEvent(e.Symbol.Ticker, e.Time);
                        engine.OnEvent(e);
                    }

                    readTask = channel.Reader.WaitToReadAsync(stoppingToken).AsTask();
                }

                var now = time.GetUtcNow();
                state.Beat();
                metrics.Heartbeat(now);
                if (now >= nextSnapshot)
                {
                    journal.AppendSnapshot(new JournalSnapshot(now, engine.PaperLedger.Snapshot(), engine.LastOrderId));
                    journal.AppendSnapshot(new JournalSnapshot(now, engine.SimLedger.Snapshot(), engine.LastOrderId));
                    nextSnapshot = now + options.SnapshotInterval;
                }

                if (now - started >= options.Duration)
                {
                    lifetime.StopApplication();
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // host stopping
        }

        await feedTask.ContinueWith(static _ => { }, TaskScheduler.Default);
    }
}

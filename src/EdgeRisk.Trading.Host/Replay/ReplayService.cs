using Microsoft.Extensions.Hosting;

namespace EdgeRisk.Trading.Host.Replay;

/// <summary>
/// The local profile: replays the window's market data through the engine on the virtual clock, journals fills and
/// periodic snapshots, records metric snapshots, and stops the host at the end of the window. After a restart it
/// resumes with the first event after the newest journaled fill or snapshot (events up to that time are skipped, so
/// the models warm up again from there).
/// </summary>
public sealed class ReplayService(
    LiveOptions options,
    ReplayClock clock,
    RecoveredState recovered,
    IMarketFeed feed,
    SymbolRegistry symbols,
    TradingConfigSet config,
    TradingMetrics metrics,
    RedisJournal journal,
    HostState state,
    IHostApplicationLifetime lifetime,
    ILogger<ReplayService> logger) : BackgroundService
{
    // One delegate for the recorder's per-event refresh, not a new one per event.
    private readonly Action<DateTimeOffset> _heartbeat = metrics.Heartbeat;

    private static readonly TimeSpan MaxSlice = TimeSpan.FromMilliseconds(50);

    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Exit code for the process: 0 once the window is replayed.</summary>
    public int ExitCode { get; private set; } = 1;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var warmup = TimeProvider.System.GetTimestamp();
        long warmupEvents;
        try
        {
            warmupEvents = ReplayWarmup.Run(options, symbols, config);
        }
        catch (BadDataFileException e)
        {
            // The warm-up reads the whole window first, so a file that breaks off mid-way stops the run before the clock starts.
            logger.BadDataFile(BadFileWarnings.ErrorLine(e));
            ExitCode = 2;
            lifetime.StopApplication();
            return;
        }

        logger.WarmedUp(warmupEvents, TimeProvider.System.GetElapsedTime(warmup).TotalMilliseconds);
        var start = clock.GetUtcNow();
        clock.Start();
        var end = options.WindowEnd;
        var crashAt = options.CrashAt is { } offset ? start + offset : (DateTimeOffset?)null;
        metrics.SetTradingStart(start);
        var observer = new HostPipelineObserver(metrics, journal);
        var engine = EngineFactory.Create(config, recovered, observer, TimeProvider.System);
        await using var recorder = options.RecordMetricsFile is { } file ? new MetricsRecorder(metrics.Registry, file, options.RecordInterval, start) : null;
        logger.ReplayStarting(string.Join(",", symbols.All), start, end, options.IsMaxSpeed ? "max" : options.Speed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        state.Beat();
        metrics.Heartbeat(start);
        state.SetReady();

        try
        {
            await ReplayAsync(engine, start, end, crashAt, recorder, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // SIGTERM: still journal the final snapshot below
        }

        var finished = clock.GetUtcNow();
        Snapshot(engine, engine.LastEventTime == default ? finished : new DateTimeOffset(engine.LastEventTime, TimeSpan.Zero));
        var journaled = await DrainJournalAsync();
        logger.RunFinished(finished, engine.EventsProcessed, observer.Fills);
        ExitCode = stoppingToken.IsCancellationRequested || !journaled ? 1 : 0;
        lifetime.StopApplication();
    }

    private async Task ReplayAsync(TradingEngine engine, DateTimeOffset start, DateTimeOffset end, DateTimeOffset? crashAt, MetricsRecorder? recorder, CancellationToken stoppingToken)
    {
        var nextSnapshot = start + options.SnapshotInterval;
        while (!stoppingToken.IsCancellationRequested && feed.TryRead(out var e))
        {
            var at = new DateTimeOffset(e.Time, TimeSpan.Zero);
            if (recovered.ResumeAfter is { } resume && at <= resume)
            {
                continue;
            }

            if (at > end)
            {
                break;
            }

            await PaceAsync(at, recorder, stoppingToken);

            clock.AdvanceTo(at);
            if (crashAt is { } crash && at >= crash)
            {
                Crash(at);
            }

            if (recorder is not null)
            {
                // Snapshots due before this event see every event up to their time (all symbols' bars ending then).
                await recorder.RecordBeforeAsync(at, _heartbeat, stoppingToken);
            }

            metrics.OnEvent(e.Symbol.Ticker, e.Time);
            engine.OnEvent(e);
            state.Beat();
            metrics.Heartbeat(at);
            if (at >= nextSnapshot)
            {
                Snapshot(engine, at);
                nextSnapshot = at + options.SnapshotInterval;
            }
        }

        await IdleUntilAsync(end, recorder, stoppingToken);
    }

    /// <summary>
    /// Once the feed has no more events (market closed, data exhausted) the process keeps living until the end of the
    /// window: the clock keeps its pace, the heartbeat beats and metric snapshots keep being recorded.
    /// </summary>
    private async Task IdleUntilAsync(DateTimeOffset end, MetricsRecorder? recorder, CancellationToken stoppingToken)
    {
        var step = clock.IsPaced ? MaxSlice * options.Speed : options.RecordInterval;
        for (var now = clock.GetUtcNow(); !stoppingToken.IsCancellationRequested; now = clock.GetUtcNow())
        {
            var at = now + step < end ? now + step : end;
            await PaceAsync(at, recorder, stoppingToken);
            clock.AdvanceTo(at);
            state.Beat();
            metrics.Heartbeat(at);
            if (recorder is not null)
            {
                await recorder.RecordDueAsync(at, stoppingToken);
            }

            if (at >= end)
            {
                return;
            }
        }
    }

    /// <summary>At the end the backlog must reach Redis: retried for up to <see cref="DrainTimeout"/>, else the run fails.</summary>
    private async Task<bool> DrainJournalAsync()
    {
        var deadline = TimeProvider.System.GetTimestamp();
        while (!await journal.FlushAsync())
        {
            if (TimeProvider.System.GetElapsedTime(deadline) > DrainTimeout)
            {
                logger.JournalNotDrained(journal.Pending);
                return false;
            }

            await Task.Delay(JournalFlushService.Period);
        }

        return true;
    }

    /// <summary>
    /// Waits (paced mode) until the clock reaches the event, beating the heartbeat at least every <see cref="MaxSlice"/> of
    /// wall time and recording the snapshots that fall due meanwhile: a quiet feed (a closed market, a weekend) still
    /// records as time passes, instead of in one burst when its next event comes.
    /// </summary>
    private async Task PaceAsync(DateTimeOffset at, MetricsRecorder? recorder, CancellationToken stoppingToken)
    {
        for (var wait = clock.WallTimeUntil(at); wait > TimeSpan.FromMilliseconds(1); wait = clock.WallTimeUntil(at))
        {
            await Task.Delay(wait < MaxSlice ? wait : MaxSlice, stoppingToken);
            state.Beat();
            var now = clock.GetUtcNow();
            metrics.Heartbeat(now);
            if (recorder is not null && now < at)
            {
                // Boundaries up to now: every event before `at` is applied, so their state is final.
                await recorder.RecordBeforeAsync(now.AddTicks(1), _heartbeat, stoppingToken);
                metrics.Heartbeat(now);
            }
        }
    }

    private void Snapshot(TradingEngine engine, DateTimeOffset at)
    {
        journal.AppendSnapshot(new JournalSnapshot(at, engine.PaperLedger.Snapshot(), engine.LastOrderId));
        journal.AppendSnapshot(new JournalSnapshot(at, engine.SimLedger.Snapshot(), engine.LastOrderId));
    }

    private void Crash(DateTimeOffset at)
    {
        logger.CrashInjected(at);
        // A hard crash as a supervisor sees it: no shutdown hooks, no final journal flush.
        Environment.FailFast("--crash-at reached (fault injection test hook)");
    }
}

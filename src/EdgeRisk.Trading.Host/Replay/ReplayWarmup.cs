using EdgeRisk.Trading.Ledger;
using Prometheus;

namespace EdgeRisk.Trading.Host.Replay;

/// <summary>
/// Before the virtual clock starts, the local profile plays its window once through a throwaway engine, metrics
/// registry and observer (no journal, nothing exported), then compacts the heap. The JIT, the thread pool and the GC
/// heap reach their working size before the first recorded sample, so a compressed run's memory series shows the
/// run — 48 virtual hours pass in about a minute of wall time, far less than a process needs to warm up — and not
/// the process warming up. A long-running live process gets the same by running for hours.
/// </summary>
public static class ReplayWarmup
{
    /// <summary>Runs the warm-up pass; returns the number of events played.</summary>
    public static long Run(LiveOptions options, SymbolRegistry symbols, TradingConfigSet config)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(symbols);
        var metrics = new TradingMetrics(options.Symbols);
        long events;
        using (var feed = ReplayWindowPlan.For(options).Open(options.DataDirectory, symbols, metrics))
        {
            var initialCash = config.Trading.Engine.InitialCashUsd;
            var flat = new RecoveredState(
                new BookLedger(Book.Paper, initialCash),
                new BookLedger(Book.Sim, initialCash),
                ResumeAfter: null,
                FillsReplayed: 0,
                LastOrderId: 0);
            var engine = EngineFactory.Create(config, flat, new HostPipelineObserver(metrics, journal: null), TimeProvider.System);
            events = engine.Run(feed);
        }

        using (var buffer = new MemoryStream())
        {
            metrics.Registry.CollectAndExportAsTextAsync(buffer).GetAwaiter().GetResult();
        }

        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return events;
    }
}

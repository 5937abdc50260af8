using EdgeRisk.Trading.Ledger;
using EdgeRisk.Trading.Routing;
using Prometheus;

namespace EdgeRisk.Trading.Host.Metrics;

/// <summary>
/// The process's metric registry with exactly the names of the metric contract. It observes the pipeline and the
/// feeds; process metrics are set here too: <c>process_start_time_seconds</c> is the real (wall-clock) start of the OS
/// process, <c>edgerisk_start_time_seconds</c> the start on the trading clock (virtual in a replay, equal to the real start live).
/// </summary>
public sealed class TradingMetrics : IPipelineObserver, IFeedRejectionSink
{
    private static readonly string[] Books = [FillCsv.BookName(Book.Paper), FillCsv.BookName(Book.Sim)];
    private readonly Gauge _edge;
    private readonly Gauge _edgeMean;
    private readonly Gauge _edgeSigma;
    private readonly Counter _switches;
    private readonly Gauge _varPct;
    private readonly Gauge _pnl;
    private readonly Counter _orders;
    private readonly Counter _fills;
    private readonly Counter _rejected;
    private readonly Counter _badFiles;
    private readonly Gauge _lag;
    private readonly Gauge _lastEvent;
    private readonly Histogram _tickToDecision;
    private readonly Gauge _heartbeat;
    private readonly Gauge _virtualTime;
    private readonly Counter _journalFailures;
    private readonly Gauge _journalPending;
    private readonly Gauge _startTime;
    private readonly Gauge _tradingStartTime;
    private readonly Gauge _rss;
    private readonly Dictionary<string, DateTime> _newestEvent = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public TradingMetrics(IEnumerable<string> symbols, BuildInfo? build = null)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        build ??= BuildInfo.Current;
        Registry = Prometheus.Metrics.NewCustomRegistry();
        var factory = Prometheus.Metrics.WithCustomRegistry(Registry);
        _edge = factory.CreateGauge("edge_blended_bps", "Blended expected edge in bps.", "symbol");
        _edgeMean = factory.CreateGauge("edge_blended_mean_bps", "Historical mean of edge_blended_bps.", "symbol");
        _edgeSigma = factory.CreateGauge("edge_blended_sigma_bps", "Historical standard deviation of edge_blended_bps.", "symbol");
        _switches = factory.CreateCounter("model_switch_total", "Router switches between horizons.", "symbol", "from", "to");
        _varPct = factory.CreateGauge("var_pct", "Portfolio VaR as a percentage of the VaR limit.");
        _pnl = factory.CreateGauge("pnl_usd", "Cumulative PnL since start, USD.", "symbol", "book");
        _orders = factory.CreateCounter("orders_total", "Orders sent.", "symbol", "book");
        _fills = factory.CreateCounter("fills_total", "Fills received.", "symbol", "book");
        _rejected = factory.CreateCounter("feed_rejected_total", "Rejected feed events.", "reason");
        _badFiles = factory.CreateCounter("feed_bad_files_total", "Data files skipped as unreadable (--skip-bad-files).", "reason");
        _lag = factory.CreateGauge("feed_lag_seconds", "Process clock minus the time of the newest event of the symbol.", "symbol");
        _lastEvent = factory.CreateGauge("feed_last_event_timestamp_seconds", "Time of the newest event of the symbol.", "symbol");
        _tickToDecision = factory.CreateHistogram("tick_to_decision_seconds", "Latency from event arrival to decision.",
            labelNames: [], new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.000_001, 4, 12) });
        _heartbeat = factory.CreateGauge("edgerisk_heartbeat_timestamp_seconds", "Last loop heartbeat on the process clock.");
        _virtualTime = factory.CreateGauge("edgerisk_virtual_time_seconds", "The process clock (virtual in replay, wall in live).");
        _journalFailures = factory.CreateCounter("journal_write_failures_total", "Failed Redis journal writes.");
        _journalPending = factory.CreateGauge("journal_pending_writes", "Journal entries kept in memory awaiting Redis catch-up.");
        _startTime = factory.CreateGauge("process_start_time_seconds", "Start time of the process since unix epoch in seconds.");
        _tradingStartTime = factory.CreateGauge("edgerisk_start_time_seconds",
            "Start of the trading process on its trading clock (virtual in a replay, equal to the real start live), unix seconds.");
        _rss = factory.CreateGauge("process_resident_memory_bytes", "Resident memory size in bytes.");
        Registry.AddBeforeCollectCallback(() => _rss.Set(Environment.WorkingSet));
        factory.CreateGauge("edgerisk_build_info", "Always 1: the version and commit the process was built from and the hash of its configuration.", "version", "commit", "config_hash")
            .WithLabels(build.Version, build.Commit, build.ConfigHash).Set(1);

        foreach (var reason in RejectReasonLabel.All)
        {
            _rejected.WithLabels(reason);
        }

        foreach (var reason in BadFileLabel.All)
        {
            _badFiles.WithLabels(reason);
        }

        foreach (var symbol in symbols)
        {
            // Zero-valued series from the start, so rate()/increase() in rules see the first switch and fill.
            _switches.WithLabels(symbol, "short", "long");
            _switches.WithLabels(symbol, "long", "short");
            foreach (var book in Books)
            {
                // pnl_usd is 0 until the first fill, so its coverage spans the whole window.
                _pnl.WithLabels(symbol, book).Set(0);
                _orders.WithLabels(symbol, book);
                _fills.WithLabels(symbol, book);
            }
        }
    }

    public CollectorRegistry Registry { get; }

    /// <summary>The real (wall-clock) start of the OS process: <c>process_start_time_seconds</c>.</summary>
    public void SetProcessStart(DateTimeOffset realStart) => _startTime.Set(realStart.ToUnixTimeMilliseconds() / 1000d);

    /// <summary>The start on the trading clock (virtual in a replay): <c>edgerisk_start_time_seconds</c>, what restarts are judged on.</summary>
    public void SetTradingStart(DateTimeOffset start) => _tradingStartTime.Set(start.ToUnixTimeMilliseconds() / 1000d);

    public void SetEdgeBand(string symbol, double meanBps, double sigmaBps)
    {
        _edgeMean.WithLabels(symbol).Set(meanBps);
        _edgeSigma.WithLabels(symbol).Set(sigmaBps);
    }

    /// <summary>
    /// A loop heartbeat at <paramref name="now"/>: refreshes the heartbeat, the clock and every symbol's lag. An equity's
    /// lag is exported only in its regular session and counts from the session open at the earliest, so a closed
    /// market does not read as a stale feed.
    /// </summary>
    public void Heartbeat(DateTimeOffset now)
    {
        var seconds = now.ToUnixTimeMilliseconds() / 1000d;
        _heartbeat.Set(seconds);
        _virtualTime.Set(seconds);
        lock (_gate)
        {
            foreach (var (symbol, newest) in _newestEvent)
            {
                var since = newest;
                if (SymbolRegistry.InferAssetClass(symbol) == AssetClass.Equity)
                {
                    if (EquitySession.OpenOf(now) is not { } open)
                    {
                        _lag.RemoveLabelled(symbol);
                        continue;
                    }

                    since = open > newest ? open : newest;
                }

                _lag.WithLabels(symbol).Set(Math.Max(0d, (now.UtcDateTime - since).TotalSeconds));
            }
        }
    }

    /// <summary>An accepted market event of <paramref name="symbol"/> whose (end) time is <paramref name="time"/>.</summary>
    public void OnEvent(string symbol, DateTime time)
    {
        lock (_gate)
        {
            if (_newestEvent.TryGetValue(symbol, out var newest) && newest >= time)
            {
                return;
            }

            _newestEvent[symbol] = time;
        }

        _lastEvent.WithLabels(symbol).Set(new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)).ToUnixTimeMilliseconds() / 1000d);
    }

    public void Reject(string reasonLabel) => _rejected.WithLabels(reasonLabel).Inc();

    public void OnRejected(FeedRejectReason reason, string source, long line) => Reject(RejectReasonLabel.Of(reason));

    public void OnBadFile(BadDataFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        _badFiles.WithLabels(BadFileLabel.Of(file.Reason)).Inc();
    }

    public void OnJournalWriteFailed() => _journalFailures.Inc();

    public void SetJournalPending(int pending) => _journalPending.Set(pending);

    public void OnModelSwitch(Symbol symbol, HorizonRegime from, HorizonRegime to, DateTime time)
        => _switches.WithLabels(symbol.Ticker, RegimeLabel(from), RegimeLabel(to)).Inc();

    public void OnBlendedEdge(Symbol symbol, double edgeBps, DateTime time) => _edge.WithLabels(symbol.Ticker).Set(edgeBps);

    public void OnVarPct(double varPct, DateTime time) => _varPct.Set(varPct);

    public void OnOrder(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        _orders.WithLabels(order.Symbol.Ticker, FillCsv.BookName(order.Book)).Inc();
    }

    public void OnFill(Fill fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        _fills.WithLabels(fill.Symbol, FillCsv.BookName(fill.Book)).Inc();
    }

    public void OnPnl(Symbol symbol, Book book, decimal pnlUsd) => _pnl.WithLabels(symbol.Ticker, FillCsv.BookName(book)).Set((double)pnlUsd);

    public void OnDecisionLatency(TimeSpan latency) => _tickToDecision.Observe(latency.TotalSeconds);

    private static string RegimeLabel(HorizonRegime regime) => regime == HorizonRegime.Short ? "short" : "long";
}

namespace EdgeRisk.Trading.Tests.Core.Backtesting;

public sealed class BacktesterTests
{
    private static readonly RouterConfig Router = RouterConfigLoader.Load(Path.Combine(CoreTestData.ConfigDir, "router.json"));
    private static readonly TradingConfig Config = TradingConfigLoader.Load(Path.Combine(CoreTestData.ConfigDir, "strategy.json"));

    [Fact]
    public void Run_Default48hBtcEth_ProducesFillsAndConsistentResult()
    {
        var result = Backtester.Run(new BacktestOptions
        {
            DataRoot = CoreTestData.DataRoot,
            Strategy = PipelineFactory.CreateStrategy(Config, Router),
            Config = Config,
        });

        Assert.Equal(11510, result.EventsProcessed);
        Assert.Equal(0, result.RejectedRows);
        Assert.NotEmpty(result.PaperFills);
        Assert.NotEmpty(result.SimFills);
        Assert.True(result.PaperFeesUsd > 0m);
        Assert.Equal(0m, result.SimFeesUsd);
        Assert.Equal(CoreTestData.Utc(2017, 9, 3, 0, 1), result.FirstEventTime);
        Assert.Equal(CoreTestData.Utc(2017, 9, 5), result.LastEventTime);
        Assert.True(result.EventsPerSecond > 0d);
    }

    [Fact]
    public void Run_EmaCross_ProducesRoundTrips()
    {
        var result = Backtester.Run(new BacktestOptions { DataRoot = CoreTestData.DataRoot, Strategy = new EmaCrossStrategy() });

        Assert.Equal("ema-cross", result.Strategy);
        Assert.True(result.SimFills.Count >= 10);
        Assert.True(result.OrdersSubmitted >= result.SimFills.Count);
        Assert.Null(result.MaxVarUtilisation); // ema-cross has no VaR model: unknown, not 0
    }

    [Fact]
    public void Run_StrategyReportingVar_ResultCarriesPeakUtilisationAndConfiguredWarningLine()
    {
        var config = Config with { Risk = Config.Risk with { ScaleDownAt = 0.7 } };
        var observer = new RecordingObserver();
        var strategy = new VarReportingStrategy(CoreTestData.Utc(2017, 9, 3, 12, 0));

        var result = Backtester.Run(new BacktestOptions { DataRoot = CoreTestData.DataRoot, Strategy = strategy, Config = config, Observer = observer });

        // 10, 20, .., 60 % cycling, and 91.25 % once at 12:00: peak 0.9125.
        Assert.Equal(0.9125, result.MaxVarUtilisation!.Value, 12);
        Assert.Equal(0.9, result.VarWarningLine); // the VarHigh alert's line, whatever the config's scale-down line
        Assert.Equal(strategy.Reports, observer.VarPcts.Count);
        Assert.True(strategy.Reports > 1000);
    }

    [Fact]
    public void Run_FeedGapDays_RunsThroughTheGap()
    {
        var result = Backtester.Run(new BacktestOptions
        {
            DataRoot = CoreTestData.DataRoot,
            From = new DateOnly(2018, 4, 4),
            To = new DateOnly(2018, 4, 5),
            Strategy = PipelineFactory.CreateStrategy(Config, Router),
            Config = Config,
        });

        // Trades: 1007+1440 BTC, 1009+1440 ETH; quotes: 1437+1436 BTC, 1438+1438 ETH.
        Assert.Equal(10645, result.EventsProcessed);
    }

    [Fact]
    public void Compute_ShippedHistory_StatsOverFiveWindowsWrittenAtomically()
    {
        var stats = SimStatsCalculator.Compute(CoreTestData.DataRoot, Config, Router);
        var path = Path.Combine(Path.GetTempPath(), "edgerisk-core-tests", Guid.NewGuid().ToString("N"), "sim", "pnl_stats.json");

        SimStatsCalculator.WriteJson(stats, path);

        Assert.Equal(5, stats.Windows);
        Assert.Equal(5, stats.WindowPnls.Count);
        Assert.True(stats.PnlSigmaUsd >= 0m);
        Assert.True(stats.EdgeSamples > 0);
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        foreach (var key in new[] { "pnl_mean_usd", "pnl_sigma_usd", "windows", "edge_blended_mean_bps", "edge_blended_sigma_bps", "method" })
        {
            Assert.True(json.RootElement.TryGetProperty(key, out _), key);
        }

        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }
}

/// <summary>Reports a scripted VaR % on every trade bar (10..60 cycling) and a spike at one time; never trades.</summary>
internal sealed class VarReportingStrategy(DateTime spikeAt) : IStrategy
{
    public int Reports { get; private set; }

    public string Name => "var-scripted";

    public void OnEvent(in MarketEvent e, PortfolioTargets targets, IPipelineObserver observer)
    {
        if (e.Kind != MarketEventKind.Trade)
        {
            return;
        }

        observer.OnVarPct(e.Time == spikeAt ? 91.25 : 10d * ((Reports % 6) + 1), e.Time);
        Reports++;
    }
}

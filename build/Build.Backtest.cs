using System.Globalization;
using EdgeRisk.Evidence.Reporting;
using EdgeRisk.Nuke;
using EdgeRisk.Nuke.IO;
using EdgeRisk.Trading.Composition;
using EdgeRisk.Trading.Routing;

namespace EdgeRisk.Build;

// Backtests and the shadow simulator's PnL statistics (the pnl_drift gate's sigma), on the Release trading host (Build.Trading.cs).
partial class Build
{
    static readonly string[] BacktestStrategies = [.. TradingConfigLoader.Strategies];

    static readonly string[] BacktestSymbols = ["BTC-USD", "ETH-USD", "NVDA"];

    [Parameter("Backtest: first day replayed, inclusive (yyyy-MM-dd)")]
    public string From { get; set; } = "2017-09-03";

    [Parameter("Backtest: last day replayed, inclusive (yyyy-MM-dd)")]
    public string To { get; set; } = "2017-09-04";

    [Parameter("Backtest: comma-separated symbols (BTC-USD, ETH-USD, NVDA)")]
    public string Symbols { get; set; } = "BTC-USD,ETH-USD";

    [Parameter("Backtest strategy: dual-horizon or ema-cross (EMA 10/60 crossover)")]
    public string Strategy { get; set; } = "dual-horizon";

    [Parameter("Backtest, DryRun, LiveCrypto/LiveStocks: a data file that cannot be read is a warning and a count, not an error (edgerisk-trading --skip-bad-files)")]
    public bool SkipBadFiles { get; set; }

    [Parameter("Backtest, DryRun, LiveCrypto/LiveStocks: the folder with strategy.json and router.json the trading processes run (default: config/)")]
    public string Config { get; set; } = "config";

    AbsolutePath ConfigDirectory => RootDirectory / Config;

    /// <summary>The trading process's <c>--config DIR</c>.</summary>
    string[] ConfigArguments => ["--config", ConfigDirectory];

    /// <summary>The trading process's switch for <see cref="SkipBadFiles"/>: nothing, or <c>--skip-bad-files</c>.</summary>
    string[] SkipBadFilesArguments => SkipBadFiles ? ["--skip-bad-files"] : [];

    AbsolutePath BacktestDirectory => ArtifactsDirectory / "backtest" / Strategy;

    Target SimStats => _ => _
        .Description("The shadow simulator's PnL statistics over all shipped history (artifacts/sim/pnl_stats.json, the pnl_drift gate's sigma)")
        .DependsOn(CompileTrading)
        .Requires(() => Config, _ => TradingConfigProblem())
        .Inputs([.. TradingSources, "data/lean/**", $"{RootDirectory.GetUnixRelativePathTo(ConfigDirectory)}/*.json"])
        .Outputs("artifacts/sim/pnl_stats.json")
        .Executes(() => RunTrading(["sim-stats", "--data", "data/lean", "--out", PnlStats, .. ConfigArguments, .. SkipBadFilesArguments]));

    Target Backtest => _ => _
        .Description("One backtest (--from --to --symbols --strategy) with the Release edgerisk-trading: fills, ledgers, " +
            "statistics (result.json), equity.csv and equity.png in artifacts/backtest/<strategy>/; SimStats first")
        // CompileTrading, not the solution's Compile: a quant's inner loop (Backtest --force) skips the builds and
        // sim-stats when their inputs are unchanged. PublishTrading (Native AOT) is what the start-up benchmarks
        // measure; both give byte-identical statistics and ledgers.
        .DependsOn(CompileTrading, SimStats)
        .Requires(() => From, DayProblem)
        .Requires(() => To, ToProblem)
        .Requires(() => Symbols, SymbolsProblem)
        .Requires(() => Strategy, StrategyProblem)
        .Requires(() => Config, _ => TradingConfigProblem())
        .Requires(() => BacktestDataShipped())
        .Inputs([.. TradingSources, "data/lean/**", $"{RootDirectory.GetUnixRelativePathTo(ConfigDirectory)}/*.json"])
        .Outputs($"artifacts/backtest/{Strategy}")
        .Executes(() =>
        {
            RunTrading(["backtest", "--from", From, "--to", To, "--symbols", Symbols, "--strategy", Strategy,
                "--data", "data/lean", "--out", BacktestDirectory, .. ConfigArguments, .. SkipBadFilesArguments]);
            EquityPlotRenderer.SavePng(BacktestDirectory / "equity.csv", BacktestDirectory / "equity.png");
        });

    /// <summary>The trading core's own loader judges --config (folder, files, every key), so the rules exist once.</summary>
    string? TradingConfigProblem()
    {
        try
        {
            TradingConfigLoader.LoadDirectory(ConfigDirectory);
            return null;
        }
        catch (RouterConfigException e)
        {
            return e.Message;
        }
    }

    /// <summary>
    /// A Requires() check after the --from/--to/--symbols checks: crypto minute trades exist for every day of a valid
    /// range (NVDA is the synthetic tape; quotes may be missing).
    /// </summary>
    bool BacktestDataShipped()
    {
        if (DayProblem(From) is not null || ToProblem(To) is not null || SymbolsProblem(Symbols) is not null)
        {
            return true; // named by the parameter checks
        }

        var from = DateOnly.ParseExact(From, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = DateOnly.ParseExact(To, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var symbols = Symbols.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        // With --skip-bad-files a missing day is the trading process's warning instead.
        for (var day = from; day <= to && !SkipBadFiles; day = day.AddDays(1))
        {
            foreach (var symbol in symbols.Where(s => s.Contains('-', StringComparison.Ordinal)))
            {
                var file = RootDirectory / "data" / "lean" / "crypto" / "coinbase" / "minute" / symbol.Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant() / $"{day:yyyyMMdd}_trade.zip";
                if (!file.FileExists())
                {
                    throw new BuildConfigurationException($"--from {From} --to {To}: no minute trade data for {symbol} on {day:yyyy-MM-dd} ({RootDirectory.GetUnixRelativePathTo(file)}); pick shipped days from data/README.md, e.g. --from 2017-09-03 --to 2017-09-04.");
                }
            }
        }

        return true;
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using EdgeRisk.Trading.Statistics;

namespace EdgeRisk.Trading.Backtesting;

/// <summary>
/// <c>result.json</c> of a backtest, its one run description: the strategy and the configuration's hash (<c>config_hash</c>),
/// the run's counts and, per book, its fills, fees, end equity and
/// <see cref="BacktestStatistics"/> (<c>paper.statistics.sharpe</c>, <c>paper.statistics.maxDrawdown</c>, ...), and the strategy's
/// <see cref="RiskReport"/> (<c>risk.maxVarUtilisation</c>, <c>risk.varWarningLine</c>). The equity
/// curve is <see cref="EquityFile"/> beside it.
/// </summary>
public sealed record BacktestReport
{
    public required string Strategy { get; init; }

    /// <summary>The hash of the configuration (strategy.json + router.json) the run played, as in <c>pnl_stats.json</c> and <c>edgerisk_build_info{config_hash}</c>.</summary>
    [JsonPropertyName("config_hash")]
    public required string ConfigHash { get; init; }

    public required DateTime FirstEventTime { get; init; }

    public required DateTime LastEventTime { get; init; }

    public required int VirtualDays { get; init; }

    public required bool Synthetic { get; init; }

    public required long Events { get; init; }

    public required long RejectedRows { get; init; }

    public required long Orders { get; init; }

    public required decimal InitialCashUsd { get; init; }

    public string EquityFile { get; init; } = "equity.csv";

    public required BookReport Paper { get; init; }

    public required BookReport Sim { get; init; }

    /// <summary>The strategy's VaR over the run (one figure for both books, which trade the same decisions).</summary>
    public required RiskReport Risk { get; init; }

    /// <summary><c>result.json</c>'s text (indented, LF, final newline).</summary>
    public static string ToJson(BacktestResult result, string configHash)
        => JsonSerializer.Serialize(From(result, configHash), BacktestingJsonContext.Default.BacktestReport).ReplaceLineEndings("\n") + "\n";

    public static BacktestReport From(BacktestResult result, string configHash)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrWhiteSpace(configHash);
        return new BacktestReport
        {
            Strategy = result.Strategy,
            ConfigHash = configHash,
            FirstEventTime = result.FirstEventTime,
            LastEventTime = result.LastEventTime,
            VirtualDays = result.VirtualDays,
            Synthetic = result.Synthetic,
            Events = result.EventsProcessed,
            RejectedRows = result.RejectedRows,
            Orders = result.OrdersSubmitted,
            InitialCashUsd = result.InitialCashUsd,
            Paper = new BookReport(result.PaperFills.Count, result.PaperFeesUsd, result.PaperEndEquityUsd, result.PaperStatistics),
            Sim = new BookReport(result.SimFills.Count, result.SimFeesUsd, result.SimEndEquityUsd, result.SimStatistics),
            Risk = new RiskReport(result.MaxVarUtilisation, result.VarWarningLine),
        };
    }
}

/// <summary>One book's part of <see cref="BacktestReport"/>.</summary>
public sealed record BookReport(int Fills, decimal FeesUsd, decimal EndEquityUsd, BacktestStatistics Statistics);

/// <summary>
/// <c>risk</c> of <see cref="BacktestReport"/>: the peak VaR utilisation (max portfolio VaR / limit over the decisions; null
/// when the strategy reports no VaR) and the warning line it is judged against (<c>risk.scaleDownAt</c>).
/// </summary>
public sealed record RiskReport(double? MaxVarUtilisation, double VarWarningLine);

using EdgeRisk.Trading.Domain;
using EdgeRisk.Trading.Feeds;
using EdgeRisk.Trading.Ledger;
using EdgeRisk.Trading.Statistics;

namespace EdgeRisk.Trading.Backtesting;

/// <summary>Outcome of one backtest. Money is decimal; the timing split is wall time of this run.</summary>
public sealed record BacktestResult(
    string Strategy,
    long EventsProcessed,
    long RejectedRows,
    long OrdersSubmitted,
    IReadOnlyList<Fill> PaperFills,
    IReadOnlyList<Fill> SimFills,
    decimal PaperFeesUsd,
    decimal SimFeesUsd,
    decimal PaperEndEquityUsd,
    decimal SimEndEquityUsd,
    decimal InitialCashUsd,
    DateTime FirstEventTime,
    DateTime LastEventTime,
    TimeSpan StartupTime,
    TimeSpan LoopTime,
    TimeSpan ShutdownTime)
{
    public decimal PaperPnlUsd => PaperEndEquityUsd - InitialCashUsd;

    public decimal SimPnlUsd => SimEndEquityUsd - InitialCashUsd;

    /// <summary>Virtual days replayed (From..To, or the repeat count).</summary>
    public int VirtualDays { get; init; }

    /// <summary>True when the days were cycled and re-dated (<see cref="BacktestOptions.RepeatDays"/>): a SYNTHETIC tape.</summary>
    public bool Synthetic { get; init; }

    /// <summary>Rejected rows by reason, each with its count and first file:line; most frequent first.</summary>
    public IReadOnlyList<FeedRejectionCount> Rejections { get; init; } = [];

    /// <summary>Data files skipped as unreadable (<see cref="BacktestOptions.SkipBadFiles"/>), each once.</summary>
    public IReadOnlyList<BadDataFile> BadFiles { get; init; } = [];

    /// <summary>End state of the paper book (cash, positions, cost basis, realised PnL, fees, marks).</summary>
    public LedgerSnapshot? PaperLedger { get; init; }

    /// <summary>End state of the shadow-sim book.</summary>
    public LedgerSnapshot? SimLedger { get; init; }

    /// <summary>The interval the equity curves are sampled at and the statistics' returns are taken over.</summary>
    public ReturnInterval Interval { get; init; } = ReturnInterval.Hourly;

    /// <summary>The paper book's equity at the end of every <see cref="Interval"/> with events, starting before the first event.</summary>
    public IReadOnlyList<EquityPoint> PaperEquityCurve { get; init; } = [];

    /// <summary>The sim book's equity at the same times as <see cref="PaperEquityCurve"/>.</summary>
    public IReadOnlyList<EquityPoint> SimEquityCurve { get; init; } = [];

    /// <summary>
    /// Peak VaR utilisation of the strategy's decisions (both books trade them): max portfolio VaR / limit reported over the
    /// run (<see cref="VarUtilisationRecorder"/>); null when the strategy reported none (e.g. ema-cross has no VaR model).
    /// </summary>
    public double? MaxVarUtilisation { get; init; }

    /// <summary>The VaR warning line as a fraction of the limit (<see cref="Risk.VarWarningLine"/>: the VarHigh alert's line, 0.90).</summary>
    public double VarWarningLine { get; init; }

    /// <summary>Statistics of the paper book over <see cref="PaperEquityCurve"/> and its fills.</summary>
    public BacktestStatistics PaperStatistics => BacktestStatisticsCalculator.Compute(PaperEquityCurve, PaperFills, Interval);

    /// <summary>Statistics of the sim book over <see cref="SimEquityCurve"/> and its fills.</summary>
    public BacktestStatistics SimStatistics => BacktestStatisticsCalculator.Compute(SimEquityCurve, SimFills, Interval);

    public double EventsPerSecond => LoopTime > TimeSpan.Zero ? EventsProcessed / LoopTime.TotalSeconds : 0d;
}

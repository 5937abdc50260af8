using EdgeRisk.Trading.Domain;
using EdgeRisk.Trading.Feeds;
using EdgeRisk.Trading.Ledger;

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

    public double EventsPerSecond => LoopTime > TimeSpan.Zero ? EventsProcessed / LoopTime.TotalSeconds : 0d;
}

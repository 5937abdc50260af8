using EdgeRisk.Trading.Domain;

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

    public double EventsPerSecond => LoopTime > TimeSpan.Zero ? EventsProcessed / LoopTime.TotalSeconds : 0d;
}

namespace EdgeRisk.Trading.Statistics;

/// <summary>
/// Performance statistics of one book over a backtest (definitions: <see cref="BacktestStatisticsCalculator"/>). Money is
/// decimal, ratios double. A figure that is undefined for the run (too few returns, zero variance, no closed round
/// trip, no losing trip) is null — printed as <c>n/a</c> — never NaN or a made-up 0.
/// </summary>
public sealed record BacktestStatistics
{
    /// <summary>Return interval: <c>1h</c> or <c>1d</c> (<see cref="ReturnInterval"/>).</summary>
    public required string ReturnInterval { get; init; }

    /// <summary>Intervals per year the ratios are annualised with (√ of it): 8760 hourly, 252 daily.</summary>
    public required int PeriodsPerYear { get; init; }

    /// <summary>Number of interval returns (equity points − 1).</summary>
    public required int Returns { get; init; }

    public required decimal StartEquityUsd { get; init; }

    public required decimal EndEquityUsd { get; init; }

    /// <summary>End − start equity (after fees).</summary>
    public required decimal NetPnlUsd { get; init; }

    /// <summary>End equity / start equity − 1 (after fees).</summary>
    public double? NetReturn { get; init; }

    /// <summary>Mean / sample σ (n − 1) of the interval returns × √periods per year; risk-free rate 0.</summary>
    public double? Sharpe { get; init; }

    /// <summary>Mean of the interval returns / downside deviation √(Σ min(r, 0)² / n) (target 0, over all intervals) × √periods per year.</summary>
    public double? Sortino { get; init; }

    /// <summary>Deepest fall from a running peak of the equity curve, as a fraction of that peak (0.05 = 5 %).</summary>
    public double? MaxDrawdown { get; init; }

    /// <summary>That drawdown's duration: from its peak to the first point back at the peak, or to the end when not recovered.</summary>
    public TimeSpan? MaxDrawdownDuration { get; init; }

    /// <summary>Whether the equity got back to the peak of the maximum drawdown before the end.</summary>
    public bool? MaxDrawdownRecovered { get; init; }

    /// <summary>Closed round trips (<see cref="RoundTrip"/>).</summary>
    public required int RoundTrips { get; init; }

    /// <summary>Share of closed round trips with a positive PnL after fees.</summary>
    public double? WinRate { get; init; }

    /// <summary>Sum of winning round trips' PnL / |sum of losing round trips' PnL|; null without a losing trip.</summary>
    public double? ProfitFactor { get; init; }

    /// <summary>Σ |quantity × price| of every fill.</summary>
    public required decimal TradedNotionalUsd { get; init; }

    /// <summary>Traded notional / average equity of the curve points.</summary>
    public double? Turnover { get; init; }

    /// <summary>Fraction of the curve's time span during which the book held a non-zero position in any symbol.</summary>
    public double? Exposure { get; init; }
}

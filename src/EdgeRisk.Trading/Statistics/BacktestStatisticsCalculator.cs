using EdgeRisk.Trading.Domain;

namespace EdgeRisk.Trading.Statistics;

/// <summary>
/// Pure statistics over one book's equity curve (sampled at a <see cref="ReturnInterval"/>, see
/// <see cref="EquityCurveRecorder"/>) and its fills. Interval returns are simple returns rᵢ = Eᵢ / Eᵢ₋₁ − 1 between
/// consecutive curve points; Sharpe and Sortino need at least two returns.
/// </summary>
public static class BacktestStatisticsCalculator
{
    public static BacktestStatistics Compute(IReadOnlyList<EquityPoint> curve, IReadOnlyList<Fill> fills, ReturnInterval interval)
    {
        ArgumentNullException.ThrowIfNull(curve);
        ArgumentNullException.ThrowIfNull(fills);
        ArgumentNullException.ThrowIfNull(interval);
        var trips = RoundTrip.From(fills);
        var notional = 0m;
        foreach (var fill in fills)
        {
            notional += Math.Abs(fill.Quantity * fill.Price);
        }

        var statistics = new BacktestStatistics
        {
            ReturnInterval = interval.Name,
            PeriodsPerYear = interval.PeriodsPerYear,
            Returns = Math.Max(curve.Count - 1, 0),
            StartEquityUsd = curve.Count > 0 ? curve[0].EquityUsd : 0m,
            EndEquityUsd = curve.Count > 0 ? curve[^1].EquityUsd : 0m,
            NetPnlUsd = curve.Count > 0 ? curve[^1].EquityUsd - curve[0].EquityUsd : 0m,
            RoundTrips = trips.Count,
            WinRate = trips.Count > 0 ? trips.Count(t => t.PnlUsd > 0m) / (double)trips.Count : null,
            ProfitFactor = ProfitFactor(trips),
            TradedNotionalUsd = notional,
        };
        if (curve.Count < 2 || curve.Any(p => p.EquityUsd <= 0m))
        {
            return statistics; // no interval, or a return that is not defined: fail closed
        }

        var returns = new double[curve.Count - 1];
        for (var i = 1; i < curve.Count; i++)
        {
            returns[i - 1] = (double)((curve[i].EquityUsd / curve[i - 1].EquityUsd) - 1m);
        }

        var (drawdown, duration, recovered) = MaxDrawdown(curve);
        var averageEquity = curve.Sum(p => p.EquityUsd) / curve.Count;
        return statistics with
        {
            NetReturn = (double)((curve[^1].EquityUsd / curve[0].EquityUsd) - 1m),
            Sharpe = Sharpe(returns, interval.PeriodsPerYear),
            Sortino = Sortino(returns, interval.PeriodsPerYear),
            MaxDrawdown = drawdown,
            MaxDrawdownDuration = duration,
            MaxDrawdownRecovered = recovered,
            Turnover = (double)(notional / averageEquity),
            Exposure = Exposure(fills, curve[0].Time, curve[^1].Time),
        };
    }

    /// <summary>Drawdown of each point from the running peak so far, as a fraction of that peak (0 at a new peak).</summary>
    public static double[] Drawdowns(IReadOnlyList<EquityPoint> curve)
    {
        ArgumentNullException.ThrowIfNull(curve);
        var drawdowns = new double[curve.Count];
        var peak = 0m;
        for (var i = 0; i < curve.Count; i++)
        {
            peak = Math.Max(peak, curve[i].EquityUsd);
            drawdowns[i] = peak > 0m ? (double)(1m - (curve[i].EquityUsd / peak)) : 0d;
        }

        return drawdowns;
    }

    private static double? Sharpe(double[] returns, int periodsPerYear)
    {
        if (returns.Length < 2)
        {
            return null;
        }

        var mean = returns.Average();
        var variance = returns.Sum(r => (r - mean) * (r - mean)) / (returns.Length - 1);
        return variance > 0d ? mean / Math.Sqrt(variance) * Math.Sqrt(periodsPerYear) : null;
    }

    private static double? Sortino(double[] returns, int periodsPerYear)
    {
        if (returns.Length < 2)
        {
            return null;
        }

        var downside = returns.Sum(r => r < 0d ? r * r : 0d) / returns.Length;
        return downside > 0d ? returns.Average() / Math.Sqrt(downside) * Math.Sqrt(periodsPerYear) : null;
    }

    /// <summary>The deepest drawdown (the first of equal ones), its peak-to-recovery (or to-end) duration and whether it recovered.</summary>
    private static (double Depth, TimeSpan Duration, bool Recovered) MaxDrawdown(IReadOnlyList<EquityPoint> curve)
    {
        var peak = curve[0];
        var depth = 0m;
        var deepestPeak = curve[0];
        for (var i = 1; i < curve.Count; i++)
        {
            if (curve[i].EquityUsd >= peak.EquityUsd)
            {
                peak = curve[i];
                continue;
            }

            var fall = 1m - (curve[i].EquityUsd / peak.EquityUsd);
            if (fall > depth)
            {
                depth = fall;
                deepestPeak = peak;
            }
        }

        if (depth == 0m)
        {
            return (0d, TimeSpan.Zero, true);
        }

        foreach (var point in curve)
        {
            if (point.Time > deepestPeak.Time && point.EquityUsd >= deepestPeak.EquityUsd)
            {
                return ((double)depth, point.Time - deepestPeak.Time, true);
            }
        }

        return ((double)depth, curve[^1].Time - deepestPeak.Time, false);
    }

    private static double? ProfitFactor(IReadOnlyList<RoundTrip> trips)
    {
        var won = trips.Where(t => t.PnlUsd > 0m).Sum(t => t.PnlUsd);
        var lost = -trips.Where(t => t.PnlUsd < 0m).Sum(t => t.PnlUsd);
        return lost > 0m ? (double)(won / lost) : null;
    }

    /// <summary>Time within [start, end] during which any symbol's position (replayed from the fills, flat at start) is non-zero, over end − start.</summary>
    private static double? Exposure(IReadOnlyList<Fill> fills, DateTime start, DateTime end)
    {
        if (end <= start)
        {
            return null;
        }

        var positions = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var nonZero = 0;
        var exposed = TimeSpan.Zero;
        var since = start;
        foreach (var fill in fills)
        {
            var at = fill.Time < start ? start : fill.Time > end ? end : fill.Time;
            if (nonZero > 0)
            {
                exposed += at - since;
            }

            since = at;
            positions.TryGetValue(fill.Symbol, out var held);
            var now = held + (fill.Side == OrderSide.Buy ? fill.Quantity : -fill.Quantity);
            positions[fill.Symbol] = now;
            nonZero += (now != 0m ? 1 : 0) - (held != 0m ? 1 : 0);
        }

        if (nonZero > 0)
        {
            exposed += end - since;
        }

        return exposed / (end - start);
    }
}

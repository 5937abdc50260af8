using System.Globalization;
using EdgeRisk.Trading.Statistics;

namespace EdgeRisk.Trading.Backtesting;

/// <summary>The statistics block of a backtest's console output: one line per book; undefined figures read <c>n/a</c>.</summary>
public static class BacktestStatisticsText
{
    /// <summary>The block's four lines (the interval, paper, sim, then the strategy's peak VaR utilisation), joined by LF.</summary>
    public static string Block(BacktestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var paper = result.PaperStatistics;
        return string.Join('\n',
            string.Create(CultureInfo.InvariantCulture,
                $"statistics: {paper.Returns} returns of {paper.ReturnInterval}, Sharpe/Sortino annualised with sqrt({paper.PeriodsPerYear}), risk-free 0"),
            Line("paper", paper),
            Line("sim", result.SimStatistics),
            string.Create(CultureInfo.InvariantCulture,
                $"risk: peak VaR utilisation {Percent(result.MaxVarUtilisation)} of the limit, warning line {Percent(result.VarWarningLine)}"));
    }

    public static string Line(string book, BacktestStatistics s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var duration = s.MaxDrawdownDuration is { } d
            ? $" over {(int)d.TotalHours}h{d.Minutes:00}m{(s.MaxDrawdownRecovered == true ? "" : " (not recovered)")}"
            : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"{book} statistics: net return {Percent(s.NetReturn)}, Sharpe {Ratio(s.Sharpe)}, Sortino {Ratio(s.Sortino)}, max drawdown {Percent(s.MaxDrawdown)}{duration}, " +
            $"win rate {Percent(s.WinRate)} of {s.RoundTrips} round trips, profit factor {Ratio(s.ProfitFactor)}, turnover {Ratio(s.Turnover)}, exposure {Percent(s.Exposure)}");
    }

    private static string Percent(double? value) => value is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v * 100d:0.000} %") : "n/a";

    private static string Ratio(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";
}

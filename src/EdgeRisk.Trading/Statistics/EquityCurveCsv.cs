using System.Globalization;
using System.Text;

namespace EdgeRisk.Trading.Statistics;

/// <summary>
/// <c>equity.csv</c>: both books' equity curves at the return interval, with each point's drawdown from the running peak
/// as a fraction. Header <c>time,paper_equity_usd,paper_drawdown,sim_equity_usd,sim_drawdown</c>, invariant culture,
/// ISO-8601 UTC times, LF.
/// </summary>
public static class EquityCurveCsv
{
    public const string Header = "time,paper_equity_usd,paper_drawdown,sim_equity_usd,sim_drawdown";

    public static string ToCsv(IReadOnlyList<EquityPoint> paper, IReadOnlyList<EquityPoint> sim)
    {
        ArgumentNullException.ThrowIfNull(paper);
        ArgumentNullException.ThrowIfNull(sim);
        if (paper.Count != sim.Count)
        {
            throw new ArgumentException($"The paper curve has {paper.Count} points, the sim curve {sim.Count}; both are sampled at the same times.", nameof(sim));
        }

        var paperDrawdowns = BacktestStatisticsCalculator.Drawdowns(paper);
        var simDrawdowns = BacktestStatisticsCalculator.Drawdowns(sim);
        var text = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < paper.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{paper[i].Time:yyyy-MM-ddTHH:mm:ssZ},{paper[i].EquityUsd},{paperDrawdowns[i]:R},{sim[i].EquityUsd},{simDrawdowns[i]:R}\n");
        }

        return text.ToString();
    }
}

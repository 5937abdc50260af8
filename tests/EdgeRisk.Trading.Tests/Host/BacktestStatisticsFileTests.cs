namespace EdgeRisk.Trading.Tests.Host;

public sealed class BacktestStatisticsFileTests
{
    private static readonly string[] StatisticsNames =
        ["netReturn", "sharpe", "sortino", "maxDrawdown", "maxDrawdownDuration", "winRate", "profitFactor", "turnover", "exposure"];

    [Fact]
    public void Run_Shipped48h_ResultJsonStatisticsAgreeWithRecomputingFromEquityCsv()
    {
        using var dir = new TempDirectory();
        var text = RunShipped48h(dir);
        Assert.Contains("statistics: 48 returns of 1h, Sharpe/Sortino annualised with sqrt(8760), risk-free 0", text, StringComparison.Ordinal);
        Assert.Matches(@"paper statistics: net return -?[\d.]+ %, Sharpe -?[\d.]+, Sortino -?[\d.]+, max drawdown [\d.]+ % over \d+h\d\dm", text);
        Assert.Contains("sim statistics: ", text, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(dir.Combine("result.json")));
        Assert.Equal("equity.csv", json.RootElement.GetProperty("equityFile").GetString());
        var rows = File.ReadAllLines(dir.Combine("equity.csv"));
        Assert.Equal("time,paper_equity_usd,paper_drawdown,sim_equity_usd,sim_drawdown", rows[0]);
        // 2017-09-03 00:00 (start) .. 2017-09-05 00:00: 49 hourly points, 48 returns.
        Assert.Equal(1 + 49, rows.Length);
        Assert.StartsWith("2017-09-03T00:00:00Z,100000,0,", rows[1], StringComparison.Ordinal);
        Assert.StartsWith("2017-09-05T00:00:00Z,", rows[^1], StringComparison.Ordinal);
        foreach (var (book, column) in new[] { ("paper", 1), ("sim", 3) })
        {
            var bookJson = json.RootElement.GetProperty(book);
            var stats = bookJson.GetProperty("statistics");
            foreach (var name in StatisticsNames)
            {
                Assert.True(stats.TryGetProperty(name, out _), $"{book}.statistics.{name} missing");
            }

            var equity = rows.Skip(1).Select(r => decimal.Parse(r.Split(',')[column], CultureInfo.InvariantCulture)).ToArray();
            var drawdownColumn = rows.Skip(1).Select(r => double.Parse(r.Split(',')[column + 1], CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(bookJson.GetProperty("endEquityUsd").GetDecimal(), equity[^1]);
            Assert.True(bookJson.GetProperty("fills").GetInt32() > 0);

            // Recomputed here from the file alone: simple hourly returns, sample σ, × √8760; drawdown from the running peak.
            var returns = equity.Zip(equity.Skip(1), (a, b) => (double)((b / a) - 1m)).ToArray();
            var mean = returns.Average();
            var sigma = Math.Sqrt(returns.Sum(r => (r - mean) * (r - mean)) / (returns.Length - 1));
            var downside = Math.Sqrt(returns.Sum(r => Math.Min(r, 0d) * Math.Min(r, 0d)) / returns.Length);
            var peak = 0m;
            var drawdowns = equity.Select(e => (double)(1m - (e / (peak = Math.Max(peak, e))))).ToArray();
            Assert.Equal((double)((equity[^1] / equity[0]) - 1m), stats.GetProperty("netReturn").GetDouble(), 12);
            Assert.Equal(mean / sigma * Math.Sqrt(8760), stats.GetProperty("sharpe").GetDouble(), 6);
            Assert.Equal(mean / downside * Math.Sqrt(8760), stats.GetProperty("sortino").GetDouble(), 6);
            Assert.Equal(drawdowns.Max(), stats.GetProperty("maxDrawdown").GetDouble(), 12);
            Assert.Equal(drawdowns, drawdownColumn, (a, b) => Math.Abs(a - b) < 1e-12);
            Assert.True(drawdowns.Max() > 0d, $"{book}: the shipped 48 h has a drawdown");
            Assert.Equal(48, stats.GetProperty("returns").GetInt32());
            Assert.Equal("1h", stats.GetProperty("returnInterval").GetString());
            Assert.InRange(stats.GetProperty("exposure").GetDouble(), 0.01, 1d);
            Assert.True(stats.GetProperty("turnover").GetDouble() > 0d);
        }
    }

    [Fact]
    public void Run_Shipped48h_ResultJsonCarriesPeakVarUtilisationAndWarningLine()
    {
        using var dir = new TempDirectory();
        var text = RunShipped48h(dir);

        using var json = JsonDocument.Parse(File.ReadAllText(dir.Combine("result.json")));
        var risk = json.RootElement.GetProperty("risk");
        var peak = risk.GetProperty("maxVarUtilisation").GetDouble();
        Assert.True(peak is > 0d and < 2d, $"risk.maxVarUtilisation {peak} outside (0, 2)");
        Assert.Equal(0.9, risk.GetProperty("varWarningLine").GetDouble()); // the VarHigh alert's line, var_pct 90
        Assert.Matches(@"risk: peak VaR utilisation [\d.]+ % of the limit, warning line 90\.000 %", text);
    }

    /// <summary>The shipped config's 48 h dual-horizon backtest into <paramref name="dir"/>; its console output.</summary>
    private static string RunShipped48h(TempDirectory dir)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var command = new BacktestCommand(new DateOnly(2017, 9, 3), new DateOnly(2017, 9, 4), ["BTC-USD", "ETH-USD"], "dual-horizon", TradingProcess.DataDirectory, dir.Path)
        {
            ConfigDirectory = TradingProcess.ConfigDirectory,
        };

        Assert.Equal(0, BacktestApp.Run(command, output, error));
        return output.ToString();
    }
}

namespace EdgeRisk.Trading.Tests.Core.Statistics;

public sealed class BacktestStatisticsCalculatorTests
{
    private static readonly DateTime T0 = CoreTestData.Utc(2017, 9, 3);

    [Fact]
    public void Compute_ThreeHourlyReturns_NetReturnSharpeSortinoAndDrawdownMatchHandComputed()
    {
        // Equity 100 → 110 → 99 → 108.9: returns +0.1, −0.1, +0.1.
        var curve = Curve(100m, 110m, 99m, 108.9m);

        var s = BacktestStatisticsCalculator.Compute(curve, [], ReturnInterval.Hourly);

        // Net return 108.9 / 100 − 1 = 0.089.
        Assert.Equal(0.089, s.NetReturn!.Value, 12);
        Assert.Equal(8.9m, s.NetPnlUsd);
        Assert.Equal(3, s.Returns);
        // Mean 0.1/3 = 1/30. Deviations 2/30, −4/30, 2/30; squares sum 24/900; sample variance (n−1 = 2) 12/900 = 1/75.
        // Per-interval Sharpe (1/30)/√(1/75) = √75/30 = 0.288675; annualised × √(24·365) = × √8760 = 27.0185.
        Assert.Equal(Math.Sqrt(75) / 30 * Math.Sqrt(8760), s.Sharpe!.Value, 9);
        Assert.Equal(27.0185, s.Sharpe.Value, 4);
        // Downside deviation, target 0 over all 3 intervals: √((0 + 0.01 + 0) / 3) = √(1/300).
        // Sortino (1/30)/√(1/300) = √300/30 = 1/√3 = 0.57735; × √8760 = 54.037.
        Assert.Equal(1 / Math.Sqrt(3) * Math.Sqrt(8760), s.Sortino!.Value, 9);
        // Peak 110 at 01:00, trough 99: (110 − 99)/110 = 0.1; 108.9 < 110, not recovered: 01:00 → end 03:00 = 2 h.
        Assert.Equal(0.1, s.MaxDrawdown!.Value, 12);
        Assert.Equal(TimeSpan.FromHours(2), s.MaxDrawdownDuration);
        Assert.False(s.MaxDrawdownRecovered);
        Assert.Equal("1h", s.ReturnInterval);
        Assert.Equal(8760, s.PeriodsPerYear);
    }

    [Fact]
    public void Compute_DailyInterval_AnnualisedWithSqrt252()
    {
        // Same returns as above at 1 d: per-interval Sharpe √75/30, × √252 = 4.5826.
        var s = BacktestStatisticsCalculator.Compute(Curve(100m, 110m, 99m, 108.9m), [], ReturnInterval.Daily);

        Assert.Equal(Math.Sqrt(75) / 30 * Math.Sqrt(252), s.Sharpe!.Value, 9);
        Assert.Equal(4.5826, s.Sharpe.Value, 3);
        Assert.Equal("1d", s.ReturnInterval);
        Assert.Equal(252, s.PeriodsPerYear);
    }

    [Fact]
    public void Compute_ShallowLongDrawdownThenDeepShortOne_MaxDrawdownIsTheDeepestWithItsOwnDuration()
    {
        // 100 (00:00), 90, 95, 100 (03:00, back at the peak: the 10 % fall lasted 3 h), 80 (20 % below the 03:00 peak),
        // 120 (05:00, recovered): max drawdown 0.2 from 03:00 to 05:00 = 2 h, not the longer 3 h of the shallower one.
        var s = BacktestStatisticsCalculator.Compute(Curve(100m, 90m, 95m, 100m, 80m, 120m), [], ReturnInterval.Hourly);

        Assert.Equal(0.2, s.MaxDrawdown!.Value, 12);
        Assert.Equal(TimeSpan.FromHours(2), s.MaxDrawdownDuration);
        Assert.True(s.MaxDrawdownRecovered);
        // Drawdown per point from the running peak: 0, 0.1, 0.05, 0, 0.2, 0.
        Assert.Equal([0d, 0.1, 0.05, 0d, 0.2, 0d], BacktestStatisticsCalculator.Drawdowns(Curve(100m, 90m, 95m, 100m, 80m, 120m)));
    }

    [Fact]
    public void Compute_ThreeClosedRoundTripsAndAnOpenOne_WinRateAndProfitFactorMatchHandComputed()
    {
        Fill[] fills =
        [
            // BTC: buy 1 @ 100 (fee 0.10), sell 1 @ 110 (fee 0.11): −100 − 0.10 + 110 − 0.11 = +9.79.
            Fill(1, "BTC-USD", OrderSide.Buy, 1m, 100m, 0.10m, 1),
            Fill(2, "BTC-USD", OrderSide.Sell, 1m, 110m, 0.11m, 2),
            // ETH: buy 2 @ 50 (0.10), sell 1 @ 45 (0.05), sell 1 @ 40 (0.04): −100 − 0.10 + 45 − 0.05 + 40 − 0.04 = −15.19.
            Fill(3, "ETH-USD", OrderSide.Buy, 2m, 50m, 0.10m, 2),
            Fill(4, "ETH-USD", OrderSide.Sell, 1m, 45m, 0.05m, 3),
            Fill(5, "ETH-USD", OrderSide.Sell, 1m, 40m, 0.04m, 3),
            // NVDA: buy 1 @ 20, sell 1 @ 25, no fees: +5.
            Fill(6, "NVDA", OrderSide.Buy, 1m, 20m, 0m, 3),
            Fill(7, "NVDA", OrderSide.Sell, 1m, 25m, 0m, 4),
            // BTC again: bought, never closed: not a round trip.
            Fill(8, "BTC-USD", OrderSide.Buy, 1m, 10m, 0m, 4),
        ];

        var s = BacktestStatisticsCalculator.Compute(Curve(1000m, 1000m, 1000m, 1000m, 1000m), fills, ReturnInterval.Hourly);

        Assert.Equal([9.79m, -15.19m, 5m], RoundTrip.From(fills).Select(t => t.PnlUsd));
        Assert.Equal(3, s.RoundTrips);
        // 2 winning trips of 3.
        Assert.Equal(2d / 3d, s.WinRate!.Value, 12);
        // (9.79 + 5) / |−15.19| = 14.79 / 15.19 = 0.97367.
        Assert.Equal(14.79 / 15.19, s.ProfitFactor!.Value, 12);
    }

    [Fact]
    public void From_SellThroughZero_ClosesTheTripAndOpensTheNextWithTheFeeSplitProRata()
    {
        Fill[] fills =
        [
            Fill(1, "BTC-USD", OrderSide.Buy, 1m, 100m, 0m, 1),
            // Sell 3 @ 110, fee 0.30: 1 of 3 closes (fee 0.10): 110 − 100 − 0.10 = 9.90; −2 opens at 110 with the other 0.20.
            Fill(2, "BTC-USD", OrderSide.Sell, 3m, 110m, 0.30m, 2),
            // Buy 2 @ 100, fee 0.20: 220 − 0.20 − 200 − 0.20 = 19.60.
            Fill(3, "BTC-USD", OrderSide.Buy, 2m, 100m, 0.20m, 3),
        ];

        var trips = RoundTrip.From(fills);

        Assert.Equal([9.90m, 19.60m], trips.Select(t => t.PnlUsd));
        Assert.Equal([At(1), At(2)], trips.Select(t => t.Opened));
        Assert.Equal([At(2), At(3)], trips.Select(t => t.Closed));
    }

    [Fact]
    public void Compute_PositionsOpenedAndClosed_ExposureAndTurnoverMatchHandComputed()
    {
        Fill[] fills =
        [
            // BTC held 01:00 → 02:30 (1.5 h), ETH from 03:00 to the end at 04:00 (1 h).
            Fill(1, "BTC-USD", OrderSide.Buy, 1m, 100m, 0m, 1),
            Fill(2, "BTC-USD", OrderSide.Sell, 1m, 110m, 0m, 2.5),
            Fill(3, "ETH-USD", OrderSide.Buy, 2m, 50m, 0m, 3),
        ];
        var curve = Curve(1000m, 1000m, 1010m, 1010m, 1010m);

        var s = BacktestStatisticsCalculator.Compute(curve, fills, ReturnInterval.Hourly);

        // Exposure (1.5 h + 1 h) / 4 h = 0.625.
        Assert.Equal(0.625, s.Exposure!.Value, 12);
        // Traded notional 100 + 110 + 100 = 310; average equity (1000 + 1000 + 1010 + 1010 + 1010) / 5 = 1006.
        Assert.Equal(310m, s.TradedNotionalUsd);
        Assert.Equal(310d / 1006d, s.Turnover!.Value, 12);
    }

    [Fact]
    public void Compute_NoTradesAndFlatEquity_UndefinedFiguresAreNullNotZero()
    {
        var s = BacktestStatisticsCalculator.Compute(Curve(1000m, 1000m, 1000m), [], ReturnInterval.Hourly);

        Assert.Equal(0, s.RoundTrips);
        Assert.Null(s.WinRate);
        Assert.Null(s.ProfitFactor);
        Assert.Null(s.Sharpe); // zero variance
        Assert.Null(s.Sortino); // no downside
        // Defined, and truly zero: nothing gained, nothing lost, nothing traded, never exposed.
        Assert.Equal(0d, s.NetReturn);
        Assert.Equal(0d, s.MaxDrawdown);
        Assert.Equal(TimeSpan.Zero, s.MaxDrawdownDuration);
        Assert.Equal(0d, s.Turnover);
        Assert.Equal(0d, s.Exposure);
    }

    [Fact]
    public void Compute_OnlyWinningTripsAndRisingEquity_ProfitFactorAndSortinoNull()
    {
        Fill[] fills = [Fill(1, "BTC-USD", OrderSide.Buy, 1m, 100m, 0m, 0), Fill(2, "BTC-USD", OrderSide.Sell, 1m, 110m, 0m, 2)];

        var s = BacktestStatisticsCalculator.Compute(Curve(100m, 104m, 110m), fills, ReturnInterval.Hourly);

        Assert.Equal(1d, s.WinRate);
        Assert.Null(s.ProfitFactor); // no losing trip: 10 / 0 is not a number
        Assert.Null(s.Sortino); // no interval below 0
        Assert.NotNull(s.Sharpe); // returns 0.04 and 0.0577 differ
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Compute_FewerThanTwoPoints_EveryCurveFigureNull(int points)
    {
        var s = BacktestStatisticsCalculator.Compute(Curve([.. Enumerable.Repeat(1000m, points)]), [], ReturnInterval.Hourly);

        Assert.Equal(0, s.Returns);
        Assert.Null(s.NetReturn);
        Assert.Null(s.Sharpe);
        Assert.Null(s.Sortino);
        Assert.Null(s.MaxDrawdown);
        Assert.Null(s.MaxDrawdownDuration);
        Assert.Null(s.Turnover);
        Assert.Null(s.Exposure);
    }

    [Fact]
    public void Compute_TwoPointsOneReturn_SharpeAndSortinoNull()
    {
        // One return has no sample σ.
        var s = BacktestStatisticsCalculator.Compute(Curve(100m, 90m), [], ReturnInterval.Hourly);

        Assert.Null(s.Sharpe);
        Assert.Null(s.Sortino);
        Assert.Equal(-0.1, s.NetReturn!.Value, 12);
        Assert.Equal(0.1, s.MaxDrawdown!.Value, 12);
    }

    [Fact]
    public void Line_UndefinedFigures_PrintedAsNotAvailable()
    {
        var s = BacktestStatisticsCalculator.Compute(Curve(1000m, 1000m, 1000m), [], ReturnInterval.Hourly);

        var line = BacktestStatisticsText.Line("paper", s);

        Assert.Equal("paper statistics: net return 0.000 %, Sharpe n/a, Sortino n/a, max drawdown 0.000 % over 0h00m, win rate n/a of 0 round trips, profit factor n/a, turnover 0.00, exposure 0.000 %", line);
        Assert.DoesNotContain("NaN", line, StringComparison.Ordinal);
    }

    /// <summary>Hourly points from <see cref="T0"/>.</summary>
    private static EquityPoint[] Curve(params decimal[] equity) => [.. equity.Select((e, i) => new EquityPoint(T0.AddHours(i), e))];

    private static DateTime At(double hours) => T0.AddHours(hours);

    private static Fill Fill(long sequence, string symbol, OrderSide side, decimal quantity, decimal price, decimal fee, double hours)
        => new(sequence, sequence, Book.Paper, symbol, side, quantity, price, fee, At(hours));
}

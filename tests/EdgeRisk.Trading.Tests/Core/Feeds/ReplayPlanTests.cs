using EdgeRisk.Trading.Domain;
using EdgeRisk.Trading.Feeds;

namespace EdgeRisk.Trading.Tests.Core.Feeds;

public sealed class ReplayPlanTests
{
    [Fact]
    public void Open_NonConsecutiveDays_RedatedBackToBack()
    {
        var plan = new ReplayPlan
        {
            SourceDays = [new DateOnly(2017, 12, 17), new DateOnly(2018, 4, 5)],
            VirtualStart = new DateOnly(2017, 12, 17),
            CryptoSymbols = ["BTC-USD"],
        };

        using var feed = plan.Open(CoreTestData.DataRoot, new SymbolRegistry());
        var trades = CoreTestData.Drain(feed).Where(e => e.Kind == MarketEventKind.Trade).ToList();

        Assert.Equal(2880, trades.Count);
        Assert.Equal(CoreTestData.Utc(2017, 12, 17, 0, 1), trades[0].Time);
        Assert.Equal(CoreTestData.Utc(2017, 12, 18, 0, 1), trades[1440].Time);
        Assert.Equal(CoreTestData.Utc(2017, 12, 19), trades[^1].Time);
        Assert.Equal(TimeSpan.FromHours(48), plan.Duration);
    }

    [Fact]
    public void Open_MissingTradeDay_FailsNamingTheFile()
    {
        var plan = new ReplayPlan { SourceDays = [new DateOnly(2017, 9, 5)], VirtualStart = new DateOnly(2017, 9, 5) };

        var ex = Assert.Throws<FileNotFoundException>(() => plan.Open(CoreTestData.DataRoot, new SymbolRegistry()));

        Assert.Contains("20170905_trade.zip", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_WithNvda_AddsSyntheticSessionOnTheWeekday()
    {
        using var feed = ReplayPlan.Default48hWithNvda.Open(CoreTestData.DataRoot, new SymbolRegistry());

        var nvda = CoreTestData.Drain(feed).Where(e => e.Symbol.Ticker == "NVDA").ToList();

        // 2017-09-03 is a Sunday; 2017-09-04 (Monday) gets one synthetic session (holidays are not modelled).
        Assert.Equal(390 * 2, nvda.Count);
        Assert.All(nvda, e => Assert.Equal(new DateTime(2017, 9, 4), e.Time.Date));
    }
}

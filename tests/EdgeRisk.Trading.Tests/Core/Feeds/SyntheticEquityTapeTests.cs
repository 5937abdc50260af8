namespace EdgeRisk.Trading.Tests.Core.Feeds;

public sealed class SyntheticEquityTapeTests
{
    private static readonly Symbol Nvda = new SymbolRegistry().GetOrAdd("NVDA", AssetClass.Equity);

    private static List<MarketEvent> Tape(int seed, DateOnly from, DateOnly to)
        => CoreTestData.Drain(new SyntheticEquityTape(Nvda, new SyntheticTapeOptions { Seed = seed, From = from, To = to }));

    [Fact]
    public void TryRead_OneWeek_OnlyRegularSessionOnWeekdays()
    {
        // 2024-03-04 (Mon) .. 2024-03-10 (Sun); the US switches to daylight time on 2024-03-10.
        var events = Tape(1, new DateOnly(2024, 3, 4), new DateOnly(2024, 3, 10));

        Assert.Equal(5 * 390 * 2, events.Count);
        foreach (var e in events)
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(e.Time, NewYork.TimeZone);
            Assert.InRange(local.TimeOfDay, new TimeSpan(9, 31, 0), new TimeSpan(16, 0, 0));
            Assert.False(local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        }
    }

    [Fact]
    public void TryRead_Session_UShapedVolume()
    {
        var trades = Tape(7, new DateOnly(2024, 3, 4), new DateOnly(2024, 3, 8)).Where(e => e.Kind == MarketEventKind.Trade).ToList();
        decimal Window(int fromMinute, int toMinute) => trades
            .Where(e => { var m = (int)(TimeZoneInfo.ConvertTimeFromUtc(e.Time, NewYork.TimeZone).TimeOfDay - new TimeSpan(9, 30, 0)).TotalMinutes; return m > fromMinute && m <= toMinute; })
            .Sum(e => e.Volume);

        var first30 = Window(0, 30);
        var midday30 = Window(180, 210);
        var last30 = Window(360, 390);

        Assert.True(first30 > midday30 * 1.5m, $"open {first30} vs midday {midday30}");
        Assert.True(last30 > midday30 * 1.5m, $"close {last30} vs midday {midday30}");
    }

    [Fact]
    public void TryRead_SameSeed_IdenticalTape_DifferentSeed_DifferentTape()
    {
        var a = Tape(42, new DateOnly(2024, 3, 4), new DateOnly(2024, 3, 5));
        var b = Tape(42, new DateOnly(2024, 3, 4), new DateOnly(2024, 3, 5));
        var c = Tape(43, new DateOnly(2024, 3, 4), new DateOnly(2024, 3, 5));

        Assert.Equal(a, b);
        Assert.NotEqual(a.Select(e => e.Close), c.Select(e => e.Close));
    }

    [Fact]
    public void TryRead_Bars_ValidTradesThenQuotesWithSpread()
    {
        var events = Tape(3, new DateOnly(2024, 3, 4), new DateOnly(2024, 3, 4));

        for (var i = 0; i < events.Count; i += 2)
        {
            var trade = events[i];
            var quote = events[i + 1];
            Assert.Equal((MarketEventKind.Trade, MarketEventKind.Quote), (trade.Kind, quote.Kind));
            Assert.Equal(trade.Time, quote.Time);
            Assert.True(trade.Low <= Math.Min(trade.Open, trade.Close) && trade.High >= Math.Max(trade.Open, trade.Close) && trade.Low > 0m);
            Assert.True(quote.Ask > quote.Bid && quote.Bid > 0m);
        }
    }
}

namespace EdgeRisk.Trading.Tests.Core.Feeds;

public sealed class MergedFeedTests
{
    [Fact]
    public void TryRead_SeveralFeeds_TimeOrderedWithTradesBeforeQuotesOnTies()
    {
        var symbols = new SymbolRegistry();
        var btc = symbols.GetOrAdd("BTC-USD", AssetClass.Crypto);
        var eth = symbols.GetOrAdd("ETH-USD", AssetClass.Crypto);
        var t1 = CoreTestData.Utc(2017, 9, 3, 0, 1);
        var t2 = t1.AddMinutes(1);
        var quotes = new ArrayFeed(new[] { CoreTestData.Quote(btc, t1, 1, 2), CoreTestData.Quote(btc, t2, 1, 2) });
        var ethTrades = new ArrayFeed(new[] { CoreTestData.Trade(eth, t2, 3) });
        var btcTrades = new ArrayFeed(new[] { CoreTestData.Trade(btc, t1, 1.5m), CoreTestData.Trade(btc, t2, 1.5m) });

        var merged = CoreTestData.Drain(new MergedFeed([quotes, ethTrades, btcTrades]));

        Assert.Equal(
            [(t1, MarketEventKind.Trade, "BTC-USD"), (t1, MarketEventKind.Quote, "BTC-USD"), (t2, MarketEventKind.Trade, "BTC-USD"), (t2, MarketEventKind.Trade, "ETH-USD"), (t2, MarketEventKind.Quote, "BTC-USD")],
            merged.Select(e => (e.Time, e.Kind, e.Symbol.Ticker)));
    }

    [Fact]
    public void Open_Default48hPlan_MergesAllRowsInTimeOrder()
    {
        var rejects = new FeedRejectionCounter();
        using var feed = ReplayPlan.Default48h.Open(CoreTestData.DataRoot, new SymbolRegistry(), rejects);

        var events = CoreTestData.Drain(feed);

        // BTC trades 1440+1440, quotes 1438+1438; ETH trades 1440+1440, quotes 1437+1437 (data/README.md).
        Assert.Equal(11510, events.Count);
        Assert.Equal(0, rejects.Total);
        for (var i = 1; i < events.Count; i++)
        {
            Assert.True(events[i].Time >= events[i - 1].Time);
        }

        Assert.Equal(CoreTestData.Utc(2017, 9, 3, 0, 1), events[0].Time);
        Assert.Equal(CoreTestData.Utc(2017, 9, 5), events[^1].Time);
    }
}

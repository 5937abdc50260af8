namespace EdgeRisk.Trading.Tests.Core.Feeds;

public sealed class CsvBarFeedTests
{
    private static (CsvBarFeed Feed, FeedRejectionCounter Rejects) Open(string csv)
    {
        var symbols = new SymbolRegistry();
        symbols.GetOrAdd("NVDA", AssetClass.Equity);
        symbols.GetOrAdd("BTC-USD", AssetClass.Crypto);
        var rejects = new FeedRejectionCounter();
        return (new CsvBarFeed(new StringReader(csv), "test.csv", symbols, rejects), rejects);
    }

    [Fact]
    public void TryRead_TradeCsv_ParsesEndTimesAndValues()
    {
        var (feed, rejects) = Open(CsvBarFeed.TradeHeader + "\n2024-05-01T13:31:00Z,NVDA,850.10,851,849.5,850.75,12000\n");

        var e = Assert.Single(CoreTestData.Drain(feed));

        Assert.Equal(CoreTestData.Utc(2024, 5, 1, 13, 31), e.Time);
        Assert.Equal(MarketEventKind.Trade, e.Kind);
        Assert.Equal(850.75m, e.Close);
        Assert.Equal(0, rejects.Total);
    }

    [Fact]
    public void TryRead_QuoteCsv_ParsesBidAsk()
    {
        var (feed, _) = Open(CsvBarFeed.QuoteHeader + "\n2024-05-01T13:31:00Z,NVDA,850.70,300,850.72,200\n");

        var e = Assert.Single(CoreTestData.Drain(feed));

        Assert.Equal((850.70m, 300m, 850.72m, 200m), (e.Bid, e.BidSize, e.Ask, e.AskSize));
    }

    [Theory]
    [InlineData("2024-05-01T13:32:00Z,AAPL,1,1,1,1,1", FeedRejectReason.UnknownSymbol)]
    [InlineData("2024-05-01T13:32:00Z,NVDA,1,1,1,1", FeedRejectReason.ColumnCount)]
    [InlineData("yesterday,NVDA,1,1,1,1,1", FeedRejectReason.BadTimestamp)]
    [InlineData("2024-05-01T13:32:00Z,NVDA,1,1,1,x,1", FeedRejectReason.NonNumeric)]
    [InlineData("2024-05-01T13:32:00Z,NVDA,1,1e30,1,1,1", FeedRejectReason.Overflow)]
    [InlineData("2024-05-01T13:32:00Z,NVDA,nan,1,1,1,1", FeedRejectReason.NotANumber)]
    [InlineData("2024-05-01T13:32:00Z,NVDA,1,1,1,0,1", FeedRejectReason.NonPositivePrice)]
    [InlineData("2024-05-01T13:30:00Z,NVDA,1,1,1,1,1", FeedRejectReason.OutOfOrderTimestamp)]
    [InlineData("2024-05-01T13:31:00Z,NVDA,1,1,1,1,1", FeedRejectReason.DuplicateTimestamp)]
    public void TryRead_BadRow_CountedAndSkipped(string row, FeedRejectReason reason)
    {
        var (feed, rejects) = Open(CsvBarFeed.TradeHeader + "\n2024-05-01T13:31:00Z,NVDA,2,2,2,2,1\n" + row + "\n2024-05-01T13:33:00Z,NVDA,3,3,3,3,1\n");

        var events = CoreTestData.Drain(feed);

        Assert.Equal([2m, 3m], events.Select(e => e.Close));
        Assert.Equal(1, rejects.Count(reason));
        Assert.Equal(1, rejects.Total);
    }

    [Fact]
    public void TryRead_UnknownHeader_ThrowsNamingTheFile()
    {
        var (feed, rejects) = Open("ts,ticker,px\n2024-05-01T13:31:00Z,NVDA,1\n");

        var ex = Assert.Throws<BadDataFileException>(() => CoreTestData.Drain(feed));

        Assert.Equal(BadFileReason.BadHeader, ex.File.Reason);
        Assert.StartsWith("test.csv: line 1 is not a header; expected " + CsvBarFeed.TradeHeader, ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, rejects.Total);
    }

    [Fact]
    public void TryRead_NoText_ThrowsEmptyNamingTheFile()
    {
        var (feed, _) = Open(string.Empty);

        var ex = Assert.Throws<BadDataFileException>(() => CoreTestData.Drain(feed));

        Assert.Equal(new BadDataFile("test.csv", BadFileReason.Empty, "empty file (no header)"), ex.File);
    }
}

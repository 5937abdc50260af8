namespace EdgeRisk.Trading.Tests.Core.Feeds;

public sealed class LeanBarFeedTests
{
    /// <summary>An extracted BTC-USD minute file of 2017-09-03 with the given rows, read with its rejections counted.</summary>
    private static LeanBarFeed OpenMinuteCsv(MarketEventKind kind, string rows, out FeedRejectionCounter rejects)
    {
        var path = CoreTestData.TempFile(kind == MarketEventKind.Trade ? "20170903_trade.csv" : "20170903_quote.csv", rows);
        var symbol = new SymbolRegistry().GetOrAdd("BTC-USD", AssetClass.Crypto);
        rejects = new FeedRejectionCounter();
        return new LeanBarFeed(path, symbol, new LeanFileOptions { Kind = kind, Date = new DateOnly(2017, 9, 3) }, rejects);
    }

    [Theory]
    [InlineData("daily/btcusd_quote.zip", 1332)]
    [InlineData("daily/btcusd_trade.zip", 1318)]
    [InlineData("minute/btcusd/20161007_trade.zip", 1419)]
    [InlineData("minute/btcusd/20161008_trade.zip", 1400)]
    [InlineData("minute/btcusd/20161009_trade.zip", 1397)]
    [InlineData("minute/btcusd/20170903_quote.zip", 1438)]
    [InlineData("minute/btcusd/20170903_trade.zip", 1440)]
    [InlineData("minute/btcusd/20170904_quote.zip", 1438)]
    [InlineData("minute/btcusd/20170904_trade.zip", 1440)]
    [InlineData("minute/btcusd/20171217_quote.zip", 1439)]
    [InlineData("minute/btcusd/20171217_trade.zip", 1440)]
    [InlineData("minute/btcusd/20180404_quote.zip", 1437)]
    [InlineData("minute/btcusd/20180404_trade.zip", 1007)]
    [InlineData("minute/btcusd/20180405_quote.zip", 1436)]
    [InlineData("minute/btcusd/20180405_trade.zip", 1440)]
    [InlineData("minute/btcusd/20180406_trade.zip", 1440)]
    [InlineData("minute/ethusd/20170903_quote.zip", 1437)]
    [InlineData("minute/ethusd/20170903_trade.zip", 1440)]
    [InlineData("minute/ethusd/20170904_quote.zip", 1437)]
    [InlineData("minute/ethusd/20170904_trade.zip", 1440)]
    [InlineData("minute/ethusd/20180404_quote.zip", 1438)]
    [InlineData("minute/ethusd/20180404_trade.zip", 1009)]
    [InlineData("minute/ethusd/20180405_quote.zip", 1438)]
    [InlineData("minute/ethusd/20180405_trade.zip", 1440)]
    [InlineData("second/btcusd/20161007_trade.zip", 4063)]
    [InlineData("second/btcusd/20161008_trade.zip", 3453)]
    [InlineData("second/btcusd/20161009_trade.zip", 4004)]
    public void TryRead_ShippedFile_RowCountEqualsReadmeTableWithNoRejects(string relative, int rows)
    {
        var path = CoreTestData.Lean(relative);
        var symbol = new SymbolRegistry().GetOrAdd(relative.Contains("eth", StringComparison.Ordinal) ? "ETH-USD" : "BTC-USD", AssetClass.Crypto);
        var rejects = new FeedRejectionCounter();
        using var feed = new LeanBarFeed(path, symbol, LeanBarFeed.InferOptions(path, AssetClass.Crypto), rejects);

        var events = CoreTestData.Drain(feed);

        Assert.Equal(rows, events.Count);
        Assert.Equal(0, rejects.Total);
    }

    [Fact]
    public void TryRead_MinuteTradeFile_TimesAreBarEndTimes()
    {
        var path = CoreTestData.Lean("minute/btcusd/20170903_trade.zip");
        var symbol = new SymbolRegistry().GetOrAdd("BTC-USD", AssetClass.Crypto);
        using var feed = new LeanBarFeed(path, symbol, LeanBarFeed.InferOptions(path, AssetClass.Crypto));

        var events = CoreTestData.Drain(feed);

        // The first row's ms column is 0 (bar open 00:00); its information is known at 00:01.
        Assert.Equal(CoreTestData.Utc(2017, 9, 3, 0, 1), events[0].Time);
        Assert.Equal(CoreTestData.Utc(2017, 9, 4, 0, 0), events[^1].Time);
        Assert.All(events, e => Assert.Equal(DateTimeKind.Utc, e.Time.Kind));
    }

    [Fact]
    public void TryRead_BinaryFloatNoise_ParsesExactDecimal()
    {
        using var feed = OpenMinuteCsv(MarketEventKind.Trade, "60000,6.1153319800000006,6.2,6.1,6.1153319800000006,1.5\n", out _);

        Assert.True(feed.TryRead(out var e));
        Assert.Equal(6.1153319800000006m, e.Close);
        Assert.Equal(CoreTestData.Utc(2017, 9, 3, 0, 2), e.Time);
    }

    [Theory]
    [InlineData("60000,1,1,1\n", FeedRejectReason.ColumnCount)]
    [InlineData("60000,1,1,1,1,1,1\n", FeedRejectReason.ColumnCount)]
    [InlineData("60000,abc,1,1,1,1\n", FeedRejectReason.NonNumeric)]
    [InlineData("60000,1.2.3,1,1,1,1\n", FeedRejectReason.NonNumeric)]
    [InlineData("60000,1e40,1,1,1,1\n", FeedRejectReason.Overflow)]
    [InlineData("60000,1,1,1,1,-99999999999999999999999999999\n", FeedRejectReason.Overflow)]
    [InlineData("notatime,1,1,1,1,1\n", FeedRejectReason.BadTimestamp)]
    [InlineData("86400000,1,1,1,1,1\n", FeedRejectReason.BadTimestamp)]
    [InlineData("60000,NaN,1,1,1,1\n", FeedRejectReason.NotANumber)]
    [InlineData("60000,1,1,1,-Infinity,1\n", FeedRejectReason.NotANumber)]
    [InlineData("60000,-1,1,1,1,1\n", FeedRejectReason.NonPositivePrice)]
    [InlineData("60000,0,1,1,1,1\n", FeedRejectReason.NonPositivePrice)]
    [InlineData("60000,1,1,1,1,-5\n", FeedRejectReason.NegativeVolume)]
    [InlineData("60000,1,1,2,1,5\n", FeedRejectReason.InconsistentBar)]
    [InlineData("0,9,9,9,9,1\n", FeedRejectReason.OutOfOrderTimestamp)]
    [InlineData("30000,9,9,9,9,1\n", FeedRejectReason.DuplicateTimestamp)]
    public void TryRead_BadTradeRow_CountedAndNeverEmitted(string badRow, FeedRejectReason reason)
    {
        using var feed = OpenMinuteCsv(MarketEventKind.Trade, "30000,10,10,10,10,1\n" + badRow + "120000,11,11,11,11,1\n", out var rejects);

        var events = CoreTestData.Drain(feed);

        Assert.Equal([10m, 11m], events.Select(e => e.Close));
        Assert.Equal(1, rejects.Count(reason));
        Assert.Equal(1, rejects.Total);
        Assert.Equal(2, rejects.Samples[0].Line);
    }

    [Fact]
    public void TryRead_CrossedQuote_Rejected()
    {
        using var feed = OpenMinuteCsv(MarketEventKind.Quote, "0,10,10,10,12,1,11,11,11,11,1\n60000,10,10,10,10,1,11,11,11,11,2\n", out var rejects);

        var events = CoreTestData.Drain(feed);

        var quote = Assert.Single(events);
        Assert.Equal((10m, 11m, 2m), (quote.Bid, quote.Ask, quote.AskSize));
        Assert.Equal(1, rejects.Count(FeedRejectReason.CrossedQuote));
    }

    [Fact]
    public void TryRead_TruncatedZip_ThrowsNamingTheFileInsteadOfEndingQuietly()
    {
        var original = File.ReadAllBytes(CoreTestData.Lean("minute/btcusd/20170903_trade.zip"));
        var path = CoreTestData.TempFile("20170903_trade.zip", string.Empty);
        File.WriteAllBytes(path, original.AsSpan(0, original.Length / 2).ToArray());
        var symbol = new SymbolRegistry().GetOrAdd("BTC-USD", AssetClass.Crypto);
        using var feed = new LeanBarFeed(path, symbol, LeanBarFeed.InferOptions(path, AssetClass.Crypto));

        var ex = Assert.Throws<BadDataFileException>(() => CoreTestData.Drain(feed));

        Assert.Equal(new BadDataFile(path, BadFileReason.Truncated, "zip archive is truncated (its central directory is missing)"), ex.File);
        Assert.False(feed.TryRead(out _));
    }

    [Fact]
    public void TryRead_RowCutOffMidway_RejectedAsColumnCount()
    {
        var path = CoreTestData.TempPath("20170903_trade.zip");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(zip.CreateEntry("20170903_btcusd_minute_trade.csv").Open());
            writer.Write("0,10,10,10,10,1\n60000,11,11");
        }

        var rejects = new FeedRejectionCounter();
        var symbol = new SymbolRegistry().GetOrAdd("BTC-USD", AssetClass.Crypto);
        using var feed = new LeanBarFeed(path, symbol, LeanBarFeed.InferOptions(path, AssetClass.Crypto), rejects);

        var events = CoreTestData.Drain(feed);

        Assert.Single(events);
        Assert.Equal(1, rejects.Count(FeedRejectReason.ColumnCount));
        Assert.Equal(new FeedRejection(FeedRejectReason.ColumnCount, path, 2), rejects.First(FeedRejectReason.ColumnCount));
    }

    [Fact]
    public void TryRead_EquityLeanFile_ScalesDeciCentsAndConvertsNewYorkTime()
    {
        // LEAN equity: prices ×10000, ms since midnight New York. 09:30 open → 13:31 UTC end in September (EDT).
        var path = CoreTestData.TempFile("20170905_trade.csv", "34200000,1650000,1651000,1649000,1650500,1200\n");
        var symbol = new SymbolRegistry().GetOrAdd("NVDA", AssetClass.Equity);
        using var feed = new LeanBarFeed(path, symbol, LeanBarFeed.InferOptions(path, AssetClass.Equity));

        Assert.True(feed.TryRead(out var e));
        Assert.Equal(165.05m, e.Close);
        Assert.Equal(1200m, e.Volume);
        Assert.Equal(CoreTestData.Utc(2017, 9, 5, 13, 31), e.Time);
    }

    [Fact]
    public void Constructor_MissingFile_ThrowsNamingThePath()
    {
        var symbol = new SymbolRegistry().GetOrAdd("BTC-USD", AssetClass.Crypto);

        var ex = Assert.Throws<FileNotFoundException>(() => new LeanBarFeed("data/lean/nope/20170903_trade.zip", symbol, new LeanFileOptions { Kind = MarketEventKind.Trade }));

        Assert.Equal("data/lean/nope/20170903_trade.zip: LEAN data file not found.", ex.Message);
    }

    [Fact]
    public void Run_FileWithBadRows_StrategyOnlySeesValidBars()
    {
        using var feed = OpenMinuteCsv(MarketEventKind.Trade, "0,10,10,10,10,1\n60000,NaN,1,1,1,1\n60000,-1,1,1,1,1\n0,9,9,9,9,1\n120000,11,11,11,11,1\n120000,12,12,12,12,1\ngarbage\n", out var rejects);
        var strategy = new ScriptedStrategy();
        var engine = new TradingEngine(strategy);

        engine.Run(feed);

        Assert.Equal([10m, 11m], strategy.Seen.Select(e => e.Close));
        Assert.Equal(5, rejects.Total);
    }
}

namespace EdgeRisk.Trading.Tests.Core.Feeds;

/// <summary>A replay of 2017-09-03 (BTC and ETH, trades and quotes) in which BTC's trade zip cannot be read.</summary>
public sealed class BadDataFileTests
{
    private static readonly DateOnly Day = new(2017, 9, 3);

    [Theory]
    [InlineData(BadFileKind.Empty, BadFileReason.Empty, "empty file (0 bytes)")]
    [InlineData(BadFileKind.NoEntry, BadFileReason.NoEntry, "zip archive has no entry; a LEAN data zip holds exactly one CSV")]
    [InlineData(BadFileKind.Truncated, BadFileReason.Truncated, "zip archive is truncated (its central directory is missing)")]
    [InlineData(BadFileKind.NotZip, BadFileReason.NotZip, "not a zip archive")]
    [InlineData(BadFileKind.TwoEntries, BadFileReason.MultipleEntries, "zip archive has 2 entries (20170903_btcusd_minute_trade.csv, extra_20170903_btcusd_minute_trade.csv); a LEAN data zip holds exactly one CSV")]
    public void Open_UnreadableTradeFile_ThrowsNamingTheFileBeforeAnyEventPlays(BadFileKind kind, BadFileReason reason, string detail)
    {
        using var root = new TempDirectory();
        var bad = BadDataFiles.DayWithBadBtcTrades(root.Path, kind);

        var ex = Assert.Throws<BadDataFileException>(() => OneDay().Open(root.Path, new SymbolRegistry()));

        Assert.Equal(new BadDataFile(bad, reason, detail), ex.File);
        Assert.Equal($"{bad}: {detail}", ex.Message);
    }

    [Fact]
    public void TryRead_TradeFileBreaksOffMidway_ThrowsNamingTheFileAndTheLastLineRead()
    {
        using var root = new TempDirectory();
        var bad = BadDataFiles.DayWithBadBtcTrades(root.Path, BadFileKind.BreaksOffMidway);
        using var feed = OneDay().Open(root.Path, new SymbolRegistry());
        var played = 0;

        var ex = Assert.Throws<BadDataFileException>(() =>
        {
            while (feed.TryRead(out _))
            {
                played++;
            }
        });

        Assert.Equal(bad, ex.File.Path);
        Assert.Equal(BadFileReason.Corrupt, ex.File.Reason);
        Assert.Matches(@"^zip data cannot be decompressed after line \d+$", ex.File.Detail);
        Assert.InRange(played, 100, BadDataFiles.DayEvents - 100);
    }

    [Fact]
    public void TryRead_TwoEntryZip_ThrowsInsteadOfReadingTheFirstEntry()
    {
        using var root = new TempDirectory();
        var bad = BadDataFiles.DayWithBadBtcTrades(root.Path, BadFileKind.TwoEntries);
        var symbol = new SymbolRegistry().GetOrAdd("BTC-USD", AssetClass.Crypto);
        using var feed = new LeanBarFeed(bad, symbol, LeanBarFeed.InferOptions(bad, AssetClass.Crypto));

        var ex = Assert.Throws<BadDataFileException>(() => feed.TryRead(out _));

        Assert.Equal(BadFileReason.MultipleEntries, ex.File.Reason);
        Assert.Equal(ex.File, DataFile.Check(bad));
    }

    [Theory]
    [InlineData(BadFileKind.Empty, BadFileReason.Empty)]
    [InlineData(BadFileKind.NoEntry, BadFileReason.NoEntry)]
    [InlineData(BadFileKind.Truncated, BadFileReason.Truncated)]
    [InlineData(BadFileKind.NotZip, BadFileReason.NotZip)]
    [InlineData(BadFileKind.TwoEntries, BadFileReason.MultipleEntries)]
    public void Open_SkipBadFiles_ReportsTheFileOnceAndPlaysEveryOtherFile(BadFileKind kind, BadFileReason reason)
    {
        using var root = new TempDirectory();
        var bad = BadDataFiles.DayWithBadBtcTrades(root.Path, kind);
        var sink = new BadFileLog();

        using var feed = (OneDay() with { SkipBadFiles = true }).Open(root.Path, new SymbolRegistry(), sink);
        var reportedAtOpen = sink.Files.Count;
        var events = CoreTestData.Drain(feed);

        Assert.Equal(1, reportedAtOpen);
        Assert.Equal(reason, Assert.Single(sink.Files).Reason);
        Assert.Equal(bad, sink.Files[0].Path);
        Assert.Equal(BadDataFiles.DayEvents - BadDataFiles.BtcTradeRows, events.Count);
        Assert.DoesNotContain(events, e => e.Symbol.Ticker == "BTC-USD" && e.Kind == MarketEventKind.Trade);
        Assert.Equal(0, sink.Rejections);
    }

    [Fact]
    public void Open_SkipBadFilesAndTradeFileBreaksOffMidway_PlaysTheRowsBeforeTheBreakThenReportsIt()
    {
        using var root = new TempDirectory();
        var bad = BadDataFiles.DayWithBadBtcTrades(root.Path, BadFileKind.BreaksOffMidway);
        var sink = new BadFileLog();

        using var feed = (OneDay() with { SkipBadFiles = true }).Open(root.Path, new SymbolRegistry(), sink);
        var events = CoreTestData.Drain(feed);

        var file = Assert.Single(sink.Files);
        Assert.Equal((bad, BadFileReason.Corrupt), (file.Path, file.Reason));
        var btcTrades = events.Count(e => e.Symbol.Ticker == "BTC-USD" && e.Kind == MarketEventKind.Trade);
        Assert.InRange(btcTrades, 100, BadDataFiles.BtcTradeRows - 100);
        Assert.Equal(BadDataFiles.DayEvents - BadDataFiles.BtcTradeRows + btcTrades, events.Count);
    }

    [Fact]
    public void Open_SkipBadFilesOnADayPlayedThreeTimes_FileCheckedAndReportedOnce()
    {
        using var root = new TempDirectory();
        var bad = BadDataFiles.DayWithBadBtcTrades(root.Path, BadFileKind.Empty);
        var sink = new BadFileLog();
        var plan = new ReplayPlan { SourceDays = [Day, Day, Day], VirtualStart = Day, SkipBadFiles = true };

        using var feed = plan.Open(root.Path, new SymbolRegistry(), sink);
        var events = CoreTestData.Drain(feed);

        Assert.Equal(bad, Assert.Single(sink.Files).Path);
        Assert.Equal(3 * (BadDataFiles.DayEvents - BadDataFiles.BtcTradeRows), events.Count);
    }

    [Fact]
    public void Open_SkipBadFilesAndMissingTradeDay_ReportsMissingAndPlaysTheOtherSymbol()
    {
        using var root = new TempDirectory();
        BadDataFiles.CopyDay(root.Path);
        var missing = BadDataFiles.BtcTrades(root.Path);
        File.Delete(missing);
        var sink = new BadFileLog();

        using var feed = (OneDay() with { SkipBadFiles = true }).Open(root.Path, new SymbolRegistry(), sink);
        var events = CoreTestData.Drain(feed);

        Assert.Equal(new BadDataFile(missing, BadFileReason.Missing, "no minute trade data for BTC-USD on 2017-09-03"), Assert.Single(sink.Files));
        Assert.Equal(BadDataFiles.DayEvents - BadDataFiles.BtcTradeRows, events.Count);
    }

    [Fact]
    public void Open_SkipBadFilesAndEmptyEquityCsv_ReportsItAndPlaysTheCrypto()
    {
        using var root = new TempDirectory();
        BadDataFiles.CopyDay(root.Path);
        var nvda = Path.Combine(root.Path, "nvda.csv");
        File.WriteAllText(nvda, string.Empty);
        var sink = new BadFileLog();
        var plan = OneDay() with { EquitySymbols = ["NVDA"], EquityFile = nvda };

        var strict = Assert.Throws<BadDataFileException>(() => plan.Open(root.Path, new SymbolRegistry()));
        using var feed = (plan with { SkipBadFiles = true }).Open(root.Path, new SymbolRegistry(), sink);
        var events = CoreTestData.Drain(feed);

        Assert.Equal(new BadDataFile(nvda, BadFileReason.Empty, "empty file (0 bytes)"), strict.File);
        Assert.Equal(strict.File, Assert.Single(sink.Files));
        Assert.Equal(BadDataFiles.DayEvents, events.Count);
    }

    private static ReplayPlan OneDay() => new() { SourceDays = [Day], VirtualStart = Day };

    private sealed class BadFileLog : IFeedRejectionSink
    {
        public List<BadDataFile> Files { get; } = [];

        public int Rejections { get; private set; }

        public void OnRejected(FeedRejectReason reason, string source, long line) => Rejections++;

        public void OnBadFile(BadDataFile file) => Files.Add(file);
    }
}

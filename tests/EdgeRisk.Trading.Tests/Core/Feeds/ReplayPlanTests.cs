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

    [Fact]
    public void Open_ThirtyDaysCycledWithNvda_SameEventsAsReadingEveryFileAgain()
    {
        var plan = new ReplayPlan
        {
            SourceDays = [.. Enumerable.Range(0, 30).Select(i => new DateOnly(2017, 9, 3 + (i % 2)))],
            EquitySymbols = ["NVDA"],
        };
        var rejects = new FeedRejectionCounter();

        using var feed = plan.Open(CoreTestData.DataRoot, new SymbolRegistry(), rejects);
        var events = CoreTestData.Drain(feed).ConvertAll(e => e.ToString());
        using var reference = OpenEveryFileAtOnce(plan, CoreTestData.DataRoot, new SymbolRegistry(), NullFeedRejectionSink.Instance);
        var expected = CoreTestData.Drain(reference).ConvertAll(e => e.ToString());

        // 15 × 11,510 crypto rows + 21 weekday sessions of SYNTHETIC NVDA (390 trades and 390 quotes each).
        Assert.Equal((15 * 11510) + (21 * 780), expected.Count);
        Assert.Equal(expected, events);
        Assert.Equal(0, rejects.Total);
    }

    [Fact]
    public void Open_CycledDaysWithBadRows_SameEventsAndRejectionsAsReadingEveryDayAgain()
    {
        using var root = new TempDirectory();
        WriteBadDays(root);
        var plan = new ReplayPlan
        {
            SourceDays = [new(2017, 9, 3), new(2017, 9, 4), new(2017, 9, 3), new(2017, 9, 3)],
            VirtualStart = new DateOnly(2017, 9, 3),
            SkipBadFiles = true,
        };

        var trace = new Trace();
        using (var feed = plan.Open(root.Path, new SymbolRegistry(), trace))
        {
            trace.Drain(feed);
        }

        var expected = new Trace();
        ReadEveryDayAgain(plan, root.Path, expected);
        var counter = new FeedRejectionCounter();
        using (var everyFileAtOnce = OpenEveryFileAtOnce(plan, root.Path, new SymbolRegistry(), counter))
        {
            CoreTestData.Drain(everyFileAtOnce);
        }

        // Each playing of 09-03: BTC trades garbage, NaN, duplicate, trailing row; BTC quotes one crossed; ETH trades break
        // off mid-way (a bad file, after the rows before the break). 09-04 once: one BTC row out of order.
        Assert.Equal((3 * 5) + 1, expected.Rejections);
        Assert.Equal(3, expected.Lines.Count(l => l.StartsWith("bad Corrupt ", StringComparison.Ordinal)));
        Assert.Equal(expected.Lines, trace.Lines);
        Assert.Equal(counter.Total, trace.Rejections);
        foreach (var reason in Enum.GetValues<FeedRejectReason>())
        {
            Assert.Equal(counter.Count(reason), trace.Lines.Count(l => l.StartsWith($"reject {reason} ", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void Open_LaterDayWithBadLeadingRows_NotReadBeforeTheReplayReachesIt()
    {
        using var root = new TempDirectory();
        WriteBadDays(root);
        var plan = new ReplayPlan { SourceDays = [new(2017, 9, 4), new(2017, 9, 3)], VirtualStart = new DateOnly(2017, 9, 4), SkipBadFiles = true };
        var rejects = new FeedRejectionCounter();

        using var feed = plan.Open(root.Path, new SymbolRegistry(), rejects);
        Assert.True(feed.TryRead(out var first));
        var beforeSecondDay = (rejects.Total, rejects.BadFiles.Count);
        CoreTestData.Drain(feed);

        // 09-03's leading garbage row, crossed first quote and the break in its ETH zip are only seen when its day is played.
        Assert.Equal(CoreTestData.Utc(2017, 9, 4, 0, 1), first.Time);
        Assert.Equal((0L, 0), beforeSecondDay);
        Assert.Equal(6, rejects.Total);
        Assert.Equal(BadFileReason.Corrupt, Assert.Single(rejects.BadFiles).Reason);
    }

    /// <summary>
    /// 09-03: BTC trades with bad rows before, between and after the valid ones, BTC quotes opening with a crossed
    /// quote, an ETH trade zip whose data breaks off mid-way. 09-04: BTC trades with one row out of order, plain ETH trades.
    /// No other quotes.
    /// </summary>
    private static void WriteBadDays(TempDirectory root)
    {
        WriteZip(root, "btcusd", "20170903_trade.zip", "garbage\n0,10,10,10,10,1\n60000,NaN,1,1,1,1\n60000,11,11,11,11,1\n60000,12,12,12,12,1\n120000,13,13,13,13,1\n-5\n");
        WriteZip(root, "btcusd", "20170903_quote.zip", "0,10,10,10,12,1,11,11,11,11,1\n60000,10,10,10,10,1,11,11,11,11,2\n120000,10,10,10,10,1,11,11,11,11,3\n");
        WriteZip(root, "btcusd", "20170904_trade.zip", "0,20,20,20,20,1\n120000,21,21,21,21,1\n60000,22,22,22,22,1\n180000,23,23,23,23,1\n");
        WriteZip(root, "ethusd", "20170904_trade.zip", "0,30,30,30,30,1\n60000,31,31,31,31,1\n");
        var eth = WriteZip(root, "ethusd", "20170903_trade.zip", string.Concat(Enumerable.Range(0, 1440).Select(m => $"{m * 60000},30,31,29,30.5,{m}\n")));
        BadDataFiles.Spoil(eth, BadFileKind.BreaksOffMidway);
    }

    private static string WriteZip(TempDirectory root, string ticker, string name, string csv)
    {
        var path = root.Combine("crypto", "coinbase", "minute", ticker, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using var writer = new StreamWriter(zip.CreateEntry(name.Replace(".zip", ".csv", StringComparison.Ordinal)).Open());
        writer.Write(csv);
        return path;
    }

    /// <summary>
    /// The plan as it was opened before days were read one at a time and repeated files parsed once: a reader per file
    /// and virtual day, all merged at once, then the equities.
    /// </summary>
    private static MergedFeed OpenEveryFileAtOnce(ReplayPlan plan, string root, SymbolRegistry symbols, IFeedRejectionSink sink)
    {
        var feeds = new List<IMarketFeed>();
        for (var i = 0; i < plan.SourceDays.Count; i++)
        {
            var source = plan.SourceDays[i];
            var offset = plan.VirtualStart.AddDays(i).ToDateTime(TimeOnly.MinValue) - source.ToDateTime(TimeOnly.MinValue);
            foreach (var ticker in plan.CryptoSymbols)
            {
                var symbol = symbols.GetOrAdd(ticker, AssetClass.Crypto);
                foreach (var kind in new[] { MarketEventKind.Trade, MarketEventKind.Quote })
                {
                    var path = LeanDataPaths.MinuteFile(root, symbol, source, kind);
                    if (File.Exists(path))
                    {
                        IMarketFeed feed = new LeanBarFeed(path, symbol, new LeanFileOptions { Kind = kind, Date = source }, sink);
                        feeds.Add(new RedatingFeed(plan.SkipBadFiles ? new SkippingFeed(feed, sink) : feed, offset));
                    }
                }
            }
        }

        foreach (var ticker in plan.EquitySymbols)
        {
            var options = new SyntheticTapeOptions { Seed = plan.SyntheticSeed, From = plan.VirtualStart, To = plan.VirtualStart.AddDays(plan.SourceDays.Count - 1) };
            feeds.Add(new SyntheticEquityTape(symbols.GetOrAdd(ticker, AssetClass.Equity), options));
        }

        return new MergedFeed(feeds);
    }

    /// <summary>Each virtual day's files read from disk again and merged, one day after another.</summary>
    private static void ReadEveryDayAgain(ReplayPlan plan, string root, Trace trace)
    {
        var symbols = new SymbolRegistry();
        for (var i = 0; i < plan.SourceDays.Count; i++)
        {
            var day = new ReplayPlan { SourceDays = [plan.SourceDays[i]], VirtualStart = plan.VirtualStart.AddDays(i), CryptoSymbols = plan.CryptoSymbols, SkipBadFiles = plan.SkipBadFiles };
            using var feed = OpenEveryFileAtOnce(day, root, symbols, trace);
            trace.Drain(feed);
        }
    }

    /// <summary>Events and rejections in the order a consumer of the feed sees them.</summary>
    private sealed class Trace : IFeedRejectionSink
    {
        public List<string> Lines { get; } = [];

        public int Rejections { get; private set; }

        public void OnRejected(FeedRejectReason reason, string source, long line)
        {
            Rejections++;
            Lines.Add($"reject {reason} {source}:{line}");
        }

        public void OnBadFile(BadDataFile file) => Lines.Add($"bad {file.Reason} {file}");

        public void Drain(IMarketFeed feed)
        {
            while (feed.TryRead(out var e))
            {
                Lines.Add(e.ToString());
            }
        }
    }

    /// <summary>A file read on its own in a replay that skips bad files: where it breaks off, it is reported and ends.</summary>
    private sealed class SkippingFeed(IMarketFeed inner, IFeedRejectionSink sink) : IMarketFeed
    {
        private bool _done;

        public bool TryRead(out MarketEvent e)
        {
            e = default;
            try
            {
                return !_done && inner.TryRead(out e);
            }
            catch (BadDataFileException bad)
            {
                _done = true;
                sink.OnBadFile(bad.File);
                return false;
            }
        }
    }
}

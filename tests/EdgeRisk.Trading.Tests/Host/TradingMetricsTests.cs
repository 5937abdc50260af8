namespace EdgeRisk.Trading.Tests.Host;

public sealed class TradingMetricsTests
{
    private static readonly Symbol Btc = new(0, "BTC-USD", AssetClass.Crypto);

    [Fact]
    public async Task Export_AfterPipelineSignals_HasEveryContractMetricName()
    {
        var metrics = new TradingMetrics(["BTC-USD"]);
        var time = new DateTime(2017, 9, 3, 0, 1, 0, DateTimeKind.Utc);
        metrics.SetTradingStart(new DateTimeOffset(time));
        metrics.SetProcessStart(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        metrics.OnBlendedEdge(Btc, 3.5, time);
        metrics.OnModelSwitch(Btc, HorizonRegime.Short, HorizonRegime.Long, time);
        metrics.OnVarPct(42, time);
        metrics.OnPnl(Btc, Book.Paper, 12.5m);
        metrics.OnDecisionLatency(TimeSpan.FromMicroseconds(20));
        metrics.OnEvent("BTC-USD", time);
        metrics.Heartbeat(new DateTimeOffset(time.AddSeconds(30)));

        var text = await MetricsText.ExportAsync(metrics.Registry);

        foreach (var name in MetricsText.ContractNames)
        {
            Assert.Contains("\n" + name, "\n" + text, StringComparison.Ordinal);
        }

        Assert.Equal(1, MetricsText.Value(text, "model_switch_total{symbol=\"BTC-USD\",from=\"short\",to=\"long\"}"));
        Assert.Equal(30, MetricsText.Value(text, "feed_lag_seconds{symbol=\"BTC-USD\"}"));
        Assert.Equal(1504396860, MetricsText.Value(text, "edgerisk_start_time_seconds"));
        Assert.Equal(1796115600, MetricsText.Value(text, "process_start_time_seconds"));
        Assert.Equal(12.5, MetricsText.Value(text, "pnl_usd{symbol=\"BTC-USD\",book=\"paper\"}"));
    }

    [Fact]
    public async Task Export_BuildInfo_IsOneLabelledWithVersionCommitAndUnknownConfigHash()
    {
        var metrics = new TradingMetrics(["BTC-USD"], new BuildInfo("0.4.0", "0123456789abcdef0123456789abcdef01234567"));

        var text = await MetricsText.ExportAsync(metrics.Registry);

        Assert.Equal(1, MetricsText.Value(text, "edgerisk_build_info{version=\"0.4.0\",commit=\"0123456789abcdef0123456789abcdef01234567\",config_hash=\"unknown\"}"));
    }

    [Fact]
    public void BuildInfoOf_HostAssembly_HasPlainVersionAndCommit()
    {
        var build = BuildInfo.Of(typeof(TradingMetrics).Assembly);

        Assert.Equal("0.4.0", build.Version);
        Assert.Matches("^([0-9a-f]{40}|unknown)$", build.Commit);
    }

    [Theory]
    [InlineData(FeedRejectReason.ColumnCount, "column_count")]
    [InlineData(FeedRejectReason.BadTimestamp, "bad_timestamp")]
    [InlineData(FeedRejectReason.NonNumeric, "non_numeric")]
    [InlineData(FeedRejectReason.Overflow, "overflow")]
    [InlineData(FeedRejectReason.NotANumber, "nan")]
    [InlineData(FeedRejectReason.NonPositivePrice, "non_positive_price")]
    [InlineData(FeedRejectReason.NegativeVolume, "negative_volume")]
    [InlineData(FeedRejectReason.InconsistentBar, "inconsistent_bar")]
    [InlineData(FeedRejectReason.CrossedQuote, "crossed_quote")]
    [InlineData(FeedRejectReason.OutOfOrderTimestamp, "out_of_order")]
    [InlineData(FeedRejectReason.DuplicateTimestamp, "duplicate")]
    [InlineData(FeedRejectReason.UnknownSymbol, "unknown_symbol")]
    public async Task OnRejected_CoreReason_CountsContractLabel(FeedRejectReason reason, string label)
    {
        var metrics = new TradingMetrics(["BTC-USD"]);

        metrics.OnRejected(reason, "file.zip", 3);

        MetricsText.AssertCountedOnceUnder(await MetricsText.ExportAsync(metrics.Registry), "feed_rejected_total", label, RejectReasonLabel.All);
    }

    [Fact]
    public void Of_EveryCoreReason_ItsOwnLabelInTheClosedSet()
    {
        var labels = Enum.GetValues<FeedRejectReason>().Select(RejectReasonLabel.Of).ToList();

        Assert.Equal(labels.Count, labels.Distinct(StringComparer.Ordinal).Count());
        Assert.All(labels, l => Assert.Contains(l, RejectReasonLabel.All));
        Assert.All(Enum.GetValues<BadFileReason>().Select(BadFileLabel.Of), l => Assert.Contains(l, BadFileLabel.All));
    }

    [Fact]
    public async Task OnRejected_LeanRowsWithNanOverflowNonNumericAndWrongColumns_CountsEachUnderItsOwnLabel()
    {
        var metrics = new TradingMetrics(["BTC-USD"]);
        var path = Core.CoreTestData.TempFile("20170903_trade.csv",
            "0,10,10,10,10,1\n60000,NaN,1,1,1,1\n120000,1e40,1,1,1,1\n180000,abc,1,1,1,1\n240000,1,1\nnotatime,1,1,1,1,1\n300000,1,1,1,-1,1\n360000,11,11,11,11,1\n");
        using var feed = new LeanBarFeed(path, Btc, new LeanFileOptions { Kind = MarketEventKind.Trade, Date = new DateOnly(2017, 9, 3) }, metrics);

        Assert.Equal(2, Core.CoreTestData.Drain(feed).Count);

        var text = await MetricsText.ExportAsync(metrics.Registry);
        MetricsText.AssertRejected(text, ("nan", 1), ("overflow", 1), ("non_numeric", 1), ("column_count", 1), ("bad_timestamp", 1), ("non_positive_price", 1));
    }

    [Theory]
    [InlineData(BadFileReason.Missing, "missing")]
    [InlineData(BadFileReason.Empty, "empty")]
    [InlineData(BadFileReason.NotZip, "not_zip")]
    [InlineData(BadFileReason.Truncated, "truncated")]
    [InlineData(BadFileReason.Corrupt, "corrupt")]
    [InlineData(BadFileReason.NoEntry, "no_entry")]
    [InlineData(BadFileReason.MultipleEntries, "multiple_entries")]
    [InlineData(BadFileReason.BadHeader, "bad_header")]
    public async Task OnBadFile_Reason_CountsFeedBadFilesTotalUnderItsLabel(BadFileReason reason, string label)
    {
        var metrics = new TradingMetrics(["BTC-USD"]);

        metrics.OnBadFile(new BadDataFile("data/lean/x/20170903_trade.zip", reason, "what is wrong"));

        MetricsText.AssertCountedOnceUnder(await MetricsText.ExportAsync(metrics.Registry), "feed_bad_files_total", label, BadFileLabel.All);
    }

    [Fact]
    public async Task Export_BeforeAnyEvent_HasEveryRejectReasonAndBookSeriesAtZero()
    {
        var metrics = new TradingMetrics(["BTC-USD", "ETH-USD"]);

        var text = await MetricsText.ExportAsync(metrics.Registry);

        foreach (var reason in RejectReasonLabel.All)
        {
            Assert.Equal(0, MetricsText.Value(text, $"feed_rejected_total{{reason=\"{reason}\"}}"));
        }

        foreach (var reason in BadFileLabel.All)
        {
            Assert.Equal(0, MetricsText.Value(text, $"feed_bad_files_total{{reason=\"{reason}\"}}"));
        }

        Assert.Equal(0, MetricsText.Value(text, "fills_total{symbol=\"ETH-USD\",book=\"sim\"}"));
    }

    [Fact]
    public async Task RecordDueAsync_AcrossThreeIntervals_WritesStampedSnapshots()
    {
        using var dir = new EdgeRisk.Testing.Services.TempDirectory();
        var metrics = new TradingMetrics(["BTC-USD"]);
        var start = new DateTimeOffset(2017, 9, 3, 0, 0, 0, TimeSpan.Zero);
        var path = dir.Combine("rec.prom");
        await using (var recorder = new MetricsRecorder(metrics.Registry, path, TimeSpan.FromSeconds(15), start))
        {
            metrics.OnVarPct(50, start.UtcDateTime);
            await recorder.RecordDueAsync(start.AddSeconds(31), CancellationToken.None);
        }

        var lines = await File.ReadAllLinesAsync(path);
        Assert.Equal(["# snapshot 1504396800", "# snapshot 1504396815", "# snapshot 1504396830"], lines.Where(l => l.StartsWith('#')));
        Assert.Contains("var_pct 50 1504396830000", lines);
        Assert.All(lines.Where(l => !l.StartsWith('#')), l => Assert.Matches(@"^[a-z_]+(\{[^}]*\})? \S+ \d{13}$", l));
    }

    [Fact]
    public async Task RecordBeforeAsync_TwoSymbolsBarsEndingAtBoundary_SnapshotSeesBothWithZeroLag()
    {
        using var dir = new EdgeRisk.Testing.Services.TempDirectory();
        var metrics = new TradingMetrics(["BTC-USD", "ETH-USD"]);
        var start = new DateTimeOffset(2017, 9, 3, 0, 0, 0, TimeSpan.Zero);
        var path = dir.Combine("rec.prom");
        var boundary = start.AddMinutes(1);
        await using (var recorder = new MetricsRecorder(metrics.Registry, path, TimeSpan.FromMinutes(1), boundary))
        {
            // Both bars end at the boundary and are replayed one after the other, as the merged feed does.
            foreach (var symbol in new[] { "BTC-USD", "ETH-USD" })
            {
                await recorder.RecordBeforeAsync(boundary, metrics.Heartbeat, CancellationToken.None);
                metrics.OnEvent(symbol, boundary.UtcDateTime);
                metrics.Heartbeat(boundary);
            }

            // The next event, 20 s later, is what makes the boundary's snapshot due.
            await recorder.RecordBeforeAsync(boundary.AddSeconds(20), metrics.Heartbeat, CancellationToken.None);
        }

        var lines = await File.ReadAllLinesAsync(path);
        Assert.Equal(["# snapshot 1504396860"], lines.Where(l => l.StartsWith('#')));
        Assert.Contains("feed_lag_seconds{symbol=\"BTC-USD\"} 0 1504396860000", lines);
        Assert.Contains("feed_lag_seconds{symbol=\"ETH-USD\"} 0 1504396860000", lines);
    }

    [Fact]
    public async Task RecordDueAsync_RestartBeforeLastSnapshot_ContinuesAfterIt()
    {
        using var dir = new EdgeRisk.Testing.Services.TempDirectory();
        var path = dir.Combine("rec.prom");
        var start = new DateTimeOffset(2017, 9, 3, 0, 0, 0, TimeSpan.Zero);
        await using (var first = new MetricsRecorder(new TradingMetrics([]).Registry, path, TimeSpan.FromSeconds(15), start))
        {
            await first.RecordDueAsync(start.AddSeconds(60), CancellationToken.None);
        }

        await using (var second = new MetricsRecorder(new TradingMetrics([]).Registry, path, TimeSpan.FromSeconds(15), start.AddSeconds(20)))
        {
            await second.RecordDueAsync(start.AddSeconds(90), CancellationToken.None);
        }

        var snapshots = File.ReadLines(path).Where(l => l.StartsWith("# snapshot ", StringComparison.Ordinal)).Select(l => long.Parse(l[11..])).ToArray();
        Assert.Equal([0L, 15, 30, 45, 60, 75, 90], snapshots.Select(t => t - start.ToUnixTimeSeconds()));
    }

    [Fact]
    public async Task Export_BeforeAnyFill_HasZeroPnlForEverySymbolAndBook()
    {
        var metrics = new TradingMetrics(["BTC-USD", "NVDA"]);

        var text = await MetricsText.ExportAsync(metrics.Registry);

        foreach (var symbol in new[] { "BTC-USD", "NVDA" })
        {
            Assert.Equal(0, MetricsText.Value(text, $"pnl_usd{{symbol=\"{symbol}\",book=\"paper\"}}"));
            Assert.Equal(0, MetricsText.Value(text, $"pnl_usd{{symbol=\"{symbol}\",book=\"sim\"}}"));
        }
    }

    [Fact]
    public async Task Heartbeat_EquityMarketClosed_ExportsNoLagForEquity()
    {
        var metrics = new TradingMetrics(["BTC-USD", "NVDA"]);
        var lastBar = new DateTime(2017, 9, 5, 20, 0, 0, DateTimeKind.Utc);
        metrics.OnEvent("NVDA", lastBar);
        metrics.OnEvent("BTC-USD", lastBar);
        metrics.Heartbeat(new DateTimeOffset(lastBar.AddMinutes(1)));

        metrics.Heartbeat(new DateTimeOffset(lastBar.AddHours(3)));

        var text = await MetricsText.ExportAsync(metrics.Registry);
        Assert.DoesNotContain("feed_lag_seconds{symbol=\"NVDA\"}", text, StringComparison.Ordinal);
        Assert.Equal(10800, MetricsText.Value(text, "feed_lag_seconds{symbol=\"BTC-USD\"}"));
    }

    [Fact]
    public async Task Heartbeat_EquitySessionJustOpened_CountsLagFromTheOpen()
    {
        var metrics = new TradingMetrics(["NVDA"]);
        metrics.OnEvent("NVDA", new DateTime(2017, 9, 5, 20, 0, 0, DateTimeKind.Utc));

        // 2017-09-06 09:30:45 in New York (EDT).
        metrics.Heartbeat(new DateTimeOffset(2017, 9, 6, 13, 30, 45, TimeSpan.Zero));

        var text = await MetricsText.ExportAsync(metrics.Registry);
        Assert.Equal(45, MetricsText.Value(text, "feed_lag_seconds{symbol=\"NVDA\"}"));
    }
}

using StackExchange.Redis;

namespace EdgeRisk.Trading.Tests.Host;

/// <summary>The real <c>edgerisk-trading</c> process against a real redis-server.</summary>
public sealed class TradingProcessTests
{
    [Theory]
    [InlineData("--speed", "0", "--speed must be in (0, 1000000]")]
    [InlineData("--duration", "-1h", "--duration must be in (0, 30d]")]
    [InlineData("--symbols", "DOGE-USD", "--symbols: unknown symbol 'DOGE-USD'")]
    public async Task Live_BadConfig_ExitsTwoWithOneLineError(string key, string value, string expected)
    {
        var (exitCode, output) = await TradingProcess.RunAsync(["live", key, value, "--data", TradingProcess.DataDirectory]);

        Assert.Equal(2, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("edgerisk-trading: " + expected, lines[0], StringComparison.Ordinal);
        Assert.Equal("run 'edgerisk-trading --help' for usage", lines[1]);
    }

    [Fact]
    public async Task Live_WindowWithoutData_ExitsTwoNamingTheWindow()
    {
        var (exitCode, output) = await TradingProcess.RunAsync(
            ["live", "--speed", "max", "--window", "2019-01-01", "--redis", $"127.0.0.1:{FreePort.Next()}", "--data", TradingProcess.DataDirectory]);

        Assert.Equal(2, exitCode);
        Assert.Contains("edgerisk-trading: --window 2019-01-01: ", output, StringComparison.Ordinal);
        Assert.Contains("no minute trade data for BTC-USD on 2019-01-01", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Live_BadDataFileInTheWindow_ExitsTwoNamingTheFileBeforeRedis()
    {
        using var data = new TempDirectory();
        var bad = BadDataFiles.DayWithBadBtcTrades(data.Path, BadFileKind.TwoEntries);

        var (exitCode, output) = await TradingProcess.RunAsync(
            ["live", "--speed", "max", "--duration", "24h", "--redis", $"127.0.0.1:{FreePort.Next()}", "--data", data.Path]);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"edgerisk-trading: {bad}: zip archive has 2 entries", line, StringComparison.Ordinal);
        Assert.EndsWith("or pass --skip-bad-files to play without it", line.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Live_SkipBadFiles_WarnsOnceNamingTheFileAndCountsFeedBadFilesTotal()
    {
        await using var redis = await RedisServer.StartAsync();
        using var data = new TempDirectory();
        using var dir = new TempDirectory();
        var bad = BadDataFiles.DayWithBadBtcTrades(data.Path, BadFileKind.Empty);
        var recording = dir.Combine("crypto.prom");

        var (exitCode, output) = await TradingProcess.RunAsync(
        [
            "live", "--profile", "local", "--speed", "max", "--duration", "24h", "--metrics-port", FreePort.Next().ToString(),
            "--redis", redis.Endpoint, "--data", data.Path, "--record-metrics", recording, "--record-interval", "15s", "--skip-bad-files",
        ]);

        Assert.True(exitCode == 0, output);
        var warning = Assert.Single(output.Split('\n'), l => l.Contains("warning:", StringComparison.Ordinal));
        Assert.Equal($"edgerisk-trading: warning: {bad}: empty file (0 bytes); skipped (--skip-bad-files)", warning.TrimEnd());
        var lines = File.ReadAllLines(recording);
        var lastSnapshot = lines.Skip(Array.FindLastIndex(lines, l => l.StartsWith("# snapshot ", StringComparison.Ordinal))).ToList();
        var badFiles = lastSnapshot.Where(l => l.StartsWith("feed_bad_files_total{", StringComparison.Ordinal)).ToList();
        Assert.Contains(badFiles, l => l.StartsWith("feed_bad_files_total{reason=\"empty\"} 1 ", StringComparison.Ordinal));
        Assert.Equal(1, badFiles.Sum(l => double.Parse(l.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Live_RedisUnreachable_ExitsNonZeroWithOneLineError()
    {
        var port = FreePort.Next();
        var (exitCode, output) = await TradingProcess.RunAsync(
            ["live", "--speed", "max", "--redis", $"127.0.0.1:{port}", "--metrics-port", FreePort.Next().ToString(), "--data", TradingProcess.DataDirectory]);

        Assert.Equal(1, exitCode);
        Assert.StartsWith($"edgerisk-trading: --redis 127.0.0.1:{port}: Redis is unreachable", output, StringComparison.Ordinal);
        Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Backtest_48HoursBtcEth_PrintsFillsEquityAndTiming()
    {
        var (exitCode, output) = await TradingProcess.RunAsync(
            ["backtest", "--from", "2017-09-03", "--to", "2017-09-04", "--symbols", "BTC-USD,ETH-USD", "--strategy", "dual-horizon", "--data", TradingProcess.DataDirectory]);

        Assert.Equal(0, exitCode);
        Assert.Contains("events 11510", output, StringComparison.Ordinal);
        Assert.Matches(@"paper: fills \d+, fees [\d.]+ USD, end equity [\d.]+ USD", output);
        Assert.Matches(@"timing: start-up [\d.]+ ms, loop [\d.]+ ms, shutdown [\d.]+ ms, \d+ events/s", output);
        Assert.Matches(@"peak RSS [\d.]+ MiB", output);
    }

    [Fact]
    public async Task Live_PacedReplay_ServesMetricsHealthAndReadiness()
    {
        await using var redis = await RedisServer.StartAsync();
        var port = FreePort.Next();
        var before = TimeProvider.System.GetUtcNow();
        await using var process = TradingProcess.Start(
        [
            "live", "--profile", "local", "--speed", "3600", "--duration", "2h", "--metrics-port", port.ToString(),
            "--redis", redis.Endpoint, "--data", TradingProcess.DataDirectory,
        ]);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(2) };
        await process.WaitUntilAsync(async () => (await http.GetAsync("readyz")).IsSuccessStatusCode, TimeSpan.FromSeconds(20), "/readyz 200");

        var health = await http.GetAsync("healthz");
        var metrics = await http.GetStringAsync("metrics");

        Assert.True(health.IsSuccessStatusCode, await health.Content.ReadAsStringAsync());
        foreach (var name in MetricsText.ContractNames)
        {
            // Declared from the start; series such as pnl_usd appear with the first position.
            Assert.Contains("# TYPE " + name.Replace("_bucket", string.Empty, StringComparison.Ordinal) + " ", metrics, StringComparison.Ordinal);
        }

        var virtualNow = MetricsText.Value(metrics, "edgerisk_virtual_time_seconds");
        Assert.InRange(virtualNow, 1504396800, 1504396800 + 7200);
        var after = TimeProvider.System.GetUtcNow();
        Assert.Equal(1504396800, MetricsText.Value(metrics, "edgerisk_start_time_seconds"));
        // The real start of the OS process, not the replay clock: between the readings around its start (1 s of slack
        // for the kernel's start-time granularity).
        Assert.InRange(MetricsText.Value(metrics, "process_start_time_seconds"), before.ToUnixTimeSeconds() - 1d, after.ToUnixTimeSeconds() + 1d);
        await TradingProcess.WaitForExitAsync(process, TimeSpan.FromSeconds(20));
        Assert.Equal(0, process.ExitCode);
    }

    [Fact]
    public async Task Live_MetricsPortZero_BindsAFreePortAndLogsIt()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var process = TradingProcess.Start(
        [
            "live", "--profile", "local", "--speed", "3600", "--duration", "2h", "--metrics-port", "0",
            "--redis", redis.Endpoint, "--data", TradingProcess.DataDirectory,
        ]);
        var bound = new System.Text.RegularExpressions.Regex(@"Metrics on http://127\.0\.0\.1:(\d+)/metrics");
        await process.WaitUntilAsync(() => Task.FromResult(bound.IsMatch(process.Output)), TimeSpan.FromSeconds(30), "the bound metrics port in the log");

        var match = bound.Match(process.Output);
        Assert.True(match.Success, process.Output);
        var port = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(port, 1, 65535);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(2) };
        await process.WaitUntilAsync(async () => (await http.GetAsync("readyz")).IsSuccessStatusCode, TimeSpan.FromSeconds(20), "/readyz 200 on the logged port");
        Assert.Contains("edgerisk_virtual_time_seconds", await http.GetStringAsync("metrics"), StringComparison.Ordinal);
        await TradingProcess.WaitForExitAsync(process, TimeSpan.FromSeconds(20));
        Assert.Equal(0, process.ExitCode);
    }

    [Fact]
    public async Task Live_PacedOverAQuietWeekend_RecordsAsTimePassesNotInABurstAtTheNextEvent()
    {
        await using var redis = await RedisServer.StartAsync();
        using var dir = new TempDirectory();
        var recording = dir.Combine("stocks.prom");
        var port = FreePort.Next();
        var start = new DateTimeOffset(2017, 9, 3, 0, 0, 0, TimeSpan.Zero);
        // Sunday 2017-09-03: the NVDA tape's first event is Monday 13:30Z (virtual hour 37.5), about 3.4 s of wall time away.
        var firstEvent = start.AddHours(37.5);
        var process = TradingProcess.Start(
        [
            "live", "--profile", "local", "--symbols", "NVDA", "--speed", "40000", "--duration", "40h", "--job", "edgerisk-stocks",
            "--metrics-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--redis", redis.Endpoint,
            "--data", TradingProcess.DataDirectory, "--record-metrics", recording, "--record-interval", "15s",
        ]);
        await using (process)
        {
            // Watch the real, wall-clock-paced process: during the quiet hours the newest recorded snapshot must keep up
            // with its virtual clock (edgerisk_virtual_time_seconds), not wait for the next event and come in a burst.
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            var worstLag = TimeSpan.Zero;
            var quietPolls = 0;
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (!process.HasExited && waited.Elapsed < TimeSpan.FromSeconds(30))
            {
                var now = await VirtualTimeAsync(http, port);
                if (now is { } virtualNow && virtualNow > start.AddHours(2) && virtualNow < firstEvent.AddHours(-2))
                {
                    quietPolls++;
                    var lag = virtualNow - (LastSnapshot(recording) ?? start);
                    worstLag = lag > worstLag ? lag : worstLag;
                }

                await Task.Delay(20);
            }

            Assert.True(process.HasExited && process.ExitCode == 0, process.Output);
            Assert.True(quietPolls >= 3, $"only {quietPolls} polls fell into the quiet hours");
            // One poll interval of wall time is about 15 virtual minutes at this speed; a burst would lag by many hours.
            Assert.True(worstLag < TimeSpan.FromHours(1), $"the recording lagged the clock by {worstLag} during the quiet hours");
        }
    }

    private static async Task<DateTimeOffset?> VirtualTimeAsync(HttpClient http, int port)
    {
        try
        {
            var text = await http.GetStringAsync(new Uri($"http://127.0.0.1:{port.ToString(System.Globalization.CultureInfo.InvariantCulture)}/metrics"));
            var line = text.Split('\n').FirstOrDefault(l => l.StartsWith("edgerisk_virtual_time_seconds ", StringComparison.Ordinal));
            return line is null ? null : DateTimeOffset.FromUnixTimeMilliseconds((long)(double.Parse(line.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture) * 1000));
        }
        catch (HttpRequestException)
        {
            return null; // not listening yet
        }
    }

    private static DateTimeOffset? LastSnapshot(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        string? last = null;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            if (line.StartsWith("# snapshot ", StringComparison.Ordinal))
            {
                last = line;
            }
        }

        return last is null ? null : DateTimeOffset.FromUnixTimeSeconds(long.Parse(last["# snapshot ".Length..], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Live_EquityDataEndsBeforeDuration_RecordsUntilDurationThenExitsZero()
    {
        await using var redis = await RedisServer.StartAsync();
        using var dir = new TempDirectory();
        var recording = dir.Combine("stocks.prom");

        var (exitCode, output) = await TradingProcess.RunAsync(
        [
            "live", "--profile", "local", "--symbols", "NVDA", "--speed", "max", "--duration", "48h", "--job", "edgerisk-stocks",
            "--metrics-port", FreePort.Next().ToString(), "--redis", redis.Endpoint, "--data", TradingProcess.DataDirectory,
            "--record-metrics", recording, "--record-interval", "15s",
        ]);

        Assert.True(exitCode == 0, output);
        var start = new DateTimeOffset(2017, 9, 3, 0, 0, 0, TimeSpan.Zero);
        var snapshots = File.ReadLines(recording).Where(l => l.StartsWith("# snapshot ", StringComparison.Ordinal))
            .Select(l => DateTimeOffset.FromUnixTimeSeconds(long.Parse(l["# snapshot ".Length..]))).ToArray();
        Assert.Equal(start, snapshots[0]);
        Assert.Equal(start.AddHours(48), snapshots[^1]);
        Assert.Equal((48 * 240) + 1, snapshots.Length);
        var lines = File.ReadAllLines(recording);
        Assert.Contains(lines, l => l.StartsWith("pnl_usd{symbol=\"NVDA\",book=\"sim\"} 0 1504396800000", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("edgerisk_heartbeat_timestamp_seconds 1504569600 ", StringComparison.Ordinal));
        // Monday 2017-09-04 20:30Z is 16:30 in New York: the market is closed, so no lag is exported.
        Assert.DoesNotContain(lines, l => l.StartsWith("feed_lag_seconds{symbol=\"NVDA\"}", StringComparison.Ordinal) && l.EndsWith(" 1504557000000", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("feed_lag_seconds{symbol=\"NVDA\"}", StringComparison.Ordinal) && l.EndsWith(" 1504540800000", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("1h30m", 90)]
    [InlineData("30m", 30)]
    public async Task Live_SubHourOrNonIntegralHourDuration_RecordsExactlyThatLength(string duration, int minutes)
    {
        // The text is what the build writes for --duration 90m and --duration 30m (DurationText.Format).
        await using var redis = await RedisServer.StartAsync();
        using var dir = new TempDirectory();
        var recording = dir.Combine("crypto.prom");

        var (exitCode, output) = await TradingProcess.RunAsync(
        [
            "live", "--profile", "local", "--speed", "max", "--duration", duration, "--metrics-port", FreePort.Next().ToString(),
            "--redis", redis.Endpoint, "--data", TradingProcess.DataDirectory, "--record-metrics", recording, "--record-interval", "15s",
        ]);

        Assert.True(exitCode == 0, output);
        var start = new DateTimeOffset(2017, 9, 3, 0, 0, 0, TimeSpan.Zero);
        var snapshots = File.ReadLines(recording).Where(l => l.StartsWith("# snapshot ", StringComparison.Ordinal))
            .Select(l => DateTimeOffset.FromUnixTimeSeconds(long.Parse(l["# snapshot ".Length..]))).ToArray();
        Assert.Equal(start, snapshots[0]);
        Assert.Equal(start.AddMinutes(minutes), snapshots[^1]);
        Assert.Equal((minutes * 4) + 1, snapshots.Length);
    }

    [Fact]
    public async Task Live_Kill9ThenRestart_RecoversWithNoLostOrDuplicatedFill()
    {
        await using var redis = await RedisServer.StartAsync();
        using var dir = new TempDirectory();
        var recording = dir.Combine("metrics.prom");
        string[] Arguments(string speed) =>
        [
            "live", "--speed", speed, "--duration", "48h", "--metrics-port", FreePort.Next().ToString(), "--redis", redis.Endpoint,
            "--data", TradingProcess.DataDirectory, "--record-metrics", recording, "--record-interval", "15s",
        ];
        await using var connection = await RedisJournal.ConnectAsync(redis.Endpoint);
        var db = connection.GetDatabase();

        await using (var first = TradingProcess.Start(Arguments("20000")))
        {
            await first.WaitUntilAsync(async () => await db.StreamLengthAsync("edgerisk-crypto:fills:paper") >= 20, TimeSpan.FromSeconds(20), "20 journaled fills");
            first.Kill();
            await TradingProcess.WaitForExitAsync(first, TimeSpan.FromSeconds(10));
        }

        var beforeRestart = await db.StreamLengthAsync("edgerisk-crypto:fills:paper");
        var (exitCode, output) = await TradingProcess.RunAsync(Arguments("max"));

        Assert.True(exitCode == 0, output);
        Assert.Contains("Recovered", output, StringComparison.Ordinal);
        foreach (var book in new[] { Book.Paper, Book.Sim })
        {
            var name = FillCsv.BookName(book);
            var ids = (await db.StreamRangeAsync($"edgerisk-crypto:fills:{name}")).Select(e => long.Parse(((string)e.Id!).Split('-')[0])).ToArray();
            Assert.True(ids.Length >= (book == Book.Paper ? beforeRestart : 1));
            Assert.Equal(Enumerable.Range(1, ids.Length).Select(i => (long)i), ids);
            await AssertSnapshotEqualsFullReplayAsync(connection, book);
        }

        // The restart is visible on the trading clock: the second process started after the first.
        var starts = File.ReadLines(recording).Where(l => l.StartsWith("edgerisk_start_time_seconds ", StringComparison.Ordinal))
            .Select(l => l.Split(' ')[1]).Distinct().ToArray();
        Assert.Equal(2, starts.Length);
    }

    [Fact]
    public async Task Live_CrashAtHook_DiesAtVirtualTimeAndResumesAfterJournal()
    {
        await using var redis = await RedisServer.StartAsync();
        // Paced, so the journal (flushed every 100 ms of wall time) keeps up to within minutes of virtual time.
        string[] Arguments(params string[] extra) =>
        [
            "live", "--speed", extra.Length > 0 ? "15000" : "max", "--duration", "48h", "--metrics-port", FreePort.Next().ToString(), "--redis", redis.Endpoint,
            "--data", TradingProcess.DataDirectory, .. extra,
        ];

        var (crashCode, crashOutput) = await TradingProcess.RunAsync(Arguments("--crash-at", "10h"));
        var (exitCode, output) = await TradingProcess.RunAsync(Arguments());

        Assert.NotEqual(0, crashCode);
        Assert.Contains("--crash-at reached", crashOutput, StringComparison.Ordinal);
        Assert.True(exitCode == 0, output);
        Assert.Matches(@"resuming after 2017-09-03T(09|10):\d\d", output);
        await using var connection = await RedisJournal.ConnectAsync(redis.Endpoint);
        await AssertSnapshotEqualsFullReplayAsync(connection, Book.Paper);
        await AssertSnapshotEqualsFullReplayAsync(connection, Book.Sim);
    }

    [Fact]
    public async Task Live_RedisDownMidRun_KeepsTradingCountsFailuresAndCatchesUpInOrder()
    {
        await using var redis = await RedisServer.StartAsync();
        var port = FreePort.Next();
        await using var process = TradingProcess.Start(
        [
            "live", "--speed", "10000", "--duration", "24h", "--metrics-port", port.ToString(), "--redis", redis.Endpoint,
            "--data", TradingProcess.DataDirectory,
        ]);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(2) };
        await WaitForJournaledFillsAsync(process, redis.Endpoint, 3, TimeSpan.FromSeconds(20));

        await redis.StopAsync();
        await process.WaitUntilAsync(async () =>
        {
            var metrics = await http.GetStringAsync("metrics");
            return MetricsText.Value(metrics, "journal_write_failures_total") >= 1 && MetricsText.Value(metrics, "journal_pending_writes") >= 1;
        }, TimeSpan.FromSeconds(20), "failed writes counted and kept pending");
        await redis.RestartAsync();
        await TradingProcess.WaitForExitAsync(process, TimeSpan.FromSeconds(30));

        Assert.True(process.ExitCode == 0, process.Output);
        await AssertJournalGapFreeAsync(redis.Endpoint);
    }

    [Fact]
    public async Task Live_RedisKilledAndNotBack_ExitsOneSayingTheJournalIsBehindThenResumesGapFree()
    {
        await using var redis = await RedisServer.StartAsync();
        string[] Arguments(string speed) =>
        [
            "live", "--speed", speed, "--duration", "24h", "--metrics-port", FreePort.Next().ToString(), "--redis", redis.Endpoint,
            "--data", TradingProcess.DataDirectory,
        ];
        // Paced so that the replay (24 virtual hours in about 22 s) is still running when Redis goes, even on a busy machine.
        await using (var first = TradingProcess.Start(Arguments("4000")))
        {
            await WaitForJournaledFillsAsync(first, redis.Endpoint, 3, TimeSpan.FromSeconds(60));

            // SIGKILL, and Redis stays away until the run has ended: the books are ahead of the journal.
            await redis.StopAsync();
            await TradingProcess.WaitForExitAsync(first, TimeSpan.FromSeconds(120));

            Assert.True(first.ExitCode == 1, first.Output);
            Assert.Contains("the journal is behind the books", first.Output, StringComparison.Ordinal);
        }

        // Redis back (its append-only file kept what was written): the next run resumes after the journal, gap-free.
        await redis.RestartAsync();
        var (exitCode, output) = await TradingProcess.RunAsync(Arguments("max"), TimeSpan.FromMinutes(2));

        Assert.True(exitCode == 0, output);
        await AssertJournalGapFreeAsync(redis.Endpoint);
    }

    /// <summary>Waits until the crypto process has journaled at least <paramref name="fills"/> paper fills.</summary>
    private static async Task WaitForJournaledFillsAsync(ManagedProcess process, string redisEndpoint, int fills, TimeSpan timeout)
    {
        await using var watcher = await RedisJournal.ConnectAsync(redisEndpoint);
        await process.WaitUntilAsync(async () => await watcher.GetDatabase().StreamLengthAsync("edgerisk-crypto:fills:paper") >= fills,
            timeout, $"{fills} journaled fills");
    }

    /// <summary>Each book's journaled fills are numbered 1, 2, 3, … with no gap, and its snapshot equals their full replay.</summary>
    private static async Task AssertJournalGapFreeAsync(string redisEndpoint)
    {
        await using var connection = await RedisJournal.ConnectAsync(redisEndpoint);
        foreach (var book in new[] { Book.Paper, Book.Sim })
        {
            var ids = (await connection.GetDatabase().StreamRangeAsync($"edgerisk-crypto:fills:{FillCsv.BookName(book)}"))
                .Select(e => long.Parse(((string)e.Id!).Split('-')[0])).ToArray();
            Assert.Equal(Enumerable.Range(1, ids.Length).Select(i => (long)i), ids);
            await AssertSnapshotEqualsFullReplayAsync(connection, book);
        }
    }

    /// <summary>The final snapshot must equal replaying every journaled fill from an empty book: nothing lost, nothing twice.</summary>
    private static async Task AssertSnapshotEqualsFullReplayAsync(IConnectionMultiplexer connection, Book book)
    {
        var db = connection.GetDatabase();
        var name = FillCsv.BookName(book);
        await db.KeyRenameAsync($"edgerisk-crypto:snapshot:{name}", $"final:snapshot:{name}");
        var fromJournal = await new RedisJournal(connection, "edgerisk-crypto", new TradingMetrics([])).RecoverAsync(100_000m);
        await db.KeyRenameAsync($"final:snapshot:{name}", $"edgerisk-crypto:snapshot:{name}");
        var final = await new RedisJournal(connection, "edgerisk-crypto", new TradingMetrics([])).RecoverAsync(100_000m);
        var replayed = book == Book.Paper ? fromJournal.Paper : fromJournal.Sim;
        var snapshot = book == Book.Paper ? final.Paper : final.Sim;
        Assert.Equal(snapshot.LastSequence, replayed.LastSequence);
        Assert.Equal(snapshot.CashUsd, replayed.CashUsd);
        Assert.Equal(snapshot.FeesUsd, replayed.FeesUsd);
        foreach (var position in snapshot.Positions)
        {
            Assert.Equal(position.Quantity, replayed.Position(position.Ticker).Quantity);
        }
    }
}

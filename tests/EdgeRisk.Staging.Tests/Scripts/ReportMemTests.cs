namespace EdgeRisk.Staging.Tests.Scripts;

/// <summary>scripts/report_mem.py against a real Prometheus backfilled with 13 h of RSS and process start times.</summary>
public sealed class ReportMemTests
{
    /// <summary>Window end: 2026-11-25T10:00:00Z; the data starts 13 h earlier, one sample a minute.</summary>
    private const long End = 1_795_600_800;
    private const long Start = End - (13 * 3600);
    private const double Base = 200 * 1024 * 1024;

    /// <summary>RSS grows linearly by <paramref name="growth"/> of the base over the 13 h.</summary>
    private static void Job(OpenMetricsBuilder builder, string job, double growth, Func<long, double>? startTime = null, long from = Start)
    {
        var labels = $"job=\"{job}\",instance=\"trading\"";
        builder.Gauge("process_resident_memory_bytes", labels, from, End, 60, t => Base * (1 + (growth * (t - Start) / (13.0 * 3600))));
        builder.Gauge("process_start_time_seconds", labels, from, End, 60, t => startTime?.Invoke(t) ?? Start - 60);
    }

    /// <summary>Evidence RSS drift cannot be judged on: one FAIL line naming why, exit 1.</summary>
    [Theory]
    [InlineData("crypto restarted 3 h before the end", "FAIL edgerisk-crypto restarted inside the 12h window; RSS drift needs one process lifetime")]
    [InlineData("stocks without data", "FAIL no process_start_time_seconds for edgerisk-stocks at 2026-11-25T10:00:00Z")]
    public async Task Report_EvidenceUnfitForADrift_FailsClosed(string evidence, string expected)
    {
        var data = new OpenMetricsBuilder();
        var restarted = evidence == "crypto restarted 3 h before the end";
        Job(data, "edgerisk-crypto", 0.0, restarted ? (t => t < End - (3 * 3600) ? Start - 60 : End - (3 * 3600)) : null);
        if (restarted)
        {
            Job(data, "edgerisk-stocks", 0.0);
        }

        var result = await RunAgainstAsync(data.Build());

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(expected, Assert.Single(result.OutputLines));
    }

    [Fact]
    public async Task Report_BothJobsFlat_PrintsOneOkLineAndExitsZero()
    {
        var data = new OpenMetricsBuilder();
        Job(data, "edgerisk-crypto", 0.01);
        Job(data, "edgerisk-stocks", -0.02);
        var result = await RunAgainstAsync(data.Build());

        Assert.True(result.ExitCode == 0, result.ToString());
        var line = Assert.Single(result.OutputLines);
        Assert.StartsWith("OK rss drift below 3% over 12h to 2026-11-25T10:00:00Z: edgerisk-crypto +0.", line);
        Assert.Contains("edgerisk-stocks -1.", line);
    }

    [Fact]
    public async Task Report_OneJobGrowing_PrintsOneFailLineNamingTheJob()
    {
        var data = new OpenMetricsBuilder();
        Job(data, "edgerisk-crypto", 0.01);
        Job(data, "edgerisk-stocks", 0.05);
        var result = await RunAgainstAsync(data.Build());

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.OutputLines);
        Assert.StartsWith("FAIL rss drift: edgerisk-stocks +4.", line);
        Assert.EndsWith("is not below 3%", line);
        Assert.DoesNotContain("edgerisk-crypto", line);
    }

    [Fact]
    public async Task Report_ProcessStartedInWindow_LeavesWarmUpOutOfTheFirstHour()
    {
        // Started 6 h before the end: RSS doubles during the first 40 min (more than half of the first hour), then stays flat.
        var started = End - (6 * 3600);
        var data = new OpenMetricsBuilder();
        Job(data, "edgerisk-crypto", 0.0);
        data.Gauge("process_resident_memory_bytes", "job=\"edgerisk-stocks\",instance=\"trading\"", started, End, 60,
            t => t - started < 2400 ? Base * (1 + ((t - started) / 2400.0)) : 2 * Base);
        data.Gauge("process_start_time_seconds", "job=\"edgerisk-stocks\",instance=\"trading\"", started, End, 60, _ => started);
        await using var prometheus = await PrometheusServer.StartAsync(openMetricsBackfill: data.Build());

        var withWarmup = await RunAsync(prometheus.BaseUrl, "--warmup", "45m");
        var withoutWarmup = await RunAsync(prometheus.BaseUrl, "--warmup", "0s");

        Assert.True(withWarmup.ExitCode == 0, withWarmup.ToString());
        Assert.Contains("edgerisk-stocks +0.00%", Assert.Single(withWarmup.OutputLines));
        Assert.Equal(1, withoutWarmup.ExitCode);
        Assert.StartsWith("FAIL rss drift: edgerisk-stocks +", Assert.Single(withoutWarmup.OutputLines));
    }

    [Fact]
    public async Task Report_TradingClockStartIsVirtual_WarmUpCountsFromTheRealProcessStart()
    {
        // Memory grows in real time, so the warm-up counts from the real start (6 h before the end), not from the
        // trading clock's start beside it, which a replay exports as a 2017 date.
        var started = End - (6 * 3600);
        var data = new OpenMetricsBuilder();
        Job(data, "edgerisk-crypto", 0.0);
        const string stocks = "job=\"edgerisk-stocks\",instance=\"trading\"";
        data.Gauge("process_resident_memory_bytes", stocks, started, End, 60,
            t => t - started < 2400 ? Base * (1 + ((t - started) / 2400.0)) : 2 * Base);
        data.Gauge("process_start_time_seconds", stocks, started, End, 60, _ => started);
        data.Gauge("edgerisk_start_time_seconds", stocks, started, End, 60, _ => 1_504_396_800);
        var result = await RunAgainstAsync(data.Build(), "--warmup", "45m");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("edgerisk-stocks +0.00%", Assert.Single(result.OutputLines));
    }

    [Fact]
    public async Task Report_YoungDeployment_PrintsWaitingWithWhenEnoughDataExistsAndExitsZero()
    {
        var result = await RunAgainstAsync(YoungDeployment.Metrics(End - 1800, End));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("WAITING rss drift: edgerisk-crypto has not enough data until 2026-11-25T12:30:00Z (process started 2026-11-25T09:30:00Z, "
            + "then 1h warm-up, a first and a last hour); edgerisk-stocks has not enough data until 2026-11-25T12:30:00Z (process started "
            + "2026-11-25T09:30:00Z, then 1h warm-up, a first and a last hour)", Assert.Single(result.OutputLines));
    }

    [Fact]
    public async Task Report_RssDataYoungerThanTheProcess_PrintsWaiting()
    {
        // The processes have run for days, but Prometheus has their RSS only for the last 30 min (a new TSDB).
        var data = new OpenMetricsBuilder();
        foreach (var job in new[] { "edgerisk-crypto", "edgerisk-stocks" })
        {
            var labels = $"job=\"{job}\",instance=\"trading\"";
            data.Gauge("process_resident_memory_bytes", labels, End - 1800, End, 60, _ => Base);
            data.Gauge("process_start_time_seconds", labels, End - 1800, End, 60, _ => End - (5 * 86400));
        }

        var result = await RunAgainstAsync(data.Build());

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("WAITING rss drift: edgerisk-crypto has not enough data until 2026-11-25T11:30:00Z (RSS only since 2026-11-25T09:30:00Z, "
            + "then a first and a last hour); ", Assert.Single(result.OutputLines));
    }

    [Fact]
    public async Task Report_OneJobYoungTheOtherGrowing_FailsOnTheEvidence()
    {
        var data = new OpenMetricsBuilder();
        Job(data, "edgerisk-crypto", 0.05);
        data.Gauge("process_resident_memory_bytes", "job=\"edgerisk-stocks\",instance=\"trading\"", End - 1800, End, 60, _ => Base);
        data.Gauge("process_start_time_seconds", "job=\"edgerisk-stocks\",instance=\"trading\"", End - 1800, End, 60, _ => End - 1800);
        var result = await RunAgainstAsync(data.Build());

        ReportScript.AssertFails(result, "FAIL rss drift: edgerisk-crypto +4.", "edgerisk-stocks has not enough data until 2026-11-25T12:30:00Z");
    }

    [Fact]
    public async Task Report_WindowShorterThanTwoHours_ExitsTwoNamingTheFlag()
    {
        var result = await RunAsync(new Uri("http://127.0.0.1:9/"), "--window", "90m");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("FAIL bad input: --window '90m' must be at least 2h (a first and a last hour)", Assert.Single(result.OutputLines));
    }

    [Fact]
    public async Task Report_PrometheusUnreachable_FailsClosed()
    {
        var port = FreePort.Next();

        var result = await RunAsync(new Uri($"http://127.0.0.1:{port}/"));

        ReportScript.AssertFails(result, $"FAIL Prometheus at http://127.0.0.1:{port}/ is unreachable");
    }

    private static Task<CommandResult> RunAgainstAsync(string backfill, params string[] arguments) =>
        ReportScript.RunAgainstAsync("report_mem.py", End, backfill, arguments);

    private static Task<CommandResult> RunAsync(Uri prometheus, params string[] arguments) =>
        ReportScript.RunAsync("report_mem.py", End, prometheus, arguments);
}

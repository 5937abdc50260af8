namespace EdgeRisk.Staging.Tests.Scripts;

/// <summary>scripts/report_pnl.py against a real Prometheus backfilled with 13 h of PnL gauges.</summary>
public sealed class ReportPnlTests
{
    /// <summary>Window end: 2026-11-25T10:00:00Z; the data starts 13 h earlier, one sample a minute.</summary>
    private const long End = 1_795_600_800;
    private const long Start = End - (13 * 3600);

    /// <summary>Over the 12 h window paper makes 240 USD (20/h) and sim 252 USD (21/h): drift -12 USD, so 0.5 sigma = 12 at sigma 24.</summary>
    private static string TwoBooks(bool withSim = true)
    {
        var builder = new OpenMetricsBuilder();
        foreach (var (job, symbol, share) in new[] { ("edgerisk-crypto", "BTC-USD", 0.75), ("edgerisk-stocks", "NVDA", 0.25) })
        {
            builder.Gauge("pnl_usd", $"job=\"{job}\",instance=\"trading\",symbol=\"{symbol}\",book=\"paper\"", Start, End, 60,
                t => share * 20.0 * (t - Start) / 3600);
            if (withSim)
            {
                builder.Gauge("pnl_usd", $"job=\"{job}\",instance=\"trading\",symbol=\"{symbol}\",book=\"sim\"", Start, End, 60,
                    t => share * 21.0 * (t - Start) / 3600);
            }
        }

        return builder.Build();
    }

    [Fact]
    public async Task Report_DriftExactlyHalfSigma_PrintsOneOkLineAndExitsZero()
    {
        var result = await RunAgainstAsync(TwoBooks(), "--pnl-sigma-usd", "24");

        Assert.True(result.ExitCode == 0, result.ToString());
        var line = Assert.Single(result.OutputLines);
        Assert.Equal("OK pnl drift -12.00 USD within 0.5 sigma: max |drift| at 2026-11-25T10:00:00Z; over 12h to 2026-11-25T10:00:00Z "
            + "paper +240.00 USD, sim +252.00 USD; limit 0.5 sigma = 12.00 USD (sigma 24.00 USD)", line);
    }

    [Fact]
    public async Task Report_DriftBeyondHalfSigma_PrintsOneFailLineAndExitsOne()
    {
        var result = await RunAgainstAsync(TwoBooks(), "--pnl-sigma-usd", "23.98");

        ReportScript.AssertFails(result, "FAIL pnl drift -12.00 USD exceeds 0.5 sigma", "limit 0.5 sigma = 11.99 USD");
    }

    [Fact]
    public async Task Report_DriftPeaksInsideWindowThenRecovers_FailsOnTheMaximum()
    {
        // Both books make 0.25 USD a minute (exact in binary); sim runs 30 USD ahead for two hours in the middle of the window.
        var data = new OpenMetricsBuilder()
            .Gauge("pnl_usd", "job=\"edgerisk-crypto\",instance=\"trading\",symbol=\"BTC-USD\",book=\"paper\"", Start, End, 60,
                t => 0.25 * (t - Start) / 60)
            .Gauge("pnl_usd", "job=\"edgerisk-crypto\",instance=\"trading\",symbol=\"BTC-USD\",book=\"sim\"", Start, End, 60,
                t => (0.25 * (t - Start) / 60) + (t >= End - (8 * 3600) && t < End - (6 * 3600) ? 30 : 0));
        var result = await RunAgainstAsync(data.Build(), "--pnl-sigma-usd", "24");

        ReportScript.AssertFails(result, "FAIL pnl drift -30.00 USD exceeds 0.5 sigma: max |drift| at 2026-11-25T02:00:00Z; over 12h to 2026-11-25T10:00:00Z "
            + "paper +180.00 USD, sim +180.00 USD");
    }

    [Fact]
    public async Task Report_SigmaFromPnlStatsFile_UsesFileSigma()
    {
        using var dir = new TempDirectory("pnl-stats");
        var stats = dir.Combine("pnl_stats.json");
        await File.WriteAllTextAsync(stats, """{"pnl_sigma_usd": 20.0}""");

        var result = await RunAgainstAsync(TwoBooks(), "--pnl-stats", stats);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("limit 0.5 sigma = 10.00 USD (sigma 20.00 USD)", Assert.Single(result.OutputLines));
    }

    [Fact]
    public async Task Report_SimBookMissing_FailsClosed()
    {
        var result = await RunAgainstAsync(TwoBooks(withSim: false), "--pnl-sigma-usd", "1000");

        ReportScript.AssertFails(result, "FAIL pnl_usd for ", "has no book=sim");
    }

    /// <summary>The window reaches before the first data (13 h of data, a 14 h window; a deployment 30 min old): WAITING, with when there will be enough.</summary>
    [Theory]
    [InlineData("13h of data", new[] { "--pnl-sigma-usd", "30", "--window", "14h" },
        "WAITING pnl drift: pnl_usd only since 2026-11-24T21:00:00Z (13h of the 14h window); enough data at 2026-11-25T11:00:00Z; "
        + "so far -13.00 USD, within 0.5 sigma (limit 15.00 USD, sigma 30.00 USD)")]
    [InlineData("young deployment", new[] { "--pnl-sigma-usd", "24" },
        "WAITING pnl drift: pnl_usd only since 2026-11-25T09:30:00Z (30m of the 12h window); enough data at 2026-11-25T21:30:00Z; "
        + "so far -0.50 USD, within 0.5 sigma (limit 12.00 USD, sigma 24.00 USD)")]
    public async Task Report_WindowNotCoveredYet_PrintsWaitingWithWhenEnoughDataExistsAndExitsZero(string data, string[] arguments, string expected)
    {
        var result = await RunAgainstAsync(data == "young deployment" ? YoungDeployment.Metrics(End - 1800, End) : TwoBooks(), arguments);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(expected, Assert.Single(result.OutputLines));
    }

    [Fact]
    public async Task Report_YoungDeploymentAlreadyBeyondHalfSigma_FailsOnTheEvidence()
    {
        var result = await RunAgainstAsync(YoungDeployment.Metrics(End - 1800, End), "--pnl-sigma-usd", "0.5");

        ReportScript.AssertFails(result, "FAIL pnl drift -0.50 USD exceeds 0.5 sigma: max |drift| at 2026-11-25T10:00:00Z; over the 30m since 2026-11-25T09:30:00Z");
    }

    [Fact]
    public async Task Report_YoungDeploymentWithAGap_FailsClosed()
    {
        // Two hours old, with no samples between one hour and half an hour ago.
        var data = YoungDeployment.Metrics(End - 7200, End, t => t <= End - 3600 || t >= End - 1800);
        var result = await RunAgainstAsync(data, "--pnl-sigma-usd", "24");

        ReportScript.AssertFails(result, "FAIL pnl_usd for BTC-USD on edgerisk-crypto book=paper has no sample within 2m before 2026-11-25T09:02");
    }

    [Fact]
    public async Task Report_NoDataAtTheWindowStartButDataBefore_FailsClosed()
    {
        // Data for the first 50 min of the 13 h, then none until the last 30 min: an outage, not a young deployment.
        var data = new OpenMetricsBuilder();
        foreach (var book in new[] { "paper", "sim" })
        {
            data.Gauge("pnl_usd", $"job=\"edgerisk-crypto\",instance=\"trading\",symbol=\"BTC-USD\",book=\"{book}\"", Start, End, 60,
                t => t < Start + 3000 || t >= End - 1800 ? 1.0 : null);
        }

        var result = await RunAgainstAsync(data.Build(), "--pnl-sigma-usd", "24");

        ReportScript.AssertFails(result, "FAIL pnl_usd for BTC-USD on edgerisk-crypto book=paper has no sample within 2m before 2026-11-24T22:00:00Z");
    }

    [Fact]
    public async Task Report_NoSigmaAnywhere_FailsNamingTheStatsFile()
    {
        using var dir = new TempDirectory("pnl-stats");

        var result = await RunAsync(new Uri("http://127.0.0.1:9/"), "--pnl-stats", dir.Combine("pnl_stats.json"));

        ReportScript.AssertFails(result, $"FAIL no PnL sigma: {dir.Combine("pnl_stats.json")} is missing");
    }

    [Fact]
    public async Task Report_PrometheusUnreachable_FailsClosed()
    {
        var port = FreePort.Next();

        var result = await RunAsync(new Uri($"http://127.0.0.1:{port}/"), "--pnl-sigma-usd", "24");

        ReportScript.AssertFails(result, $"FAIL Prometheus at http://127.0.0.1:{port}/ is unreachable");
    }

    [Fact]
    public async Task Report_BadWindow_ExitsTwoWithOneLineNamingTheFlag()
    {
        var result = await RunAsync(new Uri("http://127.0.0.1:9/"), "--pnl-sigma-usd", "24", "--window", "twelve");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("FAIL bad input: --window 'twelve' is not a duration (use e.g. 12h, 90m or 1h30m)", Assert.Single(result.OutputLines));
    }

    private static Task<CommandResult> RunAgainstAsync(string backfill, params string[] arguments) =>
        ReportScript.RunAgainstAsync("report_pnl.py", End, backfill, arguments);

    private static Task<CommandResult> RunAsync(Uri prometheus, params string[] arguments) =>
        ReportScript.RunAsync("report_pnl.py", End, prometheus, arguments);
}

namespace EdgeRisk.Staging.Tests.Scripts;

/// <summary>The runbook's report scripts (scripts/report_pnl.py, scripts/report_mem.py) run as the cron job runs them, at a fixed window end.</summary>
internal static class ReportScript
{
    /// <summary>Runs <paramref name="script"/> with <c>--end <paramref name="end"/></c> against <paramref name="prometheus"/> (PROMETHEUS_URL).</summary>
    public static Task<CommandResult> RunAsync(string script, long end, Uri prometheus, params string[] arguments) =>
        CommandRunner.RunAsync("python3",
            [RepositoryRoot.Combine("scripts", script), "--end", end.ToString(CultureInfo.InvariantCulture), .. arguments],
            new Dictionary<string, string> { ["PROMETHEUS_URL"] = prometheus.ToString() });

    /// <summary>Runs it against a real Prometheus backfilled with <paramref name="backfill"/> (OpenMetrics text).</summary>
    public static async Task<CommandResult> RunAgainstAsync(string script, long end, string backfill, params string[] arguments)
    {
        await using var prometheus = await PrometheusServer.StartAsync(openMetricsBackfill: backfill);
        return await RunAsync(script, end, prometheus.BaseUrl, arguments);
    }

    /// <summary>Exit 1 and one output line: FAIL starting with <paramref name="start"/> and containing each of <paramref name="parts"/>.</summary>
    public static void AssertFails(CommandResult result, string start, params string[] parts)
    {
        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.OutputLines);
        Assert.StartsWith(start, line, StringComparison.Ordinal);
        Assert.All(parts, part => Assert.Contains(part, line, StringComparison.Ordinal));
    }
}

namespace EdgeRisk.Staging.Tests.Scripts;

/// <summary>scripts/pagerduty_logtail.sh: FAIL lines of the report logs become PagerDuty triggers on the loopback fake.</summary>
public sealed class PagerDutyLogtailTests
{
    private const string RoutingKey = "LogtailRoutingKey000000000000001";
    private static readonly string Script = RepositoryRoot.Combine("scripts", "pagerduty_logtail.sh");

    [Fact]
    public async Task Once_OneFailLineAmongOkLines_SendsOneTriggerWithStableDedupKey()
    {
        await using var pagerDuty = await FakePagerDuty.StartAsync();
        using var dir = new TempDirectory("logtail");
        var log = dir.Combine("paper_pnl.log");
        const string failLine = "FAIL pnl drift -80.00 USD exceeds 0.5 sigma: \"paper\" \\ sim";
        await File.WriteAllTextAsync(log, $"OK pnl drift -1.00 USD within 0.5 sigma\n{failLine}\nOK pnl drift 2.00 USD within 0.5 sigma\n");

        var first = await RunOnceAsync([log], PagingEnvironment.For(pagerDuty, RoutingKey));
        var second = await RunOnceAsync([log], PagingEnvironment.For(pagerDuty, RoutingKey));

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(2, pagerDuty.Events.Count);
        var trigger = pagerDuty.Events[0];
        Assert.Equal("trigger", trigger.EventAction);
        Assert.Equal(RoutingKey, trigger.RoutingKey);
        Assert.Equal(failLine, trigger.Summary);
        Assert.Equal("error", trigger.Severity);
        Assert.Equal("paper_pnl.log", trigger.Component);
        Assert.Matches("^edgerisk-report-[0-9a-f]{32}$", trigger.DedupKey);
        Assert.Equal(trigger.DedupKey, pagerDuty.Events[1].DedupKey);
        Assert.DoesNotContain(RoutingKey, first.StandardOutput + first.StandardError);
    }

    [Fact]
    public async Task Once_SameLineInAnotherLog_UsesAnotherDedupKey()
    {
        await using var pagerDuty = await FakePagerDuty.StartAsync();
        using var dir = new TempDirectory("logtail");
        await File.WriteAllTextAsync(dir.Combine("paper_pnl.log"), "FAIL Prometheus is unreachable\n");
        await File.WriteAllTextAsync(dir.Combine("mem.log"), "FAIL Prometheus is unreachable\n");

        var result = await RunOnceAsync([dir.Combine("paper_pnl.log"), dir.Combine("mem.log")], PagingEnvironment.For(pagerDuty, RoutingKey));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, pagerDuty.Events.Select(e => e.DedupKey).Distinct().Count());
    }

    [Fact]
    public async Task Once_OnlyOkLines_SendsNothing()
    {
        await using var pagerDuty = await FakePagerDuty.StartAsync();
        using var dir = new TempDirectory("logtail");
        var log = await WriteLogAsync(dir, "mem.log", "OK rss drift below 3%\nnot a FAIL line: FAIL only counts at the start\n");

        var result = await RunOnceAsync([log], PagingEnvironment.For(pagerDuty, RoutingKey));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(pagerDuty.Events);
    }

    [Fact]
    public async Task Follow_LinesAppended_PagesTheFailLineOnly()
    {
        await using var pagerDuty = await FakePagerDuty.StartAsync();
        using var dir = new TempDirectory("logtail");
        var pnl = dir.Combine("paper_pnl.log");
        var mem = dir.Combine("mem.log");
        await File.WriteAllTextAsync(pnl, "FAIL an old line, written before the watch started\n");
        await File.WriteAllTextAsync(mem, "");
        await using var watcher = ManagedProcess.Start("bash", [Script, pnl, mem], environment: PagingEnvironment.For(pagerDuty, RoutingKey));
        await watcher.WaitUntilAsync(() => Task.FromResult(watcher.Output.Contains($"following {mem}", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(10), "both logs followed");

        await File.AppendAllTextAsync(mem, "OK rss drift below 3%\n");
        await File.AppendAllTextAsync(mem, "FAIL rss drift: edgerisk-stocks +4.21% is not below 3%\n");
        var trigger = await pagerDuty.WaitForEventAsync(e => e.EventAction == "trigger", TimeSpan.FromSeconds(10));

        // Lines are handled in order, so the OK line before the FAIL line has been read and sent nothing.
        Assert.Single(pagerDuty.Events);
        Assert.Equal("FAIL rss drift: edgerisk-stocks +4.21% is not below 3%", trigger.Summary);
        Assert.Equal("mem.log", trigger.Component);
        Assert.Equal(mem, trigger.CustomDetails?["log"]?.GetValue<string>());
    }

    [Fact]
    public async Task Once_YoungDeploymentReports_PagesOnlyTheFailOnEvidence()
    {
        // 30 minutes of data: both reports say WAITING; a report with a tiny sigma already has evidence of drift and fails.
        const long end = 1_795_600_800;
        await using var prometheus = await PrometheusServer.StartAsync(openMetricsBackfill: YoungDeployment.Metrics(end - 1800, end));
        await using var pagerDuty = await FakePagerDuty.StartAsync();
        using var dir = new TempDirectory("logtail");
        var pnlLog = dir.Combine("paper_pnl.log");
        var memLog = dir.Combine("mem.log");
        var reports = new[]
        {
            (Log: pnlLog, Script: "report_pnl.py", Arguments: new[] { "--pnl-sigma-usd", "24" }),
            (Log: memLog, Script: "report_mem.py", Arguments: Array.Empty<string>()),
            (Log: pnlLog, Script: "report_pnl.py", Arguments: new[] { "--pnl-sigma-usd", "0.5" }),
        };
        var exitCodes = new List<int>();
        foreach (var report in reports)
        {
            var run = await ReportScript.RunAsync(report.Script, end, prometheus.BaseUrl, report.Arguments);
            exitCodes.Add(run.ExitCode);
            await File.AppendAllTextAsync(report.Log, run.StandardOutput);
        }

        var result = await RunOnceAsync([pnlLog, memLog], PagingEnvironment.For(pagerDuty, RoutingKey));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal([0, 0, 1], exitCodes);
        var pnlLines = await File.ReadAllLinesAsync(pnlLog);
        Assert.StartsWith("WAITING ", pnlLines[0], StringComparison.Ordinal);
        Assert.StartsWith("WAITING ", Assert.Single(await File.ReadAllLinesAsync(memLog)), StringComparison.Ordinal);
        var trigger = Assert.Single(pagerDuty.Events);
        Assert.Equal(pnlLines[1], trigger.Summary);
        Assert.StartsWith("FAIL pnl drift -0.50 USD exceeds 0.5 sigma", trigger.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_NoRoutingKey_ExitsTwoBeforeReadingLogs()
    {
        using var dir = new TempDirectory("logtail");
        var log = await WriteLogAsync(dir, "mem.log", "FAIL something\n");

        var result = await RunOnceAsync([log], new Dictionary<string, string> { ["PAGERDUTY_ROUTING_KEY"] = "", ["PAGERDUTY_ROUTING_KEY_FILE"] = "" });

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("pagerduty_logtail: paging is not configured: set PAGERDUTY_ROUTING_KEY or PAGERDUTY_ROUTING_KEY_FILE (usage: pagerduty_logtail.sh [--once] LOG...)",
            result.StandardError.Trim());
    }

    [Fact]
    public async Task Once_PagerDutyRejectsEvent_ExitsOne()
    {
        await using var pagerDuty = await FakePagerDuty.StartAsync();
        using var dir = new TempDirectory("logtail");
        var log = await WriteLogAsync(dir, "mem.log", "FAIL something\n");
        var environment = PagingEnvironment.For(pagerDuty, RoutingKey);
        environment["PAGERDUTY_ROUTING_KEY"] = "too-short";

        var result = await RunOnceAsync([log], environment);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("PagerDuty answered HTTP 400", result.StandardError);
        Assert.Empty(pagerDuty.Events);
    }

    /// <summary>A report log in <paramref name="dir"/> holding <paramref name="text"/>.</summary>
    private static async Task<string> WriteLogAsync(TempDirectory dir, string name, string text)
    {
        var path = dir.Combine(name);
        await File.WriteAllTextAsync(path, text);
        return path;
    }

    private static Task<CommandResult> RunOnceAsync(string[] logs, IReadOnlyDictionary<string, string> environment) =>
        CommandRunner.RunAsync("bash", [Script, "--once", .. logs], environment);
}

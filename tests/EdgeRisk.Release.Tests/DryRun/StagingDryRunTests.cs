using EdgeRisk.Release.Tests.Gates;
using EdgeRisk.Release.Tests.Gates.Live;
using static EdgeRisk.Release.Tests.Gates.Live.LiveScenarios;

namespace EdgeRisk.Release.Tests.DryRun;

/// <summary>
/// The staging dry run on a virtual clock against real Prometheus servers backfilled with 4 h scenarios (the clock's
/// now is the scrape frontier), the real prometheus-pushgateway, and the real scripts/healthcheck_loop.sh checking
/// that Prometheus's /-/healthy.
/// </summary>
public sealed class StagingDryRunTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new("staging-dry-run");
    private LiveScenarioServers _servers = null!;

    public async Task InitializeAsync()
    {
        _servers = await StartServersAsync();
    }

    public async Task DisposeAsync()
    {
        await _servers.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task StepAsync_EveryMinuteWithRestart_StopsAtFirstIrreversibleMinuteWritesFailAndStopsWatchdog()
    {
        var clock = new FakeTimeProvider(_servers.Restart.Window.Start);
        await using var dryRun = new StagingDryRun(Options(_servers.RestartServer, _servers.Restart, Watchdog(_servers.RestartServer)), clock);
        dryRun.Start();
        var watchdog = Assert.Single(dryRun.Healthcheck!.Pids);
        await WaitForLogAsync("all 1 checks OK");

        var steps = new List<LiveGateStep>();
        while (steps.Count < 300 && (steps.Count == 0 || !steps[^1].Done))
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            steps.Add(await dryRun.StepAsync(CancellationToken.None));
        }

        var result = await dryRun.FinishAsync(CancellationToken.None);

        // Judged minute by minute, 30 s behind the clock: the restart at 1h30m15s is proved at 1h31m, seen one look later.
        var stopAt = GateWindow.FromSeconds(_servers.Restart.At(91 * Minute));
        var stop = Assert.IsType<LiveGateStop>(result.Stop);
        Assert.Equal(stopAt, stop.Time);
        Assert.Equal(GateNames.Continuity, stop.Gate.Name);
        Assert.Equal(92, steps.Count);
        Assert.Equal(91, result.Live.Snapshots.Count);
        Assert.Equal(stopAt, result.Live.Snapshots[^1].Time);
        Assert.Equal(GateStatus.Fail, result.Verdict);
        Assert.Equal(stopAt, result.Final.Window.End);
        Assert.True(result.Pushes >= 91, $"{result.Pushes} pushes");

        using var gates = JsonDocument.Parse(await File.ReadAllBytesAsync(_dir.Combine("gates", "gates.json")));
        Assert.Equal("FAIL", gates.RootElement.GetProperty("verdict").GetString());
        Assert.Contains(gates.RootElement.GetProperty("gates").EnumerateArray(),
            g => g.GetProperty("name").GetString() == GateNames.Continuity && g.GetProperty("status").GetString() == "FAIL");
        Assert.True(File.Exists(_dir.Combine("gates", "report.md")));
        var state = Assert.IsType<StagingDryRunState>(StagingDryRunState.Load(result.StateFile));
        Assert.Equal(("FAIL", stopAt, _servers.Restart.Window.Start, stop.Reason), (state.Verdict, state.WindowEnd, state.WindowStart, state.StopReason));
        Assert.Equal(1, await PushedValueAsync(_servers.Pushgateway.BaseUrl, GateMetricsExporter.Verdict));
        Assert.Equal(1, await PushedValueAsync(_servers.Pushgateway.BaseUrl, GateMetricsExporter.Status, GateNames.Continuity));

        var healthcheck = Assert.IsType<HealthcheckLoopOutcome>(result.Healthcheck);
        Assert.True(healthcheck.Stopped);
        Assert.Equal([watchdog], healthcheck.Pids);
        Assert.Empty(healthcheck.ExitCodes);
        Assert.False(IsAlive(watchdog));
    }

    [Fact]
    public async Task RunAsync_HealthySoak_RunsToWindowEndWithOfflineVerdictAndWatchdogStopped()
    {
        var clock = new FakeTimeProvider(_servers.Pass.Window.End + TimeSpan.FromMinutes(1));
        var information = new List<string>();
        await using var dryRun = new StagingDryRun(Options(_servers.PassServer, _servers.Pass, Watchdog(_servers.PassServer)), clock, information.Add);

        var result = await dryRun.RunAsync(CancellationToken.None);

        Assert.Null(result.Stop);
        Assert.Equal(_servers.Pass.Window, result.Window);
        Assert.Equal(_servers.Pass.Window.End, result.Live.Snapshots[^1].Time);
        var offline = await EvaluateOfflineAsync(_servers.PassServer, _servers.Pass);
        Assert.Equal(GateStatus.Pass, offline.Verdict);
        Assert.Equal(offline.Verdict, result.Verdict);
        Assert.Equal(offline.Gates.Select(g => (g.Name, g.Status, g.Value)), result.Final.Gates.Select(g => (g.Name, g.Status, g.Value)));
        using var gates = JsonDocument.Parse(await File.ReadAllBytesAsync(_dir.Combine("gates", "gates.json")));
        Assert.Equal("PASS", gates.RootElement.GetProperty("verdict").GetString());
        var state = Assert.IsType<StagingDryRunState>(StagingDryRunState.Load(result.StateFile));
        Assert.Equal(("PASS", _servers.Pass.Window.Start, _servers.Pass.Window.End, (string?)null), (state.Verdict, state.WindowStart, state.WindowEnd, state.StopReason));
        Assert.Equal(0, await PushedValueAsync(_servers.Pushgateway.BaseUrl, GateMetricsExporter.Verdict));
        Assert.Contains(information, line => line.StartsWith("Staging dry run: gates over", StringComparison.Ordinal));

        var healthcheck = Assert.IsType<HealthcheckLoopOutcome>(result.Healthcheck);
        Assert.True(healthcheck.Stopped);
        Assert.False(IsAlive(Assert.Single(healthcheck.Pids)));
    }

    [Fact]
    public async Task RunAsync_Cancelled_StopsWatchdogAndWritesNoVerdict()
    {
        var clock = new FakeTimeProvider(_servers.Pass.Window.Start);
        await using var dryRun = new StagingDryRun(Options(_servers.PassServer, _servers.Pass, Watchdog(_servers.PassServer)), clock);
        using var cancel = new CancellationTokenSource();

        var run = dryRun.RunAsync(cancel.Token);
        var watchdog = Assert.Single(dryRun.Healthcheck!.Pids);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.True(dryRun.Healthcheck!.Stopped);
        Assert.False(IsAlive(watchdog));
        Assert.False(File.Exists(_dir.Combine("gates", "gates.json")));
        Assert.False(File.Exists(dryRun.StateFile));
    }

    [Fact]
    public async Task StepAsync_WatchdogFails_RestartedAfterDelayOnTheClock()
    {
        var clock = new FakeTimeProvider(_servers.Pass.Window.Start);
        var dead = $"http://127.0.0.1:{FreePort.Next()}/healthz";
        var watchdog = HealthcheckLoopOptions.Script(RepositoryRoot(), _dir.Combine("dry-run", "healthcheck.log"),
            ["--interval", "0.2", "--retries", "0", "--http", $"trading-crypto={dead}"], new Dictionary<string, string>
            {
                ["PAGERDUTY_ROUTING_KEY"] = "",
                ["PAGERDUTY_ROUTING_KEY_FILE"] = "",
            }) with { RestartDelay = TimeSpan.FromMinutes(1) };
        var warnings = new List<string>();
        await using var dryRun = new StagingDryRun(Options(_servers.PassServer, _servers.Pass, watchdog), clock, null, warnings.Add);
        dryRun.Start();

        await WaitForLogAsync("paging is not configured");
        for (var look = 0; dryRun.Healthcheck!.ExitCodes.Count == 0; look++)
        {
            Assert.True(look < 200, "the watchdog never exited");
            await dryRun.StepAsync(CancellationToken.None);
            await Task.Yield();
            await WaitForExitOfAsync(dryRun.Healthcheck.Pids[^1]);
        }

        Assert.Equal([1], dryRun.Healthcheck.ExitCodes);
        Assert.Single(dryRun.Healthcheck.Pids);
        Assert.Contains(warnings, w => w.StartsWith("Health watchdog exited with code 1", StringComparison.Ordinal));

        clock.Advance(TimeSpan.FromSeconds(59));
        await dryRun.StepAsync(CancellationToken.None);
        Assert.Single(dryRun.Healthcheck.Pids);
        clock.Advance(TimeSpan.FromSeconds(1));
        await dryRun.StepAsync(CancellationToken.None);
        Assert.Equal(2, dryRun.Healthcheck.Pids.Count);

        await dryRun.DisposeAsync();
        Assert.True(dryRun.Healthcheck.Stopped);
        Assert.All(dryRun.Healthcheck.Pids, pid => Assert.False(IsAlive(pid)));
        Assert.Contains($"healthcheck: FAIL trading-crypto ({dead}) failed 1 attempt(s)", await File.ReadAllTextAsync(watchdog.LogPath));
    }

    [Fact]
    public async Task Start_WindowLongerThanDuration_NamesBothParameters()
    {
        await using var dryRun = new StagingDryRun(Options(_servers.PassServer, _servers.Pass, null) with { WindowLength = TimeSpan.FromHours(5) }, TimeProvider.System);

        var e = Assert.Throws<DryRunException>(dryRun.Start);

        Assert.Equal("--window 05:00:00 must be positive and at most --duration 04:00:00", e.Message);
    }

    private StagingDryRunOptions Options(PrometheusServer server, Gates.Evidence evidence, HealthcheckLoopOptions? watchdog) => new()
    {
        PrometheusUrl = server.BaseUrl,
        OutputDirectory = _dir.Combine("dry-run"),
        GatesDirectory = _dir.Combine("gates"),
        Duration = evidence.Window.End - evidence.Window.Start,
        Start = evidence.Window.Start,
        PushgatewayUrl = _servers.Pushgateway.BaseUrl,
        Healthcheck = watchdog,
        PnlSigmaUsd = 100m,
        Gates = new GateEvaluationOptions { Source = SourceOptions },
    };

    /// <summary>The real watchdog script, checking only this Prometheus (no trading containers here).</summary>
    private HealthcheckLoopOptions Watchdog(PrometheusServer server) =>
        HealthcheckLoopOptions.Script(RepositoryRoot(), _dir.Combine("dry-run", "healthcheck.log"),
            ["--interval", "0.2", "--http", $"prometheus={new Uri(server.BaseUrl, "-/healthy")}"]);

    private async Task WaitForLogAsync(string text)
    {
        var log = _dir.Combine("dry-run", "healthcheck.log");
        for (var i = 0; i < 400; i++)
        {
            if (File.Exists(log) && (await File.ReadAllTextAsync(log)).Contains(text, StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"'{text}' never appeared in {log}: {(File.Exists(log) ? await File.ReadAllTextAsync(log) : "no log")}");
    }

    private static async Task WaitForExitOfAsync(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (ArgumentException)
        {
            // already gone
        }
    }

    private static bool IsAlive(int pid) => Directory.Exists($"/proc/{pid}") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EdgeRisk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no EdgeRisk.sln above {AppContext.BaseDirectory}");
    }
}

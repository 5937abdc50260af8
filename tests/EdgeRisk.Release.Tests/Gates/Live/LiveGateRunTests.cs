using static EdgeRisk.Release.Tests.Gates.Live.LiveScenarios;

namespace EdgeRisk.Release.Tests.Gates.Live;

/// <summary>
/// The live gates as <c>EvaluateGates --live</c> runs them (<see cref="LiveGateRun"/>): a real Prometheus backfilled
/// with 4 h scenarios, the clock's now as the frontier, and every judgement pushed to a real prometheus-pushgateway.
/// </summary>
public sealed class LiveGateRunTests : IAsyncLifetime
{
    private LiveScenarioServers _servers = null!;

    public async Task InitializeAsync()
    {
        _servers = await StartServersAsync();
    }

    public async Task DisposeAsync()
    {
        await _servers.DisposeAsync();
    }

    [Fact]
    public async Task PushAsync_InconclusiveGate_SeriesReadableFromPushgatewayAndMarginAbsent()
    {
        var window = GateWindow.Ending(Evidence.End, TimeSpan.FromHours(48));
        var early = Snapshot(window, window.Start + TimeSpan.FromHours(12),
            Pass(GateNames.Var, 61.5, 95), GateResult.Inconclusive(GateNames.RssDrift, 0.03, "window shorter than 3 h"));
        using var http = new HttpClient();

        await GateMetricsExporter.PushAsync(http, _servers.Pushgateway.BaseUrl, early, CancellationToken.None);

        Assert.Equal(0, await PushedValueAsync(_servers.Pushgateway.BaseUrl, GateMetricsExporter.Status, GateNames.Var));
        Assert.Equal(95 - 61.5, await PushedValueAsync(_servers.Pushgateway.BaseUrl, GateMetricsExporter.Margin, GateNames.Var));
        Assert.Equal(61.5, await PushedValueAsync(_servers.Pushgateway.BaseUrl, GateMetricsExporter.Value, GateNames.Var));
        Assert.Equal(95, await PushedValueAsync(_servers.Pushgateway.BaseUrl, GateMetricsExporter.Threshold, GateNames.Var));
        Assert.Equal(2, await PushedValueAsync(_servers.Pushgateway.BaseUrl, GateMetricsExporter.Status, GateNames.RssDrift));
        Assert.Null(await PushedValueAsync(_servers.Pushgateway.BaseUrl, GateMetricsExporter.Margin, GateNames.RssDrift));
        Assert.Null(await PushedValueAsync(_servers.Pushgateway.BaseUrl, GateMetricsExporter.Value, GateNames.RssDrift));
        Assert.Equal(0.25, await PushedValueAsync(_servers.Pushgateway.BaseUrl, GateMetricsExporter.Coverage));
        Assert.Equal(36 * 3600, await PushedValueAsync(_servers.Pushgateway.BaseUrl, GateMetricsExporter.Remaining));
        Assert.Equal(2, await PushedValueAsync(_servers.Pushgateway.BaseUrl, GateMetricsExporter.Verdict));

        // The next judgement replaces the group: a margin that became absent does not linger from the push before.
        var later = Snapshot(window, window.Start + TimeSpan.FromHours(13),
            GateResult.Inconclusive(GateNames.Var, 95, "Prometheus unreachable"), Pass(GateNames.RssDrift, 0.01, 0.03));
        await GateMetricsExporter.PushAsync(http, _servers.Pushgateway.BaseUrl, later, CancellationToken.None);

        Assert.Null(await PushedValueAsync(_servers.Pushgateway.BaseUrl, GateMetricsExporter.Margin, GateNames.Var));
        Assert.Equal(2, await PushedValueAsync(_servers.Pushgateway.BaseUrl, GateMetricsExporter.Status, GateNames.Var));
        Assert.Equal(0.02, (await PushedValueAsync(_servers.Pushgateway.BaseUrl, GateMetricsExporter.Margin, GateNames.RssDrift))!.Value, 9);
    }

    [Fact]
    public async Task RunAsync_HealthyWindowInThePast_VerdictEqualsOfflineAndPushedSeriesMatch()
    {
        var clock = new FakeTimeProvider(_servers.Pass.Window.End + TimeSpan.FromMinutes(1));
        using var run = new LiveGateRun(Options(_servers.PassServer, _servers.Pass, _servers.Pushgateway.BaseUrl), clock);

        var outcome = await run.RunAsync(null, CancellationToken.None);

        Assert.Null(outcome.Stop);
        Assert.Equal(_servers.Pass.Window.End, outcome.Snapshots[^1].Time);
        var offline = await EvaluateOfflineAsync(_servers.PassServer, _servers.Pass);
        Assert.Equal(GateStatus.Pass, offline.Verdict);
        Assert.Equal(offline.Verdict, outcome.Verdict);
        Assert.Equal(0, run.PushFailures);
        Assert.True(run.Pushes > 0);
        Assert.Equal(0, await PushedValueAsync(_servers.Pushgateway.BaseUrl, GateMetricsExporter.Verdict));
        Assert.Equal(1, await PushedValueAsync(_servers.Pushgateway.BaseUrl, GateMetricsExporter.Coverage));
        foreach (var gate in offline.Gates)
        {
            Assert.Equal(GateMetricsExporter.Code(gate.Status), await PushedValueAsync(_servers.Pushgateway.BaseUrl, GateMetricsExporter.Status, gate.Name));
            Assert.Equal(gate.Margin, await PushedValueAsync(_servers.Pushgateway.BaseUrl, GateMetricsExporter.Margin, gate.Name));
        }
    }

    [Fact]
    public async Task RunAsync_RestartInWindow_StopsAtFirstFailingMinuteAndPushesTheFail()
    {
        var clock = new FakeTimeProvider(_servers.Restart.Window.End + TimeSpan.FromMinutes(1));
        using var run = new LiveGateRun(Options(_servers.RestartServer, _servers.Restart, _servers.Pushgateway.BaseUrl), clock);

        var (outcome, stops) = await run.RunCollectingStopsAsync();

        var stop = LiveStopAssert.StoppedAt(outcome.Stop, GateWindow.FromSeconds(_servers.Restart.At(91 * Minute)), GateNames.Continuity);
        Assert.Equal(stop, Assert.Single(stops));
        Assert.Equal(GateStatus.Fail, outcome.Verdict);
        Assert.Equal(1, await PushedValueAsync(_servers.Pushgateway.BaseUrl, GateMetricsExporter.Verdict));
        Assert.Equal(1, await PushedValueAsync(_servers.Pushgateway.BaseUrl, GateMetricsExporter.Status, GateNames.Continuity));
    }

    [Fact]
    public async Task RunAsync_LocalRecordingsWithARestart_PushesEveryLookAndStopsAtTheRestart()
    {
        using var dir = new TempDirectory("live-run-recordings");
        LiveRecordings.Write(dir,
            LiveRecordings.Snapshots(0, 120) + LiveRecordings.Snapshots(120, 840, processStart: LiveRecordings.Start + 1800),
            LiveRecordings.Snapshots(0, 960));
        var clock = new FakeTimeProvider();
        var (monitor, evidence) = LiveRecordings.Monitor(dir, clock);
        evidence.MarkWritersExited();
        using var run = new LiveGateRun(monitor, _servers.Pushgateway.BaseUrl, clock);

        var outcome = await run.RunAsync(null, CancellationToken.None);

        var stop = Assert.IsType<LiveGateStop>(outcome.Stop);
        Assert.Equal(GateWindow.FromSeconds(LiveRecordings.Start - 15 + (31 * 60)), stop.Time);
        Assert.Equal((0, 1), (run.PushFailures, run.Pushes));
        Assert.Equal(1, await PushedValueAsync(_servers.Pushgateway.BaseUrl, GateMetricsExporter.Verdict));
        Assert.Equal(1, await PushedValueAsync(_servers.Pushgateway.BaseUrl, GateMetricsExporter.Status, GateNames.Continuity));
    }

    [Fact]
    public async Task RunAsync_PushgatewayUnreachable_WarnsAndJudgesToTheEnd()
    {
        var clock = new FakeTimeProvider(_servers.Pass.Window.End + TimeSpan.FromMinutes(1));
        var warnings = new List<string>();
        var dead = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        using var run = new LiveGateRun(Options(_servers.PassServer, _servers.Pass, dead), clock, warnings.Add);

        var outcome = await run.RunAsync(null, CancellationToken.None);

        Assert.Equal(GateStatus.Pass, outcome.Verdict);
        Assert.Equal(0, run.Pushes);
        Assert.True(run.PushFailures > 0);
        Assert.Equal(run.PushFailures, warnings.Count);
        Assert.All(warnings, w => Assert.Contains($"Pushgateway at {dead} unreachable", w, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ftp://127.0.0.1:9090/", null, "--prometheus-url 'ftp://127.0.0.1:9090/' is not an http(s) URL")]
    [InlineData("http://127.0.0.1:9090/", "file:///tmp/push", "--pushgateway-url 'file:///tmp/push' is not an http(s) URL")]
    public void Constructor_NotHttp_NamesTheParameter(string prometheus, string? pushgateway, string message)
    {
        var e = Assert.Throws<GateConfigurationException>(() => new LiveGateRun(new LiveGateRunOptions
        {
            PrometheusUrl = new Uri(prometheus),
            PushgatewayUrl = pushgateway is null ? null : new Uri(pushgateway),
            Window = _servers.Pass.Window,
        }, TimeProvider.System));

        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    private static LiveGateRunOptions Options(PrometheusServer server, Evidence evidence, Uri? pushgateway) => new()
    {
        PrometheusUrl = server.BaseUrl,
        Window = evidence.Window,
        PnlSigmaUsd = 100m,
        Gates = new GateEvaluationOptions { Source = SourceOptions },
        PushgatewayUrl = pushgateway,
        PushTimeout = TimeSpan.FromSeconds(5),
    };

    private static GateResult Pass(string name, double value, double threshold) =>
        new(name, GateStatus.Pass, value, threshold, "ok so far", threshold - value, false, null);

    private static LiveGateSnapshot Snapshot(GateWindow whole, DateTimeOffset at, params GateResult[] gates) =>
        LiveGateSnapshot.From(new GateReport(GateReport.Combine(gates), new GateWindow(whole.Start, at), gates,
            VarBacktest.NotComputable("test"), new EvidenceRecording(), null, null), whole);
}

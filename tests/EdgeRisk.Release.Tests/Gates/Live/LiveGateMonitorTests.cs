namespace EdgeRisk.Release.Tests.Gates.Live;

/// <summary>
/// Gate scenarios replayed through the live loop on a virtual clock against real Prometheus servers (backfilled with
/// 4 h of 15 s series, one server per scenario, started together): the clock's now is the evidence frontier.
/// </summary>
public sealed class LiveGateMonitorTests : IAsyncLifetime
{
    private const double Minute = 60;
    private const double Hour = 3600;
    private readonly Dictionary<string, (Evidence Evidence, PrometheusServer Server)> _scenarios = new(StringComparer.Ordinal);

    public async Task InitializeAsync()
    {
        var scenarios = new Dictionary<string, Evidence>(StringComparer.Ordinal)
        {
            ["pass"] = Healthy(),
            // The stocks process restarts: from 1h30m15s on, its start time is a new one.
            ["restart"] = Healthy().Set("edgerisk_start_time_seconds", t => t >= Healthy().At((90 * Minute) + 15), (_, _) => Healthy().At(90 * Minute),
                job: "edgerisk-stocks"),
            // A two-minute VaR spike from 2h00m15s.
            ["var-spike"] = Healthy().Set("var_pct", t => t >= Healthy().At((2 * Hour) + 15) && t < Healthy().At((2 * Hour) + 135), (_, _) => 97),
            // Paper drifts 1σ away from sim for half an hour, then tracks it again: recoverable, never a stop.
            ["pnl-drift"] = Healthy().Set("pnl_usd", t => t >= Healthy().At(Hour) && t < Healthy().At(1.5 * Hour), (_, v) => v + 100),
        };
        foreach (var name in new[] { "pnl-drift" })
        {
            // Only the paper book drifts.
            var e = scenarios[name];
            foreach (var s in e.Series.Where(s => s.Name == "pnl_usd" && s.Labels["book"] == "sim"))
            {
                for (var i = 0; i < s.Times.Count; i++)
                {
                    s.Values[i] = Math.Floor((s.Times[i] - e.Window.StartSeconds) / 3600);
                }
            }
        }

        var started = await PrometheusServer.StartManyAsync(scenarios.ToDictionary(s => s.Key, s => s.Value.ToOpenMetrics(), StringComparer.Ordinal));
        foreach (var (key, server) in started)
        {
            _scenarios[key] = (scenarios[key], server);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var (_, server) in _scenarios.Values)
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task StepAsync_RestartEveryMinute_StopsAtFirstMinuteAfterRestart()
    {
        var (evidence, server) = _scenarios["restart"];
        var (monitor, clock) = Monitor(evidence, server);

        var steps = await DriveAsync(monitor, clock, TimeSpan.FromMinutes(1));

        LiveStopAssert.StoppedAt(steps[^1].Stop, GateWindow.FromSeconds(evidence.At(91 * Minute)), GateNames.Continuity, "restart");
        Assert.Equal(91, monitor.Snapshots.Count);
        Assert.All(monitor.Snapshots.SkipLast(1), s => Assert.Null(s.IrreversibleFailure));
        Assert.Equal(GateStatus.Fail, monitor.Outcome.Verdict);
    }

    [Fact]
    public async Task StepAsync_VarSpikeJudgedHourly_BisectsToFirstMinuteOfSpike()
    {
        var (evidence, server) = _scenarios["var-spike"];
        var (monitor, clock) = Monitor(evidence, server);

        var steps = await DriveAsync(monitor, clock, TimeSpan.FromHours(1));

        var stop = LiveStopAssert.StoppedAt(steps[^1].Stop, GateWindow.FromSeconds(evidence.At((2 * Hour) + Minute)), GateNames.Var);
        Assert.Equal(-2, stop.Gate.Margin);
        Assert.Equal(3, steps.Count);
        Assert.Equal(monitor.Snapshots.OrderBy(s => s.Time), monitor.Snapshots);
        Assert.Equal(stop.Time, monitor.Snapshots[^1].Time);
    }

    [Theory]
    [InlineData("pass", GateStatus.Pass)]
    [InlineData("pnl-drift", GateStatus.Fail)]
    public async Task RunToEnd_NoIrreversibleFailure_RunsWholeWindowAndVerdictEqualsOffline(string scenario, GateStatus verdict)
    {
        var (evidence, server) = _scenarios[scenario];
        var (monitor, clock) = Monitor(evidence, server);

        var steps = await DriveAsync(monitor, clock, TimeSpan.FromMinutes(20));

        Assert.Null(steps[^1].Stop);
        Assert.Equal(evidence.Window.End, monitor.Snapshots[^1].Time);
        var offline = await LiveScenarios.EvaluateOfflineAsync(server, evidence);
        var last = Assert.IsType<GateReport>(monitor.Outcome.Last);
        Assert.Equal(verdict, offline.Verdict);
        Assert.Equal(offline.Verdict, monitor.Outcome.Verdict);
        Assert.Equal(offline.Gates.Select(g => (g.Name, g.Status, g.Value, g.Margin)), last.Gates.Select(g => (g.Name, g.Status, g.Value, g.Margin)));
        if (scenario == "pnl-drift")
        {
            // The breach showed while it lasted and the run went on.
            Assert.Contains(monitor.Snapshots, s => s.Time < GateWindow.FromSeconds(evidence.At(1.5 * Hour))
                && s.Gates.Single(g => g.Name == GateNames.PnlDrift) is { Status: GateStatus.Fail, Irreversible: false, Margin: < 0 });
        }
    }

    [Fact]
    public async Task ExportedSeries_BackfilledIntoPrometheus_MatchGatesJsonAndOmitInconclusiveMargins()
    {
        var (evidence, server) = _scenarios["pnl-drift"];
        var (monitor, clock) = Monitor(evidence, server);
        await DriveAsync(monitor, clock, TimeSpan.FromMinutes(30));
        using var output = new TempDirectory("live-gates");
        await GateReportWriter.WriteAsync(monitor.Outcome.Last!, output.Combine("gates"));
        using var gatesJson = JsonDocument.Parse(await File.ReadAllBytesAsync(output.Combine("gates", "gates.json")));

        await using var exported = await PrometheusServer.StartAsync(
            openMetricsBackfill: GateMetricsExporter.ToOpenMetrics(monitor.Snapshots, TimeSpan.FromSeconds(15)));
        using var http = new HttpClient { BaseAddress = exported.BaseUrl };

        var end = evidence.Window.EndSeconds;
        foreach (var gate in gatesJson.RootElement.GetProperty("gates").EnumerateArray())
        {
            var name = gate.GetProperty("name").GetString();
            var expected = gate.GetProperty("status").GetString() switch { "PASS" => 0, "FAIL" => 1, _ => 2 };
            Assert.Equal([expected], await QueryAsync(http, $"edgerisk_gate_status{{gate=\"{name}\"}}", end));
        }

        Assert.Equal("FAIL", gatesJson.RootElement.GetProperty("verdict").GetString());
        Assert.Equal([1.0], await QueryAsync(http, "edgerisk_release_verdict", end));
        Assert.Equal([1.0], await QueryAsync(http, "edgerisk_gate_window_coverage_ratio", end));

        // After 1 h the RSS gate cannot judge yet (warm-up + two hours): status inconclusive, margin absent rather than 0.
        var early = evidence.At(Hour);
        Assert.Equal([2.0], await QueryAsync(http, "edgerisk_gate_status{gate=\"rss_drift\"}", early));
        Assert.Empty(await QueryAsync(http, "edgerisk_gate_margin{gate=\"rss_drift\"}", early));
        Assert.Equal([3 * Hour], await QueryAsync(http, "edgerisk_gate_window_remaining_seconds", early));
        // Held between judgements: every scrape step has the latest judgement.
        Assert.Equal([2.0], await QueryAsync(http, "edgerisk_gate_status{gate=\"rss_drift\"}", early + 45));
    }

    [Fact]
    public async Task StepAsync_PrometheusWithoutData_InconclusiveWithMarginsAbsent()
    {
        var (evidence, _) = _scenarios["pass"];
        var url = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var clock = new FakeTimeProvider(evidence.Window.Start);
        var monitor = new LiveGateMonitor(new LiveGateOptions { Window = evidence.Window, PnlSigmaUsd = 100m },
            new PrometheusLiveEvidence(url, SourceOptions with { MaxRetries = 0 }, null, clock, TimeSpan.Zero), clock);

        clock.Advance(TimeSpan.FromMinutes(5));
        var step = await monitor.StepAsync(CancellationToken.None);

        Assert.Null(step.Stop);
        Assert.All(step.Snapshots, s =>
        {
            Assert.Equal(GateStatus.Inconclusive, s.Verdict);
            Assert.All(s.Gates, g => Assert.Equal((GateStatus.Inconclusive, (double?)null), (g.Status, g.Margin)));
        });
        var samples = GateMetricsExporter.Samples(step.Snapshots[^1]);
        Assert.DoesNotContain(samples, s => s.Family == GateMetricsExporter.Margin);
        Assert.All(samples.Where(s => s.Family == GateMetricsExporter.Status), s => Assert.Equal(2, s.Value));
    }

    private static PrometheusSourceOptions SourceOptions => LiveScenarios.SourceOptions;

    /// <summary>The healthy 4 h soak shared with the staging dry-run tests.</summary>
    private static Evidence Healthy() => LiveScenarios.Healthy();

    private static (LiveGateMonitor Monitor, FakeTimeProvider Clock) Monitor(Evidence evidence, PrometheusServer server)
    {
        var clock = new FakeTimeProvider(evidence.Window.Start);
        var live = new PrometheusLiveEvidence(server.BaseUrl, SourceOptions, null, clock, TimeSpan.Zero);
        return (new LiveGateMonitor(new LiveGateOptions { Window = evidence.Window, PnlSigmaUsd = 100m }, live, clock), clock);
    }

    /// <summary>Moves the virtual clock by <paramref name="step"/> and lets the loop look, until it is done.</summary>
    private static async Task<List<LiveGateStep>> DriveAsync(LiveGateMonitor monitor, FakeTimeProvider clock, TimeSpan step)
    {
        var steps = new List<LiveGateStep>();
        for (var i = 0; i < 1000; i++)
        {
            clock.Advance(step);
            steps.Add(await monitor.StepAsync(CancellationToken.None));
            if (steps[^1].Done)
            {
                return steps;
            }
        }

        throw new InvalidOperationException("the live loop never finished");
    }

    private static async Task<List<double>> QueryAsync(HttpClient http, string query, double at)
    {
        var url = $"api/v1/query?query={Uri.EscapeDataString(query)}&time={at.ToString("0.###", CultureInfo.InvariantCulture)}";
        using var json = JsonDocument.Parse(await http.GetStringAsync(new Uri(url, UriKind.Relative)));
        return json.RootElement.GetProperty("data").GetProperty("result").EnumerateArray()
            .Select(r => double.Parse(r.GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture)).ToList();
    }
}

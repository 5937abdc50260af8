namespace EdgeRisk.Release.Tests.Gates;

/// <summary>End to end against real Prometheus servers backfilled with 48 h of 15 s series (one server per scenario, started together).</summary>
public sealed class PrometheusGateTests : IAsyncLifetime
{
    private const double Hour = 3600;
    private readonly Dictionary<string, PrometheusServer> _servers = new(StringComparer.Ordinal);

    public async Task InitializeAsync()
    {
        var scenarios = new Dictionary<string, Evidence>(StringComparer.Ordinal)
        {
            ["pass"] = Evidence.Healthy(),
            ["stopped-mid-way"] = Evidence.Healthy(),
            // Breach scenarios hold only the series their gate reads, to keep the backfills small.
            ["restart"] = Evidence.Healthy().Set("edgerisk_start_time_seconds", t => t >= Evidence.End.ToUnixTimeSeconds() - (10 * Hour), (t, _) => t, job: "edgerisk-stocks")
                .Only("up", "edgerisk_start_time_seconds"),
            // The real start moves while the trading clock's start stays: not a restart of the trading process.
            ["real-start-only"] = Evidence.Healthy().Set("process_start_time_seconds", t => t >= Evidence.End.ToUnixTimeSeconds() - (10 * Hour), (t, _) => t, job: "edgerisk-stocks")
                .Only("up", "edgerisk_start_time_seconds", "process_start_time_seconds"),
            ["var-spike"] = Evidence.Healthy().Set("var_pct", t => t >= Evidence.End.ToUnixTimeSeconds() - (5 * Hour) && t < Evidence.End.ToUnixTimeSeconds() - (5 * Hour) + 120, (_, _) => 97)
                .Only("var_pct"),
            ["critical"] = Evidence.Healthy().WithAlert("VarCritical", "critical", 20 * Hour, (20 * Hour) + 300).Only("ALERTS"),
        };
        var started = await PrometheusServer.StartManyAsync(scenarios.ToDictionary(s => s.Key, s => s.Value.ToOpenMetrics(), StringComparer.Ordinal));
        foreach (var (key, server) in started)
        {
            _servers[key] = server;
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var server in _servers.Values)
        {
            await server.DisposeAsync();
        }
    }

    private static GateEvaluationOptions Options(PrometheusServer server) => new()
    {
        PrometheusUrl = server.BaseUrl,
        WindowEnd = Evidence.End,
        PnlSigmaUsd = 100m,
        Source = new PrometheusSourceOptions { ScrapeInterval = TimeSpan.FromSeconds(15), RetryDelay = TimeSpan.FromMilliseconds(50), MaxRetries = 1 },
    };

    private static Task<GateReport> Evaluate(GateEvaluationOptions options, IProgress<GateProgress>? progress = null) =>
        new GateEvaluator(TimeProvider.System).EvaluateAsync(options, progress, CancellationToken.None);

    [Fact]
    public async Task EvaluateAsync_HealthySoak_PassesAndReportReplaysOffline()
    {
        var report = await Evaluate(Options(_servers["pass"]));

        Assert.True(report.Verdict == GateStatus.Pass, string.Join("\n", report.Gates.Select(g => $"{g.Name} {g.Status} {g.Detail}")));
        using var output = new TempDirectory("gates-out");
        var dir = output.Combine("gates");
        await GateReportWriter.WriteAsync(report, dir);
        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(dir, "gates.json")));
        Assert.Equal("PASS", json.RootElement.GetProperty("verdict").GetString());
        Assert.Equal(5, json.RootElement.GetProperty("gates").GetArrayLength());
        Assert.Equal(["verdict", "window", "gates", "gatesFile"], json.RootElement.EnumerateObject().Select(p => p.Name));
        foreach (var name in GateNames.All)
        {
            var png = await File.ReadAllBytesAsync(Path.Combine(dir, name + ".png"));
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png.Take(4));
            Assert.True(png.Length > 5_000);
        }

        Assert.Contains("**PASS**", await File.ReadAllTextAsync(Path.Combine(dir, "report.md")));
        Assert.DoesNotContain(Directory.GetDirectories(output.Path), d => Path.GetFileName(d).StartsWith('.'));

        var replay = await Evaluate(new GateEvaluationOptions { EvidenceDirectory = Path.Combine(dir, "evidence") });
        Assert.Equal(report.Verdict, replay.Verdict);
        Assert.Equal(report.Window, replay.Window);
        Assert.Equal(report.Gates.Select(g => (g.Name, g.Status, g.Value)), replay.Gates.Select(g => (g.Name, g.Status, g.Value)));
    }

    [Theory]
    [InlineData("restart", GateNames.Continuity)]
    [InlineData("var-spike", GateNames.Var)]
    [InlineData("critical", GateNames.Alerts)]
    public async Task EvaluateAsync_BreachScenario_FailsThatGate(string scenario, string gate)
    {
        var report = await Evaluate(Options(_servers[scenario]));

        Assert.Equal(GateStatus.Fail, report.Verdict);
        var failed = Assert.Single(report.Gates, g => g.Status == GateStatus.Fail);
        Assert.Equal(gate, failed.Name);
        Assert.True(failed.Irreversible);
        Assert.DoesNotContain(report.Gates, g => g.Status == GateStatus.Pass);
    }

    [Fact]
    public async Task EvaluateAsync_RealStartChangesTradingStartSteady_ContinuityPasses()
    {
        var report = await Evaluate(Options(_servers["real-start-only"]));

        var continuity = Assert.Single(report.Gates, g => g.Name == GateNames.Continuity);
        Assert.True(continuity.Status == GateStatus.Pass, continuity.Detail);
    }

    [Fact]
    public async Task EvaluateAsync_TradingStartChanges_ContinuityFailsNamingTheSeries()
    {
        var report = await Evaluate(Options(_servers["restart"]));

        var continuity = Assert.Single(report.Gates, g => g.Name == GateNames.Continuity);
        Assert.Equal(GateStatus.Fail, continuity.Status);
        Assert.Contains("edgerisk_start_time_seconds", continuity.Detail, StringComparison.Ordinal);
        Assert.Contains("(restart)", continuity.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateAsync_PrometheusStoppedMidEvaluation_InconclusiveNeverPass()
    {
        var server = _servers["stopped-mid-way"];
        var stopped = 0;
        var progress = new SyncProgress(_ =>
        {
            if (Interlocked.Exchange(ref stopped, 1) == 0)
            {
                server.StopAsync().AsTask().GetAwaiter().GetResult();
            }
        });

        var report = await Evaluate(Options(server) with
        {
            Source = Options(server).Source with { MaxConcurrentQueries = 1 },
        }, progress);

        Assert.NotEqual(GateStatus.Pass, report.Verdict);
        Assert.Contains(report.Gates, g => g.Status == GateStatus.Inconclusive && g.Detail.Contains("unreachable", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Gates, g => g.Status == GateStatus.Pass && g.Name == GateNames.RssDrift);
    }

    [Fact]
    public async Task EvaluateAsync_NothingListening_AllInconclusiveNamingPrometheus()
    {
        var url = new Uri($"http://127.0.0.1:{FreePort.Next()}/");

        var report = await Evaluate(Options(_servers["pass"]) with { PrometheusUrl = url });

        Assert.Equal(GateStatus.Inconclusive, report.Verdict);
        Assert.All(report.Gates, g => Assert.Equal(GateStatus.Inconclusive, g.Status));
        Assert.Contains($"Prometheus at {url} unreachable after 2 attempts", report.Gates[0].Detail);
    }

    [Fact]
    public async Task PrometheusEvidenceSource_BadSelector_ErrorReplyNamedInMessage()
    {
        var source = new PrometheusEvidenceSource(_servers["pass"].BaseUrl, new PrometheusSourceOptions(), null, TimeProvider.System);

        var error = await Assert.ThrowsAsync<EvidenceUnavailableException>(() =>
            source.GetSeriesAsync("up{", new Evidence().Window, CancellationToken.None));

        Assert.Contains("HTTP 400", error.Message);
        Assert.Contains("bad_data", error.Message);
    }

    private sealed class SyncProgress(Action<GateProgress> report) : IProgress<GateProgress>
    {
        public void Report(GateProgress value) => report(value);
    }
}

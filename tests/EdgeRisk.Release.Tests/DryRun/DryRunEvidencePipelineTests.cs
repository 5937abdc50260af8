namespace EdgeRisk.Release.Tests.DryRun;

/// <summary>The whole local evidence path against a real promtool and Prometheus, with a rule file of the test's own.</summary>
public sealed class DryRunEvidencePipelineTests : IDisposable
{
    private const long S = RecordingBuilder.Start;
    private const string Rules = """
        groups:
          - name: test-risk
            rules:
              - alert: VarHigh
                expr: var_pct > 90
                for: 1m
                labels: {severity: warning}
                annotations: {summary: 'VaR {{ $value }}'}
              - alert: VarCritical
                expr: var_pct > 94
                labels: {severity: critical}
              - alert: JobDown
                expr: up == 0
                for: 30s
                labels: {severity: critical}
        """;

    private readonly TempDirectory _dir = new("dry-run-evidence");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task RunAsync_VarAbove90ForThreeMinutesAndAJobDown_AlertsFireOverTheRightIntervals()
    {
        // crypto: var_pct 95 on the 12 samples S+600 .. S+765 (3 min); stocks never crosses but is down from S+900 to
        // S+1035 (10 grid points); both run 30 min.
        var crypto = new RecordingBuilder().Types().Snapshots(S, 121, i => i is >= 40 and < 52 ? 95 : 50).Write(_dir.Combine("crypto.rec"));
        var stocks = new RecordingBuilder().Types().Snapshots(S, 60, _ => 50).Snapshots(S + 1050, 51, _ => 50, processStart: S + 1040)
            .Write(_dir.Combine("stocks.rec"));
        var rules = _dir.Combine("rules.yml");
        await File.WriteAllTextAsync(rules, Rules);
        var pipeline = new DryRunEvidencePipeline(TimeProvider.System);

        var evidence = await pipeline.RunAsync(new DryRunEvidenceOptions
        {
            RepositoryRoot = _dir.Path,
            Sources = [new RecordedMetricsSource("edgerisk-crypto", crypto), new RecordedMetricsSource("edgerisk-stocks", stocks)],
            RuleFiles = [rules],
        });
        try
        {
            using var http = new HttpClient { BaseAddress = evidence.Url };
            var firing = await SampleTimesAsync(http, "ALERTS{alertname=\"VarHigh\",alertstate=\"firing\",job=\"edgerisk-crypto\",severity=\"warning\"}");
            var pending = await SampleTimesAsync(http, "ALERTS{alertname=\"VarHigh\",alertstate=\"pending\"}");
            var critical = await SampleTimesAsync(http, "ALERTS{alertname=\"VarCritical\",alertstate=\"firing\",job=\"edgerisk-crypto\"}");

            // Held at the evaluations of samples S+660 .. S+765 (4 earlier ones pending): firing for 105 s plus at most one step.
            Assert.Equal(8, firing.Count);
            Assert.All(firing, t => Assert.InRange(t, S + 660, S + 779.999));
            Assert.Equal(4, pending.Count);
            Assert.All(pending, t => Assert.InRange(t, S + 600, S + 659.999));
            Assert.Equal(12, critical.Count);
            Assert.All(critical, t => Assert.InRange(t, S + 600, S + 779.999));
            Assert.Empty(await SampleTimesAsync(http, "ALERTS{alertname=~\"Var.*\",job=\"edgerisk-stocks\"}"));
            // up == 0 for 30 s = 3 consecutive grid points: pending on the first 2 of the 10, firing on the other 8.
            var down = await SampleTimesAsync(http, "ALERTS{alertname=\"JobDown\",alertstate=\"firing\",job=\"edgerisk-stocks\"}");
            Assert.Equal(8, down.Count);
            Assert.All(down, t => Assert.InRange(t, S + 930, S + 1049.999));
            Assert.Equal(2, (await SampleTimesAsync(http, "ALERTS{alertname=\"JobDown\",alertstate=\"pending\"}")).Count);
            Assert.Empty(await SampleTimesAsync(http, "ALERTS{alertname=\"JobDown\",job=\"edgerisk-crypto\"}"));
            Assert.InRange((await SampleTimesAsync(http, "edgerisk_rules_evaluated")).Count, 120, 123);
            Assert.Equal(new EvidenceWindow(DateTimeOffset.FromUnixTimeSeconds(S), DateTimeOffset.FromUnixTimeSeconds(S + 1800)), evidence.Window);
            Assert.Equal(3, evidence.AlertingRules);

            using var loaded = JsonDocument.Parse(await http.GetStringAsync(new Uri("api/v1/rules", UriKind.Relative)));
            var group = Assert.Single(loaded.RootElement.GetProperty("data").GetProperty("groups").EnumerateArray());
            Assert.Equal(3, group.GetProperty("rules").GetArrayLength());
            var state = EvidencePrometheusState.Load(evidence.StateFile);
            Assert.Equal((evidence.Pid, evidence.Port), (state!.Pid, state.Port));
        }
        finally
        {
            await pipeline.StopAsync(evidence.StateFile);
        }

        Assert.False(File.Exists(evidence.StateFile));
        Assert.False(File.Exists($"/proc/{evidence.Pid}/cmdline") && File.ReadAllText($"/proc/{evidence.Pid}/cmdline").Contains("prometheus", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_NoSnapshotRecorded_FailsBeforeStartingPrometheus()
    {
        var empty = _dir.Combine("empty.rec");
        await File.WriteAllTextAsync(empty, string.Empty);

        var error = await Assert.ThrowsAsync<DryRunException>(() => new DryRunEvidencePipeline(TimeProvider.System).RunAsync(new DryRunEvidenceOptions
        {
            RepositoryRoot = _dir.Path,
            Sources = [new RecordedMetricsSource("edgerisk-crypto", empty)],
            RuleFiles = [],
        }));

        Assert.Contains("no complete snapshot", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.Combine("artifacts", "dry-run", DryRunEvidencePipeline.StateFileName)));
    }

    /// <summary>The raw sample times of <paramref name="selector"/> over the whole test window.</summary>
    private static async Task<List<double>> SampleTimesAsync(HttpClient http, string selector)
    {
        var query = $"api/v1/query?query={Uri.EscapeDataString(selector + "[3h]")}&time={(S + 7200).ToString(CultureInfo.InvariantCulture)}";
        using var document = JsonDocument.Parse(await http.GetStringAsync(new Uri(query, UriKind.Relative)));
        return document.RootElement.GetProperty("data").GetProperty("result").EnumerateArray()
            .SelectMany(series => series.GetProperty("values").EnumerateArray())
            .Select(point => point[0].GetDouble())
            .Order()
            .ToList();
    }
}

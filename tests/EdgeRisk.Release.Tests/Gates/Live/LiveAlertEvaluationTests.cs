namespace EdgeRisk.Release.Tests.Gates.Live;

/// <summary>
/// The alert rules judged live in the local profile: the growing recordings written into a real Prometheus (remote
/// write), the rules evaluated on their virtual clock, and the live gates stopping at the minute an alert episode makes
/// the alerts gate fail for good — the same answer as the end-of-run backfill.
/// </summary>
public sealed class LiveAlertEvaluationTests : IAsyncLifetime
{
    private const long Start = LiveRecordings.Start;
    private const int Snapshots = 960;     // 4 h every 15 s
    private static readonly TimeSpan Planned = LiveRecordings.Planned;
    private const string Rules = AlertRuleFiles.VarHigh + "\n" + """
              - alert: HealthcheckFailing
                expr: edgerisk_virtual_time_seconds - edgerisk_heartbeat_timestamp_seconds > 30
                labels: {severity: critical}
              - alert: TradingJobDown
                expr: up{job=~"edgerisk-crypto|edgerisk-stocks"} == 0
                for: 30s
                labels: {severity: critical}
        """;

    private readonly TempDirectory _dir = new("live-alerts");
    private LiveAlertsPrometheus? _prometheus;

    public async Task InitializeAsync()
    {
        var rules = _dir.Combine("rules.yml");
        await File.WriteAllTextAsync(rules, Rules);
        _prometheus = await LiveAlertsPrometheus.StartAsync(_dir.Path, [rules], TimeSpan.FromSeconds(15), Planned, TimeProvider.System,
            CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_prometheus is not null)
        {
            await _prometheus.DisposeAsync();
        }

        _dir.Dispose();
    }

    [Fact]
    public async Task StepAsync_ThirdWarningEpisode_StopsAtTheFirstMinuteItFires()
    {
        // VarHigh (var_pct > 90 for 30 s) on samples 100..107, 250..257 and 400..407: each fires from its third sample.
        var episodes = new[] { 100, 250, 400 };
        var (crypto, stocks) = LiveRecordings.Write(_dir,
            LiveRecordings.Snapshots(0, 300, varPct: i => episodes.Any(e => i >= e && i < e + 8) ? 92 : 40.0), LiveRecordings.Snapshots(0, 300));
        var (monitor, evidence) = Monitor();

        var before = await monitor.StepAsync(CancellationToken.None);
        Assert.Null(before.Stop);
        Assert.Equal(GateStatus.Pass, Alerts(before.Snapshots[^1]).Status);

        LiveRecordings.Append(crypto, LiveRecordings.Snapshots(300, Snapshots - 300, varPct: i => episodes.Any(e => i >= e && i < e + 8) ? 92 : 40.0));
        LiveRecordings.Append(stocks, LiveRecordings.Snapshots(300, Snapshots - 300));
        evidence.MarkWritersExited();
        var step = await monitor.StepAsync(CancellationToken.None);

        var firing = Start + (15 * 402);
        LiveStopAssert.StoppedAt(step.Stop, FirstMinuteAtOrAfter(firing), GateNames.Alerts, "3 warning episodes (> 2): VarHigh ×3");
        Assert.Null(evidence.AlertsProblem);
    }

    [Fact]
    public async Task StepAsync_CriticalAlertOnlyTheRulesSee_StopsAtItsMinute()
    {
        // The heartbeat freezes at sample 199: virtual time − heartbeat exceeds 30 s from sample 202 (45 s).
        LiveRecordings.Write(_dir, LiveRecordings.Snapshots(0, Snapshots, heartbeat: i => i < 200 ? i : 199), LiveRecordings.Snapshots(0, Snapshots));
        var (monitor, evidence) = Monitor();
        evidence.MarkWritersExited();

        var step = await monitor.StepAsync(CancellationToken.None);

        LiveStopAssert.StoppedAt(step.Stop, FirstMinuteAtOrAfter(Start + (15 * 202)), GateNames.Alerts, "critical HealthcheckFailing");
    }

    [Fact]
    public async Task RunAsync_TwoResolvedWarningEpisodes_RunsToTheEndWithTheOfflineVerdict()
    {
        var episodes = new[] { 100, 500 };
        var (crypto, stocks) = LiveRecordings.Write(_dir,
            LiveRecordings.Snapshots(0, Snapshots, varPct: i => episodes.Any(e => i >= e && i < e + 8) ? 92 : 40.0), LiveRecordings.Snapshots(0, Snapshots));
        var (monitor, evidence) = Monitor();
        evidence.MarkWritersExited();

        using var run = new LiveGateRun(monitor, null, new FakeTimeProvider());
        var (outcome, stops) = await run.RunCollectingStopsAsync();

        Assert.Empty(stops);
        var live = Alerts(outcome.Snapshots[^1]);
        Assert.Equal(GateStatus.Pass, live.Status);
        Assert.Contains("0 critical, 2 warning episode(s), all resolved", live.Detail, StringComparison.Ordinal);
        Assert.Contains("edgerisk_rules_evaluated", live.Detail, StringComparison.Ordinal);

        // Offline: the same recordings backfilled with promtool and the rules recorded as ALERTS over them.
        var evidenceOptions = new DryRunEvidenceOptions
        {
            RepositoryRoot = _dir.Path,
            OutputDirectory = _dir.Combine("offline"),
            Sources = [new RecordedMetricsSource("edgerisk-crypto", crypto), new RecordedMetricsSource("edgerisk-stocks", stocks)],
            RuleFiles = [_dir.Combine("rules.yml")],
            ExpectedDuration = Planned,
        };
        var pipeline = new DryRunEvidencePipeline(TimeProvider.System);
        var offline = await pipeline.RunAsync(evidenceOptions);
        try
        {
            var window = LiveRecordings.Window();
            var report = await new GateEvaluator(TimeProvider.System).EvaluateAsync(new GateEvaluationOptions
            {
                PrometheusUrl = offline.Url,
                WindowEnd = window.End,
                WindowLength = Planned,
                PnlSigmaUsd = 100m,
            }, null, CancellationToken.None);
            var backfilled = report.Gates.Single(g => g.Name == GateNames.Alerts);
            Assert.Equal((backfilled.Status, backfilled.Value, backfilled.Margin), (live.Status, live.Value, live.Margin));
        }
        finally
        {
            await pipeline.StopAsync(offline.StateFile);
        }
    }

    [Fact]
    public async Task StepAsync_OneSnapshotPerJob_NothingEvaluatedOrJudgedYet()
    {
        LiveRecordings.Write(_dir, LiveRecordings.Snapshots(0, 1), LiveRecordings.Snapshots(0, 1));
        var (monitor, evidence) = Monitor();

        var step = await monitor.StepAsync(CancellationToken.None);

        Assert.Empty(step.Snapshots);
        Assert.False(step.Done);
        Assert.Null(_prometheus!.Evaluation.EvaluatedUpTo);
        Assert.Null(evidence.AlertsProblem);
    }

    [Fact]
    public async Task StepAsync_PrometheusGoneMidRun_AlertsInconclusiveAndTheOtherGatesGoOn()
    {
        var (crypto, stocks) = LiveRecordings.Write(_dir, LiveRecordings.Snapshots(0, 300), LiveRecordings.Snapshots(0, 300));
        var (monitor, evidence) = Monitor();
        var before = await monitor.StepAsync(CancellationToken.None);
        Assert.Equal(GateStatus.Pass, Alerts(before.Snapshots[^1]).Status);

        // The Prometheus process dies; the evaluation still holds its client.
        var state = PrometheusProcessState.Load(_dir.Combine(LiveAlertsPrometheus.StateFileName))!;
        await EvidencePrometheus.StopAsync(state.Pid, state.Url, TimeProvider.System, CancellationToken.None);
        LiveRecordings.Append(crypto, LiveRecordings.Snapshots(300, 300));
        LiveRecordings.Append(stocks, LiveRecordings.Snapshots(300, 300));
        var after = await monitor.StepAsync(CancellationToken.None);

        Assert.Null(after.Stop);
        Assert.True(after.Snapshots[^1].Time > before.Snapshots[^1].Time, "the recordings still move the frontier");
        var alerts = Alerts(after.Snapshots[^1]);
        Assert.Equal((GateStatus.Inconclusive, (double?)null), (alerts.Status, alerts.Margin));
        Assert.StartsWith("live alert evaluation stopped: ", evidence.AlertsProblem, StringComparison.Ordinal);
        Assert.Contains(state.Url.ToString(), alerts.Detail, StringComparison.Ordinal);
    }

    private static GateResult Alerts(LiveGateSnapshot snapshot) => snapshot.Gates.Single(g => g.Name == GateNames.Alerts);

    /// <summary>The live gates judge Start − 15 s + k minutes; the first judgement that sees a sample at <paramref name="unixSeconds"/>.</summary>
    private static DateTimeOffset FirstMinuteAtOrAfter(long unixSeconds)
    {
        var start = LiveRecordings.Window().Start.ToUnixTimeSeconds();
        var k = (unixSeconds - start + 59) / 60;
        return DateTimeOffset.FromUnixTimeSeconds(start + (60 * k));
    }

    private (LiveGateMonitor Monitor, RecordedLiveEvidence Evidence) Monitor() =>
        LiveRecordings.Monitor(_dir, new FakeTimeProvider(), _prometheus!.Evaluation);
}

namespace EdgeRisk.Release.Tests.Gates.Live;

/// <summary>The local profile's live evidence: recordings that grow while the monitor reads them, on their virtual clock.</summary>
public sealed class RecordedLiveEvidenceTests : IDisposable
{
    private const long Start = LiveRecordings.Start;
    private readonly TempDirectory _dir = new("live-recordings");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task StepAsync_CrashedAndResumedProcess_FrontierWaitsAndStopsAtFirstMinuteOfRestart()
    {
        var (crypto, stocks) = LiveRecordings.Write(_dir,
            LiveRecordings.Snapshots(0, 120),      // 0 .. 29m45s
            LiveRecordings.Snapshots(0, 81));      // 0 .. 20m00s (the last not known complete yet)
        var (monitor, _) = LiveRecordings.Monitor(_dir, new FakeTimeProvider());

        var first = await monitor.StepAsync(CancellationToken.None);
        Assert.Null(first.Stop);
        Assert.Equal(GateWindow.FromSeconds(Start - 15 + (20 * 60)), first.Snapshots[^1].Time); // last minute before 19m45s
        Assert.All(first.Snapshots, s => Assert.Equal(GateStatus.Inconclusive, s.Gates.Single(g => g.Name == GateNames.Alerts).Status));

        // The crypto process is killed mid-line at 30m00s, restarts, and resumes its virtual time from the journal.
        LiveRecordings.Append(crypto, $"# snapshot {Start + 1800}\nvar_pct 4");
        LiveRecordings.Append(stocks, LiveRecordings.Snapshots(81, 120));
        var waiting = await monitor.StepAsync(CancellationToken.None);
        Assert.Null(waiting.Stop);
        Assert.True(waiting.Snapshots[^1].Time <= GateWindow.FromSeconds(Start + 1785), "the frontier waits for the crashed job");

        LiveRecordings.Append(crypto, LiveRecordings.Snapshots(120, 40, processStart: Start + 1800));
        var stopped = await monitor.StepAsync(CancellationToken.None);

        var stop = LiveStopAssert.StoppedAt(stopped.Stop, GateWindow.FromSeconds(Start - 15 + (31 * 60)), GateNames.Continuity, "(restart)");
        Assert.DoesNotContain("= 0", stop.Gate.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StepAsync_JobDiedForGood_UpZeroStopsAtFirstMinuteAfterItsLastSnapshot()
    {
        LiveRecordings.Write(_dir,
            LiveRecordings.Snapshots(0, 41),       // 0 .. 10m00s, then nothing
            LiveRecordings.Snapshots(0, 960));     // the whole 4 h
        var (monitor, evidence) = LiveRecordings.Monitor(_dir, new FakeTimeProvider());
        evidence.MarkWritersExited();

        var step = await monitor.StepAsync(CancellationToken.None);

        LiveStopAssert.StoppedAt(step.Stop, GateWindow.FromSeconds(Start - 15 + (11 * 60)), GateNames.Continuity, "edgerisk-crypto", "= 0");
    }

    [Fact]
    public async Task RunAsync_HealthyRecordings_RunsToEndWithoutStopAndMissingSeriesStayInconclusive()
    {
        LiveRecordings.Write(_dir, LiveRecordings.Snapshots(0, 960, varPct: _ => null), LiveRecordings.Snapshots(0, 960, varPct: _ => null));
        var (monitor, evidence) = LiveRecordings.Monitor(_dir, new FakeTimeProvider());
        evidence.MarkWritersExited();

        using var run = new LiveGateRun(monitor, null, new FakeTimeProvider());
        var (outcome, stops) = await run.RunCollectingStopsAsync();

        Assert.Empty(stops);
        Assert.Null(outcome.Stop);
        var last = outcome.Snapshots[^1];
        Assert.Equal(GateWindow.FromSeconds(Start - 15) + LiveRecordings.Planned, last.Time);
        Assert.Equal(1, last.CoverageRatio);
        var gates = last.Gates.ToDictionary(g => g.Name);
        Assert.Equal(GateStatus.Pass, gates[GateNames.Continuity].Status);
        Assert.Equal(GateStatus.Pass, gates[GateNames.PnlDrift].Status);
        Assert.Equal(GateStatus.Pass, gates[GateNames.RssDrift].Status);
        // No var_pct recorded: inconclusive with no margin, never "pass so far"; alerts cannot be proven live.
        Assert.Equal((GateStatus.Inconclusive, (double?)null), (gates[GateNames.Var].Status, gates[GateNames.Var].Margin));
        Assert.Equal(RecordedLiveEvidence.AlertsNotLive, gates[GateNames.Alerts].Detail);
        Assert.Equal(GateStatus.Inconclusive, outcome.Verdict);
        Assert.DoesNotContain(GateMetricsExporter.Samples(last), s => s.Series == "edgerisk_gate_margin{gate=\"var\"}");
    }
}

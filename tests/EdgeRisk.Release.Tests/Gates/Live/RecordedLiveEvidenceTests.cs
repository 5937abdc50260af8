namespace EdgeRisk.Release.Tests.Gates.Live;

/// <summary>The local profile's live evidence: recordings that grow while the monitor reads them, on their virtual clock.</summary>
public sealed class RecordedLiveEvidenceTests : IDisposable
{
    private const long Start = LiveRecordings.Start;
    private static readonly TimeSpan Planned = TimeSpan.FromHours(4);
    private readonly TempDirectory _dir = new("live-recordings");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task StepAsync_CrashedAndResumedProcess_FrontierWaitsAndStopsAtFirstMinuteOfRestart()
    {
        var (monitor, _, crypto, stocks) = Monitor(
            LiveRecordings.Snapshots(0, 120),      // 0 .. 29m45s
            LiveRecordings.Snapshots(0, 81));      // 0 .. 20m00s (the last not known complete yet)

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

        var stop = Assert.IsType<LiveGateStop>(stopped.Stop);
        Assert.Equal(GateWindow.FromSeconds(Start - 15 + (31 * 60)), stop.Time);
        Assert.Equal(GateNames.Continuity, stop.Gate.Name);
        Assert.Contains("(restart)", stop.Gate.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("= 0", stop.Gate.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StepAsync_JobDiedForGood_UpZeroStopsAtFirstMinuteAfterItsLastSnapshot()
    {
        var (monitor, evidence, _, _) = Monitor(
            LiveRecordings.Snapshots(0, 41),       // 0 .. 10m00s, then nothing
            LiveRecordings.Snapshots(0, 960));     // the whole 4 h
        evidence.MarkWritersExited();

        var step = await monitor.StepAsync(CancellationToken.None);

        var stop = Assert.IsType<LiveGateStop>(step.Stop);
        Assert.Equal(GateWindow.FromSeconds(Start - 15 + (11 * 60)), stop.Time);
        Assert.Equal(GateNames.Continuity, stop.Gate.Name);
        Assert.Contains("edgerisk-crypto", stop.Gate.Detail, StringComparison.Ordinal);
        Assert.Contains("= 0", stop.Gate.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_HealthyRecordings_RunsToEndWithoutStopAndMissingSeriesStayInconclusive()
    {
        var (monitor, evidence, _, _) = Monitor(
            LiveRecordings.Snapshots(0, 960, varPct: _ => null),
            LiveRecordings.Snapshots(0, 960, varPct: _ => null));
        evidence.MarkWritersExited();

        using var run = new LiveGateRun(monitor, null, new FakeTimeProvider());
        var (outcome, stops) = await run.RunCollectingStopsAsync();

        Assert.Empty(stops);
        Assert.Null(outcome.Stop);
        var last = outcome.Snapshots[^1];
        Assert.Equal(GateWindow.FromSeconds(Start - 15) + Planned, last.Time);
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

    /// <summary>
    /// The two jobs' recordings begun with <paramref name="cryptoSnapshots"/> and <paramref name="stocksSnapshots"/>, and
    /// the monitor reading them; a test grows the recordings at the returned paths.
    /// </summary>
    private (LiveGateMonitor Monitor, RecordedLiveEvidence Evidence, string Crypto, string Stocks) Monitor(
        string cryptoSnapshots, string stocksSnapshots)
    {
        var crypto = _dir.Combine("edgerisk-crypto.metrics");
        var stocks = _dir.Combine("edgerisk-stocks.metrics");
        LiveRecordings.Append(crypto, cryptoSnapshots);
        LiveRecordings.Append(stocks, stocksSnapshots);
        var evidence = new RecordedLiveEvidence(
            [new RecordedMetricsSource("edgerisk-crypto", crypto), new RecordedMetricsSource("edgerisk-stocks", stocks)],
            new RecordedLiveEvidenceOptions { ExpectedDuration = Planned });
        var window = GateWindow.Ending(DateTimeOffset.FromUnixTimeSeconds(Start) + Planned - TimeSpan.FromSeconds(15), Planned);
        var monitor = new LiveGateMonitor(new LiveGateOptions { Window = window, PnlSigmaUsd = 100m }, evidence, new FakeTimeProvider());
        return (monitor, evidence, crypto, stocks);
    }
}

using EdgeRisk.Release.DryRun.Progress;

namespace EdgeRisk.Release.Tests.DryRun.Progress;

/// <summary>The plain status line of CI and redirected output: at every N virtual hours, never in between.</summary>
public sealed class DryRunProgressLinesTests
{
    private static readonly TimeSpan Total = TimeSpan.FromHours(48);

    [Fact]
    public void Report_EveryQuarterHourForTwelveHours_PrintsAtSixAndTwelveHoursOnly()
    {
        var lines = new List<string>();
        var sink = new DryRunProgressLines(lines.Add, TimeSpan.FromHours(6));

        for (var minutes = 0; minutes <= 12 * 60; minutes += 15)
        {
            sink.Report(Progress(TimeSpan.FromMinutes(minutes)));
            sink.Report(Progress(TimeSpan.FromMinutes(minutes)));
        }

        Assert.Equal(2, lines.Count);
        Assert.StartsWith("dry run: virtual 6h/48h, ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("dry run: virtual 12h/48h, ", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Report_JumpOverSeveralMarks_PrintsOneLine()
    {
        var lines = new List<string>();
        var sink = new DryRunProgressLines(lines.Add, TimeSpan.FromHours(2));

        sink.Report(Progress(TimeSpan.FromMinutes(90)));
        sink.Report(Progress(TimeSpan.FromHours(7)));
        sink.Report(Progress(TimeSpan.FromHours(7.5)));

        Assert.Equal(["dry run: virtual 7h/48h, 5,120 events, 37 fills, gates: var PASS +0.42, pnl_drift WAITING"], lines);
    }

    [Fact]
    public void Report_FinishedEarlyBetweenMarks_PrintsTheLastStateOnce()
    {
        var lines = new List<string>();
        var sink = new DryRunProgressLines(lines.Add, TimeSpan.FromHours(6));

        sink.Report(Progress(TimeSpan.FromHours(6)));
        sink.Report(Progress(TimeSpan.FromMinutes(630)) with { Finished = true });
        sink.Report(Progress(TimeSpan.FromMinutes(630)) with { Finished = true });

        Assert.Equal(2, lines.Count);
        Assert.StartsWith("dry run: virtual 10h30m/48h, ", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ZeroInterval_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DryRunProgressLines(_ => { }, TimeSpan.Zero));
    }

    [Fact]
    public void Line_NotJudgedLive_SaysSoInsteadOfGates()
    {
        var progress = new DryRunProgress(TimeSpan.FromHours(48), Total, 1_234_567, 0, []);

        Assert.Equal("dry run: virtual 48h/48h, 1,234,567 events, 0 fills, gates: not judged live", progress.Line());
    }

    [Fact]
    public void Line_FailedAndInconclusiveGates_ShowsNegativeMarginAndNoMarginWhenUnknown()
    {
        var progress = Progress(TimeSpan.FromHours(12)) with
        {
            Gates = [new DryRunGateProgress(GateNames.Continuity, GateStatus.Fail, -1), new DryRunGateProgress(GateNames.Alerts, GateStatus.Inconclusive, null)],
        };

        Assert.EndsWith("gates: continuity FAIL -1, alerts INCONCLUSIVE", progress.Line(), StringComparison.Ordinal);
    }

    private static DryRunProgress Progress(TimeSpan elapsed) =>
        new(elapsed, Total, 5120, 37, [new DryRunGateProgress(GateNames.Var, GateStatus.Pass, 0.42), new DryRunGateProgress(GateNames.PnlDrift, null, null)]);
}

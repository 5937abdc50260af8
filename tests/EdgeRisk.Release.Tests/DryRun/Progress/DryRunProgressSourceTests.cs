using EdgeRisk.Release.DryRun.Progress;

namespace EdgeRisk.Release.Tests.DryRun.Progress;

/// <summary>The dry run's progress read from the processes' growing recordings, as the local dry run writes them.</summary>
public sealed class DryRunProgressSourceTests : IDisposable
{
    private const long Start = 1504396800; // 2017-09-03T00:00:00Z
    private readonly TempDirectory _dir = new("dry-run-progress");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Read_RecordingsGrowWithARestart_ElapsedFromFirstSnapshotAndCountersSummedAcrossTheRestart()
    {
        var crypto = _dir.Combine("edgerisk-crypto.metrics");
        var stocks = _dir.Combine("edgerisk-stocks.metrics");
        // 0 .. 2h: crypto handles 10 events and gets 1 fill per snapshot, stocks 2 events.
        File.AppendAllText(crypto, Snapshots(0, 481, events: i => 10 * i, fills: i => i));
        File.AppendAllText(stocks, Snapshots(0, 481, events: i => 2 * i, fills: _ => 0));
        var source = new DryRunProgressSource([new RecordedMetricsSource("edgerisk-crypto", crypto), new RecordedMetricsSource("edgerisk-stocks", stocks)],
            TimeSpan.FromHours(48), liveGates: false);

        var first = source.Read(writersExited: false);

        // The last snapshot (2h) is not known complete until the next header follows.
        Assert.Equal(TimeSpan.FromMinutes(119.75), first.Elapsed);
        Assert.Equal((10 * 479) + (2 * 479), first.Events);
        Assert.Equal(479, first.Fills);
        Assert.Empty(first.Gates);
        Assert.False(first.Finished);

        // The crypto process restarts after 2h: its counters start again at zero.
        File.AppendAllText(crypto, Snapshots(481, 240, events: i => 10 * (i - 481), fills: i => i - 481));
        File.AppendAllText(stocks, Snapshots(481, 240, events: i => 2 * i, fills: _ => 0));

        var last = source.Read(writersExited: true);

        Assert.Equal(TimeSpan.FromHours(3), last.Elapsed);
        Assert.Equal((10 * 480) + (10 * 239) + (2 * 720), last.Events);
        Assert.Equal(480 + 239, last.Fills);
        Assert.True(last.Finished);
    }

    [Fact]
    public void Read_LiveGates_WaitingUntilTheFirstJudgementThenItsStatusesAndMargins()
    {
        var crypto = _dir.Combine("edgerisk-crypto.metrics");
        File.AppendAllText(crypto, Snapshots(0, 10, events: i => i, fills: _ => 0));
        var source = new DryRunProgressSource([new RecordedMetricsSource("edgerisk-crypto", crypto)], TimeSpan.FromHours(48), liveGates: true);

        var before = source.Read(writersExited: false);
        source.Observe(new LiveGateSnapshot(DateTimeOffset.FromUnixTimeSeconds(Start + 60), GateStatus.Inconclusive,
            [new GateResult(GateNames.Var, GateStatus.Pass, 40, 95, "ok", 55, false, null), GateResult.Inconclusive(GateNames.Alerts, 0, "not yet")], 0.1,
            TimeSpan.FromHours(47)));
        var after = source.Read(writersExited: false);

        Assert.Equal(5, before.Gates.Count);
        Assert.All(before.Gates, g => Assert.Equal("WAITING", g.StatusText));
        Assert.Equal(["var PASS +55", "alerts INCONCLUSIVE"], after.Gates.Select(g => g.Text()));
    }

    [Fact]
    public async Task ReportAsync_RunAlreadyEnded_ReportsOnceAsFinished()
    {
        var crypto = _dir.Combine("edgerisk-crypto.metrics");
        File.AppendAllText(crypto, Snapshots(0, 5, events: i => i, fills: _ => 0));
        var source = new DryRunProgressSource([new RecordedMetricsSource("edgerisk-crypto", crypto)], TimeSpan.FromHours(1), liveGates: false);
        var reports = new Recorder();

        var last = await source.ReportAsync(reports, Task.CompletedTask, TimeSpan.FromSeconds(1), TimeProvider.System, CancellationToken.None);

        var only = Assert.Single(reports.Seen);
        Assert.Same(last, only);
        Assert.True(only.Finished);
        Assert.Equal(TimeSpan.FromMinutes(1), only.Elapsed);
        Assert.Equal(4, only.Events);
    }

    private static string Snapshots(int from, int count, Func<int, long> events, Func<int, long> fills)
    {
        var text = new StringBuilder();
        for (var i = from; i < from + count; i++)
        {
            var t = Start + (15L * i);
            var ms = t * 1000;
            text.Append(CultureInfo.InvariantCulture, $"# snapshot {t}\n")
                .Append(CultureInfo.InvariantCulture, $"tick_to_decision_seconds_count {events(i)} {ms}\n")
                .Append(CultureInfo.InvariantCulture, $"fills_total{{symbol=\"BTC-USD\",book=\"paper\"}} {fills(i)} {ms}\n")
                .Append(CultureInfo.InvariantCulture, $"var_pct 40 {ms}\n");
        }

        return text.ToString();
    }

    private sealed class Recorder : IDryRunProgressSink
    {
        public List<DryRunProgress> Seen { get; } = [];

        public void Report(DryRunProgress progress) => Seen.Add(progress);
    }
}

using EdgeRisk.Trading.Composition;
using EdgeRisk.Tuning.Scheduling;

namespace EdgeRisk.Tuning.Tests.Tune;

public sealed class TuneRunTests : IDisposable
{
    private readonly TempDirectory _root = new("edgerisk-tune");

    public TuneRunTests()
    {
        Directory.CreateDirectory(_root.Combine("config"));
        foreach (var name in new[] { "strategy.json", "router.json" })
        {
            File.Copy(RepositoryRoot.Combine("config", name), _root.Combine("config", name));
        }

        File.Copy(RepositoryRoot.Combine("config", "tune-space.json"), _root.Combine("tune-space.json"));
        Directory.CreateDirectory(_root.Combine("starts"));
    }

    public void Dispose() => _root.Dispose();

    private string ConfigDirectory => _root.Combine("config");

    private TuneOptions Options(ITrialCommand command, int trials = 8) => new()
    {
        ConfigDirectory = ConfigDirectory,
        SpaceFile = _root.Combine("tune-space.json"),
        OutputRoot = _root.Combine("tune"),
        TrialCommand = command,
        Trials = trials,
        BatchSize = 2,
        TopK = 3,
        Seed = 7,
    };

    [Fact]
    public async Task RunAsync_EightRealBacktestsParallelTwo_WritesProposalTrialsAndReportAndTheProposalLoads()
    {
        var trading = Path.Combine(AppContext.BaseDirectory, "edgerisk-trading.dll");
        var command = new BacktestTrialCommand(["dotnet", trading], RepositoryRoot.Combine("data", "lean"));
        var lines = new List<string>();
        ShippedTuneFiles.Write(ConfigDirectory, _root.Combine("tune-space.json"));

        var outcome = await TuneRun.RunAsync(Options(command), new LocalTrialScheduler(new LocalSchedulerOptions { Parallelism = 2 }), lines.Add, CancellationToken.None);

        Assert.Equal(8, outcome.Trials.Count);
        Assert.Equal(8, outcome.TrialsRunNow);
        Assert.NotNull(outcome.Proposal);
        Assert.True(outcome.Proposal!.Validation!.Feasible);
        var loaded = TradingConfigLoader.LoadDirectory(outcome.ProposalDirectory!);
        Assert.Equal(outcome.Proposal.Values[0], loaded.Router.TrendEnter, 9);
        Assert.Equal(9, File.ReadAllLines(Path.Combine(outcome.RunFolder, "trials.csv")).Length);
        Assert.Equal(8, File.ReadAllLines(Path.Combine(outcome.RunFolder, "trials.jsonl")).Length);
        var report = await File.ReadAllTextAsync(outcome.ReportPath);
        Assert.Contains("out of sample", report, StringComparison.Ordinal);
        Assert.Contains("gap", report, StringComparison.Ordinal);
        Assert.True(new FileInfo(Path.Combine(outcome.RunFolder, "convergence.png")).Length > 1000);
        Assert.Contains(lines, l => l.Contains("proposal trial", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_CancelledAfterTheFirstBatches_ResumeRunsOnlyTheMissingTrials()
    {
        var command = new FakeBacktest(_root.Combine("starts"));
        var scheduler = new LocalTrialScheduler(new LocalSchedulerOptions { Parallelism = 2 });
        using var cancel = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => TuneRun.RunAsync(Options(command, trials: 10), scheduler,
            line => { if (line.Contains(" 4/10 trials", StringComparison.Ordinal)) { cancel.Cancel(); } }, cancel.Token));
        Assert.Equal(4, Enumerable.Range(0, 10).Count(n => command.StartsOf("2017-09-03", TuneRun.TrialId(n)) > 0));

        var outcome = await TuneRun.RunAsync(Options(command, trials: 10), scheduler, _ => { }, CancellationToken.None);

        Assert.Equal(6, outcome.TrialsRunNow);
        Assert.All(Enumerable.Range(0, 10), n => Assert.Equal(1, command.StartsOf("2017-09-03", TuneRun.TrialId(n))));
        Assert.Equal(10, outcome.Trials.Count);
        Assert.Equal(Enumerable.Range(0, 10), outcome.Trials.Select(t => t.Number));
    }

    [Fact]
    public async Task RunAsync_ResumedRunMatchesAnUninterruptedOne()
    {
        var command = new FakeBacktest(_root.Combine("starts"));
        var scheduler = new LocalTrialScheduler(new LocalSchedulerOptions { Parallelism = 2 });
        using var cancel = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => TuneRun.RunAsync(Options(command, trials: 10) with { RunName = "resumed" }, scheduler,
            line => { if (line.Contains(" 6/10 trials", StringComparison.Ordinal)) { cancel.Cancel(); } }, cancel.Token));

        var resumed = await TuneRun.RunAsync(Options(command, trials: 10) with { RunName = "resumed" }, scheduler, _ => { }, CancellationToken.None);
        var whole = await TuneRun.RunAsync(Options(command, trials: 10) with { RunName = "whole" }, scheduler, _ => { }, CancellationToken.None);

        Assert.Equal(whole.Trials.Select(t => t.Values.ToArray()), resumed.Trials.Select(t => t.Values.ToArray()));
        Assert.Equal(whole.Proposal!.Number, resumed.Proposal!.Number);
    }

    [Fact]
    public async Task RunAsync_WithoutApply_LeavesConfigUntouched()
    {
        var before = Snapshot();

        var outcome = await TuneRun.RunAsync(Options(new FakeBacktest(_root.Combine("starts"))), new LocalTrialScheduler(new LocalSchedulerOptions { Parallelism = 2 }), _ => { }, CancellationToken.None);

        Assert.NotNull(outcome.ProposalDirectory);
        Assert.NotEqual(File.ReadAllText(Path.Combine(outcome.ProposalDirectory!, "router.json")), before["router.json"]);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task RunAsync_WithApply_WritesTheProposalIntoConfig()
    {
        var outcome = await TuneRun.RunAsync(Options(new FakeBacktest(_root.Combine("starts"))) with { ApplyTo = ConfigDirectory },
            new LocalTrialScheduler(new LocalSchedulerOptions { Parallelism = 2 }), _ => { }, CancellationToken.None);

        foreach (var name in new[] { "strategy.json", "router.json" })
        {
            Assert.Equal(File.ReadAllText(Path.Combine(outcome.ProposalDirectory!, name)), File.ReadAllText(Path.Combine(ConfigDirectory, name)));
        }

        Assert.Empty(Directory.GetFiles(ConfigDirectory, ".*"));
        TradingConfigLoader.LoadDirectory(ConfigDirectory);
    }

    [Fact]
    public async Task RunAsync_NoTrialFeasible_NoProposalAndApplyRefusedWithConfigUntouched()
    {
        var before = Snapshot();
        var options = Options(new FakeBacktest(_root.Combine("starts"))) with
        {
            ApplyTo = ConfigDirectory,
            Objective = new ObjectiveOptions { MaxDrawdown = 0.001 },
        };

        var error = await Assert.ThrowsAsync<TuneException>(() => TuneRun.RunAsync(options, new LocalTrialScheduler(new LocalSchedulerOptions { Parallelism = 2 }), _ => { }, CancellationToken.None));

        Assert.Contains("--apply: no proposal", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task RunAsync_ProposalIsTheBestValidatedNotTheBestInSample()
    {
        var outcome = await TuneRun.RunAsync(Options(new FakeBacktest(_root.Combine("starts")), trials: 12) with { TopK = 12 },
            new LocalTrialScheduler(new LocalSchedulerOptions { Parallelism = 2 }), _ => { }, CancellationToken.None);

        var validated = outcome.Trials.Where(t => t.Validation is { Feasible: true }).ToList();
        Assert.Equal(validated.Max(t => t.Validation!.Objective), outcome.Proposal!.Validation!.Objective);
        Assert.Equal(outcome.Proposal.Tuning.Objective - outcome.Proposal.Validation.Objective, outcome.Proposal.Gap);
    }

    private Dictionary<string, string> Snapshot() => Directory.GetFiles(ConfigDirectory)
        .ToDictionary(f => Path.GetFileName(f), File.ReadAllText, StringComparer.Ordinal);
}

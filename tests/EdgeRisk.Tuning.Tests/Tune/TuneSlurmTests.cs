using EdgeRisk.Trading.Composition;
using EdgeRisk.Tuning.Scheduling;
using EdgeRisk.Tuning.Tests.Scheduling;

namespace EdgeRisk.Tuning.Tests.Tune;

public sealed class TuneSlurmTests(SlurmClusterFixture fixture) : IClassFixture<SlurmClusterFixture>
{
    [RootFact]
    public async Task RunAsync_SlurmSchedulerRealBacktests_WritesProposalTrialsAndReport()
    {
        using var root = new TempDirectory("edgerisk-tune-slurm");
        ShippedTuneFiles.Write(root.Combine("config"), root.Combine("tune-space.json"));

        var command = new BacktestTrialCommand(["dotnet", Path.Combine(AppContext.BaseDirectory, "edgerisk-trading.dll")], RepositoryRoot.Combine("data", "lean"));
        var scheduler = new SlurmTrialScheduler(new SlurmSchedulerOptions { SlurmConf = fixture.Cluster.SlurmConf, PollInterval = TimeSpan.FromMilliseconds(250) });

        var outcome = await TuneRun.RunAsync(new TuneOptions
        {
            ConfigDirectory = root.Combine("config"),
            SpaceFile = root.Combine("tune-space.json"),
            OutputRoot = root.Combine("tune"),
            TrialCommand = command,
            Trials = 6,
            BatchSize = 6,
            TopK = 2,
        }, scheduler, _ => { }, CancellationToken.None);

        Assert.Equal(6, outcome.Trials.Count);
        Assert.NotNull(outcome.Proposal);
        TradingConfigLoader.LoadDirectory(outcome.ProposalDirectory!);
        Assert.True(File.Exists(outcome.ReportPath));
        Assert.Equal(7, File.ReadAllLines(Path.Combine(outcome.RunFolder, "trials.csv")).Length);
        // Tuning round and validation round: each went through a job array.
        Assert.True(Directory.GetFiles(Path.Combine(outcome.RunFolder, "slurm"), "manifest-*.job").Length >= 2, fixture.Cluster.Logs());
    }
}

using EdgeRisk.Tuning.Scheduling;

namespace EdgeRisk.Tuning.Tests.Scheduling;

public sealed class SlurmTrialSchedulerTests(SlurmClusterFixture fixture) : IClassFixture<SlurmClusterFixture>
{
    private SlurmTrialScheduler Scheduler(int retries = 2, int trialsPerTask = 0) => new(new SlurmSchedulerOptions
    {
        SlurmConf = fixture.Cluster.SlurmConf,
        Retries = retries,
        TrialsPerTask = trialsPerTask,
        PollInterval = TimeSpan.FromMilliseconds(250),
    });

    [RootFact]
    public async Task RunAsync_TenTaskArray_YieldsTenResults()
    {
        using var dir = new TempDirectory("slurm-trials");
        var starts = TrialCommands.StartsIn(dir);
        var trials = TrialCommands.Numbered(10, starts);

        var results = await TrialCommands.CollectAsync(Scheduler(trialsPerTask: 1), new TrialBatch(dir.Combine("run"), trials));

        Assert.Equal(trials.Select(t => t.Id).Order(), results.Select(r => r.TrialId).Order());
        Assert.All(results, r => Assert.True(r.Succeeded, r.LogTail + fixture.Cluster.Logs()));
        Assert.All(trials, t => Assert.Equal(1, TrialCommands.Starts(starts, t.Id)));
        // One array: every start recorded the same Slurm job id.
        Assert.Single(trials.Select(t => File.ReadAllText(Path.Combine(starts, t.Id)).Split('_')[0]).Distinct());
        Assert.Equal(10, Directory.GetFiles(dir.Combine("run", "slurm"), "*.out").Length);
    }

    [RootFact]
    public async Task RunAsync_TaskRequeuedMidRun_RunsItAgainAndCountsItOnce()
    {
        using var dir = new TempDirectory("slurm-trials");
        var starts = TrialCommands.StartsIn(dir);
        var release = dir.Combine("release");
        var trials = TrialCommands.Numbered(10, starts, waiting: i => i == 3, release);

        var run = TrialCommands.CollectAsync(Scheduler(trialsPerTask: 1), new TrialBatch(dir.Combine("run"), trials));
        await TrialCommands.WaitUntilAsync(() => Task.FromResult(TrialCommands.Starts(starts, "t3") == 1), "t3 running");
        var task = File.ReadAllText(Path.Combine(starts, "t3")).Trim();
        var (exitCode, output) = await fixture.Cluster.RunAsync("scontrol", "requeue", task);
        Assert.True(exitCode == 0, $"scontrol requeue {task}: {output}");
        await TrialCommands.WaitUntilAsync(() => Task.FromResult(TrialCommands.Starts(starts, "t3") == 2),
            $"t3 started again after its requeue (Slurm holds a requeued task {SlurmCluster.RequeueDelaySeconds} s)");
        await File.WriteAllTextAsync(release, "");
        var results = await run;

        Assert.Equal(10, results.Count);
        Assert.All(results, r => Assert.True(r.Succeeded, r.LogTail));
        var requeued = Assert.Single(results, r => r.TrialId == "t3");
        Assert.Equal(1, requeued.Attempts);
        Assert.Equal(new[] { task, task }, File.ReadAllLines(Path.Combine(starts, "t3")));
        Assert.Single(Directory.GetFiles(dir.Combine("run", "results"), "t3*"));
        Assert.Empty(Directory.GetFiles(dir.Combine("run", "results"), ".*"));
    }

    [RootFact]
    public async Task RunAsync_CancelledMidBatchThenStartedAgain_CompletesWithoutRerunningFinishedTrials()
    {
        using var dir = new TempDirectory("slurm-trials");
        var starts = TrialCommands.StartsIn(dir);
        var release = dir.Combine("release");
        // Two trials finish at once, the others wait for the release flag: the cancel lands mid-batch.
        var trials = TrialCommands.Numbered(10, starts, waiting: i => i >= 2, release);
        var batch = new TrialBatch(dir.Combine("run"), trials);
        using var cancel = new CancellationTokenSource();
        var first = new List<TrialResult>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var result in Scheduler().RunAsync(batch, cancel.Token))
            {
                first.Add(result);
                if (first.Count == 2)
                {
                    await cancel.CancelAsync();
                }
            }
        });
        await TrialCommands.WaitUntilAsync(async () => (await fixture.Cluster.RunAsync("squeue", "--noheader")).Output.Trim().Length == 0,
            "the cancelled array left the queue", seconds: 60);
        var finished = Directory.GetFiles(dir.Combine("run", "results"), "*.json").Select(f => Path.GetFileNameWithoutExtension(f)!).ToArray();
        await File.WriteAllTextAsync(release, "");

        var second = await TrialCommands.CollectAsync(Scheduler(), batch);

        Assert.Equal(["t0", "t1"], first.Select(r => r.TrialId).Order());
        Assert.Equal(trials.Select(t => t.Id).Order(), second.Select(r => r.TrialId).Order());
        Assert.All(second, r => Assert.True(r.Succeeded, r.LogTail));
        Assert.All(finished, id => Assert.Equal(1, TrialCommands.Starts(starts, id)));
        Assert.All(second.Where(r => finished.Contains(r.TrialId)), r => Assert.Equal(0, r.Attempts));
        Assert.Equal(2, Directory.GetFiles(dir.Combine("run", "slurm"), "manifest-*.txt").Length);
    }

    [RootFact]
    public async Task RunAsync_DefaultTrialsPerTask_PacksTheBatchIntoFourTasksPerCpu()
    {
        using var dir = new TempDirectory("slurm-trials");
        var starts = TrialCommands.StartsIn(dir);
        var trials = TrialCommands.Numbered(40, starts, twoDigits: true);

        var results = await TrialCommands.CollectAsync(Scheduler(), new TrialBatch(dir.Combine("run"), trials));

        Assert.Equal(40, results.Count(r => r.Succeeded));
        Assert.All(trials, t => Assert.Equal(1, TrialCommands.Starts(starts, t.Id)));
        // 2 CPUs: 8 tasks of 5 trials.
        Assert.Equal(8, File.ReadAllLines(dir.Combine("run", "slurm", "manifest-0001.txt")).Length);
        Assert.Equal(8, Directory.GetFiles(dir.Combine("run", "slurm"), "*.out").Length);
    }

    [RootFact]
    public async Task RunAsync_TrialFailsEveryTime_ResubmittedThenRecordedFailedWithExitCodeAndLogTail()
    {
        using var dir = new TempDirectory("slurm-trials");
        var starts = TrialCommands.StartsIn(dir);
        var batch = new TrialBatch(dir.Combine("run"), [TrialCommands.Failing("bad", starts), TrialCommands.Writing("good", starts)]);

        var results = await TrialCommands.CollectAsync(Scheduler(retries: 1), batch);

        TrialCommands.AssertFailedEveryTime(results, starts, attempts: 2);
        Assert.Equal(1, TrialCommands.Starts(starts, "good"));
    }
}

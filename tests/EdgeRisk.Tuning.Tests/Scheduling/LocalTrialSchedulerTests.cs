using EdgeRisk.Tuning.Scheduling;

namespace EdgeRisk.Tuning.Tests.Scheduling;

public sealed class LocalTrialSchedulerTests
{
    [Fact]
    public async Task RunAsync_TwentyTrialsParallelTwo_YieldsEveryResultOnce()
    {
        using var dir = new TempDirectory("trials");
        var starts = TrialCommands.StartsIn(dir);
        var trials = TrialCommands.Numbered(20, starts, twoDigits: true);

        var results = await TrialCommands.CollectAsync(new LocalTrialScheduler(new() { Parallelism = 2 }), new TrialBatch(dir.Combine("run"), trials));

        Assert.Equal(trials.Select(t => t.Id).Order(), results.Select(r => r.TrialId).Order());
        Assert.All(results, r => Assert.True(r.Succeeded, r.LogTail));
        Assert.All(results, r => Assert.Equal($$"""{"trial":"{{r.TrialId}}"}""", r.Json));
        Assert.All(trials, t => Assert.Equal(1, TrialCommands.Starts(starts, t.Id)));
        Assert.Equal(20, Directory.GetFiles(dir.Combine("run", "results"), "*.json").Length);
        Assert.Empty(Directory.GetFiles(dir.Combine("run", "results"), ".*"));
    }

    [Fact]
    public async Task RunAsync_HalfTheResultsPresent_RunsOnlyTheOtherHalf()
    {
        using var dir = new TempDirectory("trials");
        var starts = TrialCommands.StartsIn(dir);
        var trials = TrialCommands.Numbered(10, starts);
        var results = Directory.CreateDirectory(dir.Combine("run", "results")).FullName;
        foreach (var trial in trials.Take(5))
        {
            await File.WriteAllTextAsync(Path.Combine(results, trial.Id + ".json"), """{"earlier":true}""");
        }

        var all = await TrialCommands.CollectAsync(new LocalTrialScheduler(new() { Parallelism = 2 }), new TrialBatch(dir.Combine("run"), trials));

        Assert.Equal(10, all.Count);
        Assert.All(trials.Take(5), t => Assert.Equal(0, TrialCommands.Starts(starts, t.Id)));
        Assert.All(trials.Skip(5), t => Assert.Equal(1, TrialCommands.Starts(starts, t.Id)));
        Assert.All(all.Where(r => r.Attempts == 0), r => Assert.Equal("""{"earlier":true}""", r.Json));
        Assert.Equal(5, all.Count(r => r.Attempts == 0));
    }

    [Fact]
    public async Task RunAsync_TrialFailsEveryTime_RetriedThenRecordedFailedWithExitCodeAndLogTail()
    {
        using var dir = new TempDirectory("trials");
        var starts = TrialCommands.StartsIn(dir);
        var batch = new TrialBatch(dir.Combine("run"), [TrialCommands.Failing("bad", starts), TrialCommands.Writing("good", starts)]);

        var results = await TrialCommands.CollectAsync(new LocalTrialScheduler(new() { Parallelism = 2, Retries = 2 }), batch);

        TrialCommands.AssertFailedEveryTime(results, starts, attempts: 3);
        Assert.False(File.Exists(dir.Combine("run", "results", "bad.json")));
        Assert.True(Assert.Single(results, r => r.TrialId == "good").Succeeded);
    }

    [Fact]
    public async Task RunAsync_TrialFailsOnce_RetriedAndSucceeds()
    {
        using var dir = new TempDirectory("trials");
        var starts = TrialCommands.StartsIn(dir);

        var results = await TrialCommands.CollectAsync(new LocalTrialScheduler(new() { Parallelism = 1, Retries = 1 }),
            new TrialBatch(dir.Combine("run"), [TrialCommands.FailingOnce("flaky", starts)]));

        var flaky = Assert.Single(results);
        Assert.True(flaky.Succeeded, flaky.LogTail);
        Assert.Equal(2, flaky.Attempts);
    }

    [Fact]
    public async Task RunAsync_CommandExitsZeroWithoutResult_RecordedFailed()
    {
        using var dir = new TempDirectory("trials");
        var silent = new Trial("silent", ["sh", "-c", "true", "sh", Trial.ResultPlaceholder]);

        var results = await TrialCommands.CollectAsync(new LocalTrialScheduler(new() { Retries = 0 }), new TrialBatch(dir.Combine("run"), [silent]));

        var result = Assert.Single(results);
        Assert.Equal(TrialOutcome.Failed, result.Outcome);
        Assert.Contains("without writing its result file", result.LogTail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Cancelled_KillsRunningTrialsAndLeavesNoResult()
    {
        using var dir = new TempDirectory("trials");
        var pids = Directory.CreateDirectory(dir.Combine("pids")).FullName;
        var trials = Enumerable.Range(0, 2).Select(i => new Trial($"slow{i}",
            ["sh", "-c", """echo $$ > "$2/$3"; while true; do sleep 0.1; done""", "sh", Trial.ResultPlaceholder, pids, $"slow{i}"])).ToArray();
        using var cancel = new CancellationTokenSource();

        var run = TrialCommands.CollectAsync(new LocalTrialScheduler(new() { Parallelism = 2 }), new TrialBatch(dir.Combine("run"), trials), cancel.Token);
        await TrialCommands.WaitUntilAsync(() => Task.FromResult(Directory.GetFiles(pids).Count(f => new FileInfo(f).Length > 0) == 2), "both trials started");
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        foreach (var pidFile in Directory.GetFiles(pids))
        {
            var pid = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            await TrialCommands.WaitUntilAsync(() => Task.FromResult(!IsRunning(pid)), $"trial process {pid} gone after cancellation", seconds: 30);
        }

        Assert.Empty(Directory.GetFiles(dir.Combine("run", "results"), "*.json"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("../escape")]
    [InlineData(".hidden")]
    [InlineData("a b")]
    public void Trial_InvalidId_ThrowsNamingTheIdAndTheValidForm(string id)
    {
        var error = Assert.Throws<TrialSchedulingException>(() => new Trial(id, ["true", Trial.ResultPlaceholder]));

        Assert.Contains($"'{id}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("letters, digits", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LocalTrialScheduler_ParallelZero_ThrowsNamingTheFlag()
    {
        var error = Assert.Throws<TrialSchedulingException>(() => new LocalTrialScheduler(new() { Parallelism = 0 }));

        Assert.StartsWith("--parallel 0 is not valid", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Alive and not a zombie waiting to be reaped.</summary>
    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }
}

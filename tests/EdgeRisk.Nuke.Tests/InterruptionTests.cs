using System.Globalization;

namespace EdgeRisk.Nuke.Tests;

/// <summary>A build that is interrupted (SIGINT/SIGTERM) while a target runs.</summary>
public sealed class InterruptionTests
{
    [Fact]
    public async Task RunAsync_InterruptedWhileATargetRuns_CancelsItStartsNothingElseAndExitsWithTheSignalCode()
    {
        using var root = new TempRoot();
        using var interruption = new BuildInterruption();
        var build = new SoakBuild();
        var running = BuildHarness.RunAsync(build, root, ["Promote"], interruption: interruption);
        await build.SoakStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));

        interruption.Interrupt("SIGTERM", 143);
        var run = await running.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(143, run.Result.ExitCode);
        Assert.Equal(TargetStatus.Failed, run.StatusOf("Soak"));
        Assert.Equal("interrupted (SIGTERM)", run.Result.Targets.Single(t => t.Name == "Soak").Reason);
        Assert.True(build.SoakSawCancellation);
        Assert.Equal(TargetStatus.NotRun, run.StatusOf("Promote"));
        Assert.Equal(TargetStatus.NotRun, run.StatusOf("Cleanup"));
        Assert.Equal(["Prepare"], build.Ran);
        Assert.Contains("Interrupted (SIGTERM): Soak stopped before it finished", run.Output, StringComparison.Ordinal);
        Assert.Contains("Build interrupted (SIGTERM).", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnSignals_SigtermToTheProcess_InterruptsInsteadOfEndingIt()
    {
        using var interruption = BuildInterruption.OnSignals();

        var kill = await ProcessRunner.RunAsync(new ProcessOptions { FileName = "kill", Arguments = ["-TERM", Environment.ProcessId.ToString(CultureInfo.InvariantCulture)] });
        Assert.Equal(0, kill.ExitCode);

        await Task.Delay(Timeout.InfiniteTimeSpan, interruption.Token).ContinueWith(_ => { }, TaskScheduler.Default).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(interruption.IsRequested);
        Assert.Equal("SIGTERM", interruption.Reason);
        Assert.Equal(143, interruption.ExitCode);
    }

    /// <summary>Prepare, then a soak that waits until cancelled, then Promote; Cleanup is assured after failures.</summary>
    private sealed class SoakBuild : NukeBuild
    {
        private readonly List<string> _ran = [];

        public TaskCompletionSource SoakStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool SoakSawCancellation { get; private set; }

        public IReadOnlyList<string> Ran => _ran;

        public Target Prepare => _ => _.Executes(() => _ran.Add(nameof(Prepare)));

        public Target Soak => _ => _.DependsOn(Prepare).Executes(async () =>
        {
            SoakStarted.SetResult();
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, Cancellation);
            }
            catch (OperationCanceledException)
            {
                SoakSawCancellation = true;
                throw;
            }
        });

        public Target Promote => _ => _.DependsOn(Soak).Triggers(Cleanup).Executes(() => _ran.Add(nameof(Promote)));

        public Target Cleanup => _ => _.AssuredAfterFailure().Executes(() => _ran.Add(nameof(Cleanup)));
    }
}

using CsCheck;

namespace EdgeRisk.Nuke.Tests;

public sealed class ParallelTests
{
    // Dependency sets as bit masks over lower-numbered targets, so every generated graph is acyclic.
    private static readonly Gen<(int[][] Dependencies, bool[] Sequential, int Parallel)> Graphs =
        from masks in Gen.Int[0, 255].Array[8]
        from sequential in Gen.Int[0, 9].Select(x => x == 0).Array[8]
        from parallel in Gen.Int[1, 4]
        select (masks.Select((mask, i) => Enumerable.Range(0, i).Where(j => (mask & (1 << j)) != 0).ToArray()).ToArray(), sequential, parallel);

    [Fact]
    public void Run_RandomGraphs_RespectConcurrencyLimitDependenciesAndSequential()
    {
        Graphs.Sample(graph =>
        {
            var build = new RandomGraphBuild(graph.Dependencies, graph.Sequential);
            var run = BuildHarness.RunAsync(build, ["All", $"--parallel={graph.Parallel}"]).GetAwaiter().GetResult();

            Assert.Equal(0, run.Result.ExitCode);
            Assert.True(build.MaxObserved <= graph.Parallel);
            Assert.False(build.SequentialOverlapped);
            for (var i = 0; i < 8; i++)
            {
                var start = build.Events.IndexOf(($"T{i}", true));
                foreach (var dependency in graph.Dependencies[i])
                {
                    Assert.True(build.Events.IndexOf(($"T{dependency}", false)) < start, $"T{i} started before T{dependency} ended");
                }
            }
        }, iter: 60);
    }

    [Fact]
    public async Task Run_ParallelFailure_CancelsDependentsAndLetsRunningTargetsFinish()
    {
        var run = await BuildHarness.RunAsync(new ConcurrentFailureBuild(), ["All", "--parallel", "2"]);

        Assert.Equal(1, run.Result.ExitCode);
        Assert.Equal(TargetStatus.Failed, run.StatusOf("Fails"));
        Assert.Equal(TargetStatus.Succeeded, run.StatusOf("Slow"));
        Assert.Equal(TargetStatus.NotRun, run.StatusOf("Dependent"));
        Assert.DoesNotContain("must not run", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Parallel_BuffersEachTargetsOutputWhole()
    {
        var run = await BuildHarness.RunAsync(new ChattyBuild(), ["Both", "--parallel"]);

        Assert.Equal(0, run.Result.ExitCode);
        var lines = run.Output.Split('\n').Where(l => l.StartsWith("[Left]", StringComparison.Ordinal) || l.StartsWith("[Right]", StringComparison.Ordinal)).ToList();
        Assert.Equal(40, lines.Count);
        var switches = lines.Zip(lines.Skip(1)).Count(p => p.First[..5] != p.Second[..5]);
        Assert.Equal(1, switches);
    }

    [Fact]
    public async Task Run_Parallel_SummaryShowsCriticalPath()
    {
        var run = await BuildHarness.RunAsync(new LinearBuild(), ["Test", "--parallel", "2"]);

        Assert.Equal(0, run.Result.ExitCode);
        Assert.Contains("Critical path: ", run.Output, StringComparison.Ordinal);
        Assert.Equal("Report", run.Result.CriticalPath[^1]);
    }
}

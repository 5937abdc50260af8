namespace EdgeRisk.Nuke.Tests;

public sealed class GraphTests
{
    [Fact]
    public async Task Run_DependenciesTriggersAndOrdering_RunInStableTopologicalOrder()
    {
        using var root = new TempRoot();
        var build = new LinearBuild();

        var run = await BuildHarness.RunAsync(build, root, ["Pack", "Test", "Clean"]);

        Assert.Equal(0, run.Result.ExitCode);
        Assert.Equal(["Clean", "Restore", "Lint", "Compile", "Test", "Pack", "Report", "Announce"], Order(build));
    }

    private static string[] Order(RecordingBuild build) => [.. build.Ran];

    [Fact]
    public async Task Run_BeforeAndAfter_ConstrainOnlyScheduledTargets()
    {
        using var root = new TempRoot();
        var build = new LinearBuild();

        var run = await BuildHarness.RunAsync(build, root, ["Pack", "Test", "Clean"]);

        var order = Order(build).ToList();
        Assert.Equal(0, run.Result.ExitCode);
        Assert.True(order.IndexOf("Clean") < order.IndexOf("Restore"));
        Assert.True(order.IndexOf("Test") < order.IndexOf("Pack"));
        Assert.True(order.IndexOf("Lint") < order.IndexOf("Compile"));
        Assert.True(order.IndexOf("Test") < order.IndexOf("Report"));
        Assert.True(order.IndexOf("Pack") < order.IndexOf("Announce"));
        Assert.Equal(8, order.Count);
    }

    [Fact]
    public async Task Run_SameArgumentsTwice_ProducesIdenticalSummary()
    {
        using var first = new TempRoot();
        using var second = new TempRoot();

        var a = await BuildHarness.RunAsync(new LinearBuild(), first, ["All"]);
        var b = await BuildHarness.RunAsync(new LinearBuild(), second, ["All"]);

        Assert.Equal(a.Output, b.Output);
        Assert.Equal(a.Result.Targets.Select(t => t.Name), b.Result.Targets.Select(t => t.Name));
        Assert.Contains("Collective", a.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Cycle_FailsNamingTheCycleWithExitCode2()
    {
        using var root = new TempRoot();

        var run = await BuildHarness.RunAsync(new CyclicBuild(), root, ["A"]);

        Assert.Equal(2, run.Result.ExitCode);
        Assert.Contains("A -> B -> A", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnknownTarget_SuggestsClosestNamesWithExitCode2()
    {
        using var root = new TempRoot();
        var build = new LinearBuild();

        var run = await BuildHarness.RunAsync(build, root, ["Compil"]);

        Assert.Equal(2, run.Result.ExitCode);
        Assert.Contains("Unknown target 'Compil'. Did you mean: Compile", run.Output, StringComparison.Ordinal);
        Assert.Single(run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(build.Ran);
    }

    [Fact]
    public async Task Run_UnknownOption_FailsWithSuggestion()
    {
        using var root = new TempRoot();

        var run = await BuildHarness.RunAsync(new LinearBuild(), root, ["Compile", "--paralel"]);

        Assert.Equal(2, run.Result.ExitCode);
        Assert.Contains("--parallel", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_BareSkip_SkipsAllDependencies()
    {
        using var root = new TempRoot();
        var build = new LinearBuild();

        var run = await BuildHarness.RunAsync(build, root, ["Test", "--skip"]);

        Assert.Equal(0, run.Result.ExitCode);
        Assert.Equal(TargetStatus.Skipped, run.StatusOf("Compile"));
        Assert.Equal(TargetStatus.Skipped, run.StatusOf("Restore"));
        Assert.Equal(["Test"], Order(build));
    }

    [Fact]
    public async Task Run_NamedSkip_SkipsOnlyNamedTargets()
    {
        using var root = new TempRoot();
        var build = new LinearBuild();

        var run = await BuildHarness.RunAsync(build, root, ["Compile", "--skip", "Lint"]);

        Assert.Equal(TargetStatus.Skipped, run.StatusOf("Lint"));
        Assert.Equal(["Restore", "Compile"], Order(build));
    }

    [Fact]
    public async Task Run_DefaultTarget_UsedWhenNoTargetGiven()
    {
        using var root = new TempRoot();
        var build = new LinearBuild();

        var run = await BuildHarness.RunAsync(build, root, [], defaultTarget: x => x.Compile);

        Assert.Equal(0, run.Result.ExitCode);
        Assert.Equal(["Restore", "Lint", "Compile"], Order(build));
    }

    [Fact]
    public async Task Run_SequentialFailure_AppliesAfterFailureSemantics()
    {
        using var root = new TempRoot();
        var build = new FailingBuild();

        var run = await BuildHarness.RunAsync(build, root, ["Everything"]);

        Assert.Equal(1, run.Result.ExitCode);
        Assert.Equal(TargetStatus.Failed, run.StatusOf("Broken"));
        Assert.Equal(TargetStatus.NotRun, run.StatusOf("AfterBroken"));
        Assert.Equal(TargetStatus.NotRun, run.StatusOf("Unrelated"));
        Assert.Equal(TargetStatus.Succeeded, run.StatusOf("Proceeding"));
        Assert.Equal(TargetStatus.NotRun, run.StatusOf("ProceedingDependent"));
        Assert.Equal(TargetStatus.Succeeded, run.StatusOf("Cleanup"));
        Assert.Contains("ERR InvalidOperationException: boom", run.Output, StringComparison.Ordinal);
        Assert.Contains("Build failed.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_StaticConditionFalse_SkipsTargetAndItsExclusiveDependencies()
    {
        using var root = new TempRoot();
        var build = new ConditionalBuild();

        var run = await BuildHarness.RunAsync(build, root, ["Main"]);

        Assert.Equal(TargetStatus.Skipped, run.StatusOf("Optional"));
        Assert.Equal(TargetStatus.Skipped, run.StatusOf("OnlyForOptional"));
        Assert.Equal(TargetStatus.Succeeded, run.StatusOf("Shared"));
        Assert.Equal(TargetStatus.Succeeded, run.StatusOf("Dynamic"));
        Assert.Equal(TargetStatus.Succeeded, run.StatusOf("Main"));
    }

    [Fact]
    public async Task Run_DynamicConditionFalse_SkipsWithTheConditionAsWritten()
    {
        using var root = new TempRoot();
        var build = new ConditionalBuild();

        var run = await BuildHarness.RunAsync(build, root, ["Gated"]);

        var gated = run.Result.Targets.Single(t => t.Name == "Gated");
        Assert.Equal(TargetStatus.Skipped, gated.Status);
        Assert.Equal("condition !AlreadyDone is false", gated.Reason);
        Assert.DoesNotContain("Gated", build.Ran);
    }

    [Fact]
    public async Task Run_StaticConditionTrue_RunsTarget()
    {
        using var root = new TempRoot();

        var run = await BuildHarness.RunAsync(new ConditionalBuild(), root, ["Main", "--enable"]);

        Assert.Equal(TargetStatus.Succeeded, run.StatusOf("Optional"));
        Assert.Equal(TargetStatus.Succeeded, run.StatusOf("OnlyForOptional"));
    }

    [Fact]
    public async Task Run_InterfaceDefaultTargets_AreDiscoveredAndOrdered()
    {
        using var root = new TempRoot();

        var run = await BuildHarness.RunAsync(new ComponentBuild(), root, ["Publish"]);

        Assert.Equal(0, run.Result.ExitCode);
        Assert.Equal(["CompileComponent", "TestComponent", "Publish"], run.Order);
    }

    [Fact]
    public async Task Plan_WritesOrderAndMermaidGraph()
    {
        using var root = new TempRoot();
        var build = new LinearBuild();

        var run = await BuildHarness.RunAsync(build, root, ["Test", "--plan"]);

        Assert.Equal(0, run.Result.ExitCode);
        Assert.Empty(build.Ran);
        Assert.Contains("3. Compile after Restore, Lint", run.Output, StringComparison.Ordinal);
        var mermaid = (root.Path / "artifacts" / "plan.md").ReadAllText();
        Assert.Contains("graph LR", mermaid, StringComparison.Ordinal);
        Assert.Contains("Compile --> Test", mermaid, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsTargetsDefaultAndParameters()
    {
        using var root = new TempRoot();

        var run = await BuildHarness.RunAsync(new LinearBuild(), root, ["--help"], defaultTarget: x => x.Test);

        Assert.Equal(0, run.Result.ExitCode);
        Assert.Contains("→ Test", run.Output, StringComparison.Ordinal);
        Assert.Contains("Compiles (depends on: Restore, Lint)", run.Output, StringComparison.Ordinal);
        Assert.Contains("--parallel", run.Output, StringComparison.Ordinal);
    }
}

namespace EdgeRisk.Nuke.Tests;

public sealed class GraphTests
{
    [Fact]
    public async Task Run_DependenciesTriggersAndOrdering_RunInStableTopologicalOrder()
    {
        var build = new LinearBuild();

        var run = await BuildHarness.RunAsync(build, ["Pack", "Test", "Clean"]);

        Assert.Equal(0, run.Result.ExitCode);
        Assert.Equal(["Clean", "Restore", "Lint", "Compile", "Test", "Pack", "Report", "Announce"], Order(build));
    }

    private static string[] Order(RecordingBuild build) => [.. build.Ran];

    [Fact]
    public async Task Run_BeforeAndAfter_ConstrainOnlyScheduledTargets()
    {
        var build = new LinearBuild();

        var run = await BuildHarness.RunAsync(build, ["Pack", "Test", "Clean"]);

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

    [Theory]
    [InlineData(typeof(CyclicBuild), new[] { "A" }, "A -> B -> A")]
    [InlineData(typeof(LinearBuild), new[] { "Compil" }, "Unknown target 'Compil'. Did you mean: Compile")]
    [InlineData(typeof(LinearBuild), new[] { "Compile", "--paralel" }, "--parallel")]
    public async Task Run_CycleOrUnknownName_ExitsTwoInOneLineNamingTheCycleOrClosestName(Type build, string[] args, string expected) =>
        Assert.Contains(expected, (await BuildHarness.RunAsync(build, args)).RefusalLine(), StringComparison.Ordinal);

    [Fact]
    public async Task Run_BareSkip_SkipsAllDependencies()
    {
        var build = new LinearBuild();

        var run = await BuildHarness.RunAsync(build, ["Test", "--skip"]);

        Assert.Equal(0, run.Result.ExitCode);
        Assert.Equal(TargetStatus.Skipped, run.StatusOf("Compile"));
        Assert.Equal(TargetStatus.Skipped, run.StatusOf("Restore"));
        Assert.Equal(["Test"], Order(build));
    }

    [Fact]
    public async Task Run_NamedSkip_SkipsOnlyNamedTargets()
    {
        var build = new LinearBuild();

        var run = await BuildHarness.RunAsync(build, ["Compile", "--skip", "Lint"]);

        Assert.Equal(TargetStatus.Skipped, run.StatusOf("Lint"));
        Assert.Equal(["Restore", "Compile"], Order(build));
    }

    [Fact]
    public async Task Run_DefaultTarget_UsedWhenNoTargetGiven()
    {
        var build = new LinearBuild();

        var run = await BuildHarness.RunAsync(build, [], defaultTarget: x => x.Compile);

        Assert.Equal(0, run.Result.ExitCode);
        Assert.Equal(["Restore", "Lint", "Compile"], Order(build));
    }

    [Fact]
    public async Task Run_SequentialFailure_AppliesAfterFailureSemantics()
    {
        var build = new FailingBuild();

        var run = await BuildHarness.RunAsync(build, ["Everything"]);

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
        var build = new ConditionalBuild();

        var run = await BuildHarness.RunAsync(build, ["Main"]);

        Assert.Equal(TargetStatus.Skipped, run.StatusOf("Optional"));
        Assert.Equal(TargetStatus.Skipped, run.StatusOf("OnlyForOptional"));
        Assert.Equal(TargetStatus.Succeeded, run.StatusOf("Shared"));
        Assert.Equal(TargetStatus.Succeeded, run.StatusOf("Dynamic"));
        Assert.Equal(TargetStatus.Succeeded, run.StatusOf("Main"));
    }

    [Fact]
    public async Task Run_DynamicConditionFalse_SkipsWithTheConditionAsWritten()
    {
        var build = new ConditionalBuild();

        var run = await BuildHarness.RunAsync(build, ["Gated"]);

        var gated = run.Result.Targets.Single(t => t.Name == "Gated");
        Assert.Equal(TargetStatus.Skipped, gated.Status);
        Assert.Equal("condition !AlreadyDone is false", gated.Reason);
        Assert.DoesNotContain("Gated", build.Ran);
    }

    [Fact]
    public async Task Run_StaticConditionTrue_RunsTarget()
    {
        var run = await BuildHarness.RunAsync(new ConditionalBuild(), ["Main", "--enable"]);

        Assert.Equal(TargetStatus.Succeeded, run.StatusOf("Optional"));
        Assert.Equal(TargetStatus.Succeeded, run.StatusOf("OnlyForOptional"));
    }

    [Fact]
    public async Task Run_InterfaceDefaultTargets_AreDiscoveredAndOrdered()
    {
        var run = await BuildHarness.RunAsync(new ComponentBuild(), ["Publish"]);

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
        var run = await BuildHarness.RunAsync(new LinearBuild(), ["--help"], defaultTarget: x => x.Test);

        Assert.Equal(0, run.Result.ExitCode);
        Assert.Contains("→ Test", run.Output, StringComparison.Ordinal);
        Assert.Contains("Compiles (depends on: Restore, Lint)", run.Output, StringComparison.Ordinal);
        Assert.Contains("--parallel", run.Output, StringComparison.Ordinal);
    }
}

namespace EdgeRisk.Nuke.Tests;

/// <summary>
/// Interface components (NUKE's ICompile/ITest shape): default-member targets, parameters the interface declares and
/// checks, and <c>DependsOn&lt;T&gt;(x =&gt; x.Target)</c> references to them.
/// </summary>
public sealed class ComponentTests
{
    [Fact]
    public async Task Run_GenericDependsOnComponentTarget_RunsComponentTargetsFirst()
    {
        using var root = new TempRoot();

        var run = await BuildHarness.RunAsync(new ComponentParameterBuild(), root, ["Announce"]);

        Assert.True(run.Result.ExitCode == 0, run.Output);
        Assert.Equal(["CompileComponent", "DeployComponent", "Announce"], run.Order);
        Assert.Contains("deploy to eu", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_ComponentParameterOnCommandLine_SetsBuildProperty()
    {
        using var root = new TempRoot();

        var run = await BuildHarness.RunAsync(new ComponentParameterBuild(), root, ["Announce", "--region", "us"]);

        Assert.True(run.Result.ExitCode == 0, run.Output);
        Assert.Contains("deploy to us", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_ComponentParameterFromEnvironment_SetsBuildProperty()
    {
        using var root = new TempRoot();

        var run = await BuildHarness.RunAsync(new ComponentParameterBuild(), root, ["Announce"], new() { ["REGION"] = "us" });

        Assert.True(run.Result.ExitCode == 0, run.Output);
        Assert.Contains("deploy to us", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_BadComponentParameter_ExitsTwoNamingFlagBeforeAnythingRuns()
    {
        using var root = new TempRoot();

        var run = await BuildHarness.RunAsync(new ComponentParameterBuild(), root, ["Announce", "--region", "asia"]);

        Assert.Equal(2, run.Result.ExitCode);
        Assert.Contains("--region 'asia': must be eu or us", run.Output, StringComparison.Ordinal);
        Assert.Empty(run.Result.Targets);
    }

    [Fact]
    public async Task Help_ComponentParameter_IsListedWithItsDescription()
    {
        using var root = new TempRoot();

        var run = await BuildHarness.RunAsync(new ComponentParameterBuild(), root, ["--help"]);

        Assert.Equal(0, run.Result.ExitCode);
        Assert.Contains("--region", run.Output, StringComparison.Ordinal);
        Assert.Contains("Deployment region: eu or us", run.Output, StringComparison.Ordinal);
        Assert.Contains("DeployComponent", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_DependsOnComponentTheBuildDoesNotImplement_ExitsTwoNamingInterface()
    {
        using var root = new TempRoot();

        var run = await BuildHarness.RunAsync(new MissingComponentBuild(), root, ["Publish"]);

        Assert.Equal(2, run.Result.ExitCode);
        Assert.Contains("references a target of ITestComponent, which MissingComponentBuild does not implement", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ComponentParameterWithoutSetter_ExitsTwoNamingParameter()
    {
        using var root = new TempRoot();

        var run = await BuildHarness.RunAsync(new ReadOnlyComponentParameterBuild(), root, ["Show"]);

        Assert.Equal(2, run.Result.ExitCode);
        Assert.Contains("Parameter Region of IHazReadOnlyRegionComponent needs a settable property on ReadOnlyComponentParameterBuild", run.Output, StringComparison.Ordinal);
    }
}

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
        var run = await BuildHarness.RunAsync(new ComponentParameterBuild(), ["Announce"]);

        Assert.True(run.Result.ExitCode == 0, run.Output);
        Assert.Equal(["CompileComponent", "DeployComponent", "Announce"], run.Order);
        Assert.Contains("deploy to eu", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "Announce", "--region", "us" }, null)]
    [InlineData(new[] { "Announce" }, "us")]
    public async Task Resolve_ComponentParameterOnCommandLineOrFromEnvironment_SetsBuildProperty(string[] args, string? regionVariable)
    {
        var run = await BuildHarness.RunAsync(new ComponentParameterBuild(), args, regionVariable is null ? null : new() { ["REGION"] = regionVariable });

        Assert.True(run.Result.ExitCode == 0, run.Output);
        Assert.Contains("deploy to us", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(typeof(ComponentParameterBuild), new[] { "Announce", "--region", "asia" }, "--region 'asia': must be eu or us")]
    [InlineData(typeof(MissingComponentBuild), new[] { "Publish" }, "references a target of ITestComponent, which MissingComponentBuild does not implement")]
    [InlineData(typeof(ReadOnlyComponentParameterBuild), new[] { "Show" }, "Parameter Region of IHazReadOnlyRegionComponent needs a settable property on ReadOnlyComponentParameterBuild")]
    public async Task Run_BadComponentParameterOrComponentUse_ExitsTwoNamingItBeforeAnythingRuns(Type build, string[] args, string expected)
    {
        var run = await BuildHarness.RunAsync(build, args);

        Assert.Contains(expected, run.RefusalLine(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ComponentParameter_IsListedWithItsDescription()
    {
        var run = await BuildHarness.RunAsync(new ComponentParameterBuild(), ["--help"]);

        Assert.Equal(0, run.Result.ExitCode);
        Assert.Contains("--region", run.Output, StringComparison.Ordinal);
        Assert.Contains("Deployment region: eu or us", run.Output, StringComparison.Ordinal);
        Assert.Contains("DeployComponent", run.Output, StringComparison.Ordinal);
    }
}

namespace EdgeRisk.Nuke.Tests;

/// <summary>The real build's --timeout (the gates' evidence deadline): a bad value is refused before any target runs.</summary>
public sealed class GateTimeoutParameterTests
{
    [Theory]
    [InlineData("EvaluateGates")]
    [InlineData("DryRun")]
    public async Task Run_TimeoutZero_ExitsTwoNamingTheParameterBeforeAnyTarget(string target)
    {
        using var root = new TempRoot();
        root.Write(".nuke/parameters.json", """{ "$schema": "./build.schema.json" }""");

        var run = await BuildHarness.RunAsync(new EdgeRisk.Build.Build(), root, [target, "--skip", "--timeout", "0s"]);

        Assert.Equal(2, run.Result.ExitCode);
        Assert.Contains("--timeout '0s'", run.Output, StringComparison.Ordinal);
        Assert.Contains("must be longer than 0 and at most 1d, e.g. 60s or 2m", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(run.Result.Targets, t => t.Status is TargetStatus.Succeeded or TargetStatus.Failed);
    }
}

namespace EdgeRisk.Nuke.Tests;

/// <summary>The validation phase: parameter checks of every planned target run before any target's action.</summary>
public sealed class ValidationTests
{
    [Fact]
    public async Task Requires_LaterTargetRejectsParameter_NoTargetRunsAndExitsTwo()
    {
        using var root = new TempRoot();
        var build = new ValidationBuild();

        var run = await BuildHarness.RunAsync(build, root, ["Deploy", "--speed", "-1"]);

        Assert.Equal(2, run.Result.ExitCode);
        Assert.Empty(build.Ran);
        var line = Assert.Single(run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.EndsWith("--speed '-1': must be a positive number or max", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requires_SeveralBadParameters_NamesEachInOneLine()
    {
        using var root = new TempRoot();
        var build = new ValidationBuild();

        var run = await BuildHarness.RunAsync(build, root, ["Deploy", "--speed", "fast", "--window", "0h"]);

        Assert.Equal(2, run.Result.ExitCode);
        Assert.Empty(build.Ran);
        var line = Assert.Single(run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.EndsWith("--speed 'fast': must be a positive number or max; --window '0h': must be longer than 0, e.g. 48h", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requires_BadValueFromEnvironment_NamesTheVariable()
    {
        using var root = new TempRoot();

        var run = await BuildHarness.RunAsync(new ValidationBuild(), root, ["Deploy"], new() { ["SPEED"] = "0" });

        Assert.Equal(2, run.Result.ExitCode);
        Assert.Contains("--speed '0' (from environment variable SPEED): must be a positive number or max", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requires_BadSecret_MasksItsValue()
    {
        using var root = new TempRoot();

        var run = await BuildHarness.RunAsync(new ValidationBuild(), root, ["Publish", "--api-token", "ghp_leaked"]);

        Assert.Equal(2, run.Result.ExitCode);
        Assert.Contains("--api-token '*****': must start with tok_", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("ghp_leaked", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requires_ValidParametersOrTargetNotPlanned_RunsTheTargets()
    {
        using var root = new TempRoot();
        var valid = new ValidationBuild();
        var unplanned = new ValidationBuild();

        var validRun = await BuildHarness.RunAsync(valid, root, ["Deploy", "--speed", "max", "--window", "1h30m"]);
        var unplannedRun = await BuildHarness.RunAsync(unplanned, root, ["Stage", "--speed", "-1"]);

        Assert.Equal(0, validRun.Result.ExitCode);
        Assert.Equal(["Tag", "Stage", "Deploy"], valid.Ran);
        Assert.Equal(0, unplannedRun.Result.ExitCode);
        Assert.Equal(["Tag", "Stage"], unplanned.Ran);
    }

    [Fact]
    public async Task Requires_PlanWithBadParameter_FailsBeforeWritingThePlan()
    {
        using var root = new TempRoot();

        var run = await BuildHarness.RunAsync(new ValidationBuild(), root, ["Deploy", "--speed", "-1", "--plan"]);

        Assert.Equal(2, run.Result.ExitCode);
        Assert.False((root.Path / "artifacts" / "plan.md").FileExists());
    }

    [Fact]
    public async Task Resolve_UnknownProfile_ListsTheProfiles()
    {
        using var root = new TempRoot();
        root.Write(".nuke/parameters.staging.json", "{}");

        var run = await BuildHarness.RunAsync(new ValidationBuild(), root, ["Tag", "--profile", "prod"]);

        Assert.Equal(2, run.Result.ExitCode);
        var line = Assert.Single(run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("--profile 'prod' is not a profile: pass one of local, staging", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_NegativeParallel_NamesTheFlag()
    {
        using var root = new TempRoot();
        var build = new ValidationBuild();

        var run = await BuildHarness.RunAsync(build, root, ["Tag", "--parallel=-2"]);

        Assert.Equal(2, run.Result.ExitCode);
        Assert.Empty(build.Ran);
        Assert.Contains("--parallel '-2' is not a number of targets", run.Output, StringComparison.Ordinal);
    }
}

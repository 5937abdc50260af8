namespace EdgeRisk.Nuke.Tests;

/// <summary>The validation phase: parameter checks of every planned target run before any target's action.</summary>
public sealed class ValidationTests
{
    [Theory]
    // A later target in the plan rejects the value.
    [InlineData(new[] { "Deploy", "--speed", "-1" }, "--speed '-1': must be a positive number or max")]
    // Several bad parameters: each named, in one line.
    [InlineData(new[] { "Deploy", "--speed", "fast", "--window", "0h" }, "--speed 'fast': must be a positive number or max; --window '0h': must be longer than 0, e.g. 48h")]
    [InlineData(new[] { "Tag", "--profile", "prod" }, "--profile 'prod' is not a profile: pass one of local, staging (every profile but local is a .nuke/parameters.<profile>.json).")]
    [InlineData(new[] { "Tag", "--parallel=-2" }, "--parallel '-2' is not a number of targets: pass --parallel (every processor) or --parallel=N with N at least 1.")]
    public async Task Requires_BadParameter_OneLineNamingItAndExitsTwoBeforeAnyTargetRuns(string[] args, string expected)
    {
        using var root = new TempRoot();
        root.Write(".nuke/parameters.staging.json", "{}");
        var build = new ValidationBuild();

        var run = await BuildHarness.RunAsync(build, root, args);

        Assert.EndsWith(expected, run.RefusalLine(), StringComparison.Ordinal);
        Assert.Empty(build.Ran);
    }

    [Theory]
    // A target's check of the value.
    [InlineData(typeof(ValidationBuild), "Deploy", "SPEED", "0", "--speed '0' (from environment variable SPEED): must be a positive number or max")]
    // The value's type.
    [InlineData(typeof(ParameterBuild), "Show", "RETRIES", "x", "environment variable RETRIES")]
    public async Task Resolve_BadValueFromEnvironment_NamesTheVariable(Type build, string target, string variable, string value, string expected)
    {
        var run = await BuildHarness.RunAsync(build, [target], new() { [variable] = value });

        Assert.Contains(expected, run.RefusalLine(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requires_BadSecret_MasksItsValue()
    {
        var run = await BuildHarness.RunAsync(new ValidationBuild(), ["Publish", "--api-token", "ghp_leaked"]);

        Assert.Contains("--api-token '*****': must start with tok_", run.RefusalLine(), StringComparison.Ordinal);
        Assert.DoesNotContain("ghp_leaked", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requires_ValidParametersOrTargetNotPlanned_RunsTheTargets()
    {
        var valid = new ValidationBuild();
        var unplanned = new ValidationBuild();

        var validRun = await BuildHarness.RunAsync(valid, ["Deploy", "--speed", "max", "--window", "1h30m"]);
        var unplannedRun = await BuildHarness.RunAsync(unplanned, ["Stage", "--speed", "-1"]);

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
}

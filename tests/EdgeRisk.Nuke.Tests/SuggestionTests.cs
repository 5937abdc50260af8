namespace EdgeRisk.Nuke.Tests;

public sealed class SuggestionTests
{
    [Fact]
    public async Task Run_TargetFarFromEveryName_ListsValidTargetsInsteadOfGuesses()
    {
        using var root = new TempRoot();

        var run = await BuildHarness.RunAsync(new EdgeRisk.Build.Build(), root, ["Deploy"]);

        Assert.Equal(2, run.Result.ExitCode);
        Assert.DoesNotContain("Did you mean", run.Output, StringComparison.Ordinal);
        Assert.Contains("Unknown target 'Deploy'. Valid targets: ", run.Output, StringComparison.Ordinal);
        Assert.Contains("StageDeploy", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_HelpWithoutDashes_SuggestsNoTarget()
    {
        using var root = new TempRoot();

        var run = await BuildHarness.RunAsync(new EdgeRisk.Build.Build(), root, ["help"]);

        Assert.Equal(2, run.Result.ExitCode);
        Assert.DoesNotContain("Did you mean", run.Output, StringComparison.Ordinal);
        Assert.Contains("Valid targets: ", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnknownOptionFarFromEveryParameter_PointsToHelpWithoutGuesses()
    {
        using var root = new TempRoot();

        var run = await BuildHarness.RunAsync(new EdgeRisk.Build.Build(), root, ["--continue"]);

        Assert.Equal(2, run.Result.ExitCode);
        Assert.Contains("Unknown option '--continue'. Run with --help to list parameters.", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Did you mean", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_TransposedOrPrefixTarget_SuggestsIt()
    {
        using var root = new TempRoot();

        var transposed = await BuildHarness.RunAsync(new EdgeRisk.Build.Build(), root, ["DryRnu"]);
        var prefix = await BuildHarness.RunAsync(new EdgeRisk.Build.Build(), root, ["Evaluate"]);

        Assert.Contains("Unknown target 'DryRnu'. Did you mean: DryRun?", transposed.Output, StringComparison.Ordinal);
        Assert.Contains("Unknown target 'Evaluate'. Did you mean: EvaluateGates?", prefix.Output, StringComparison.Ordinal);
    }
}

public sealed class HelpTests
{
    [Fact]
    public async Task Help_Targets_ListedInGraphOrderWithDurationsAsTyped()
    {
        using var root = new TempRoot();

        var run = await BuildHarness.RunAsync(new LinearBuild(), root, ["--help"], defaultTarget: x => x.Test);

        var listed = run.Output.Split('\n').Select(l => l.Trim().TrimStart('→').Trim().Split(' ')[0])
            .Where(n => n is "Clean" or "Restore" or "Lint" or "Compile" or "Test" or "Pack" or "Report" or "Announce" or "All").ToList();
        Assert.Equal(["Clean", "Restore", "Lint", "Compile", "Test", "Pack", "Report", "Announce", "All"], listed);

        var durations = await BuildHarness.RunAsync(new ParameterBuild(), root, ["--help", "--lookback", "48h"]);
        Assert.Contains("(current: 48h)", durations.Output, StringComparison.Ordinal);
    }
}

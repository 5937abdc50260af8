namespace EdgeRisk.Nuke.Tests;

public sealed class SuggestionTests
{
    [Theory]
    [InlineData("Deploy", "Unknown target 'Deploy'. Valid targets: ", "StageDeploy")]
    [InlineData("help", "Valid targets: ")]
    [InlineData("--continue", "Unknown option '--continue'. Run with --help to list parameters.")]
    public async Task Run_NameFarFromEveryTargetAndParameter_ExitsTwoListingChoicesWithoutGuesses(string typed, params string[] expected)
    {
        var run = await BuildHarness.RunAsync(new EdgeRisk.Build.Build(), [typed]);

        Assert.Equal(2, run.Result.ExitCode);
        Assert.DoesNotContain("Did you mean", run.Output, StringComparison.Ordinal);
        Assert.All(expected, text => Assert.Contains(text, run.Output, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("DryRnu", "Unknown target 'DryRnu'. Did you mean: DryRun?")]
    [InlineData("Evaluate", "Unknown target 'Evaluate'. Did you mean: EvaluateGates?")]
    public async Task Run_TransposedOrPrefixTarget_SuggestsIt(string typed, string expected) =>
        Assert.Contains(expected, (await BuildHarness.RunAsync(new EdgeRisk.Build.Build(), [typed])).Output, StringComparison.Ordinal);
}

public sealed class HelpTests
{
    [Fact]
    public async Task Help_Targets_ListedInGraphOrderWithDurationsAsTyped()
    {
        var run = await BuildHarness.RunAsync(new LinearBuild(), ["--help"], defaultTarget: x => x.Test);

        var listed = run.Output.Split('\n').Select(l => l.Trim().TrimStart('→').Trim().Split(' ')[0])
            .Where(n => n is "Clean" or "Restore" or "Lint" or "Compile" or "Test" or "Pack" or "Report" or "Announce" or "All").ToList();
        Assert.Equal(["Clean", "Restore", "Lint", "Compile", "Test", "Pack", "Report", "Announce", "All"], listed);

        var durations = await BuildHarness.RunAsync(new ParameterBuild(), ["--help", "--lookback", "48h"]);
        Assert.Contains("(current: 48h)", durations.Output, StringComparison.Ordinal);
    }
}

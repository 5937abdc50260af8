namespace EdgeRisk.Nuke.Tests;

public sealed class ConfigurationTests
{
    [Fact]
    public async Task Requires_SeveralTargetsMissingConfiguration_NamesAllInOneErrorBeforeAnyTargetRuns()
    {
        var build = new ConfigurationBuild();

        var run = await BuildHarness.RunAsync(build, ["Publish"]);

        Assert.Equal(2, run.Result.ExitCode);
        Assert.Empty(build.Ran);
        var line = Assert.Single(run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(
            "Grafana is not configured: set GRAFANA_URL; Target 'Publish' requires parameter GitHubToken: pass --github-token <value> or set the environment variable GITHUB_TOKEN.",
            line[line.IndexOf("Grafana", StringComparison.Ordinal)..]);
    }

    [Fact]
    public async Task Requires_ThrowingRequirementSatisfied_RunsTargets()
    {
        var build = new ConfigurationBuild();

        var run = await BuildHarness.RunAsync(build, ["Publish"], new() { ["GRAFANA_URL"] = "http://127.0.0.1:3000", ["GITHUB_TOKEN"] = "t0ken" });

        Assert.Equal(0, run.Result.ExitCode);
        Assert.Equal(["Change", "Import", "Publish"], build.Ran);
    }

    [Fact]
    public async Task Run_TargetThrowsBuildConfigurationException_ExitsWith2AndOneLine()
    {
        var run = await BuildHarness.RunAsync(new ConfigurationBuild(), ["Deploy"]);

        Assert.Equal(2, run.Result.ExitCode);
        Assert.Equal(TargetStatus.Failed, run.StatusOf("Deploy"));
        Assert.Contains("Deploy (staging) needs PRODUCTION_DOCKER_HOST: set it and re-run", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("BuildConfigurationException:", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ConfigurationAndOrdinaryFailure_ExitsWith1()
    {
        var run = await BuildHarness.RunAsync(new ConfigurationBuild(), ["Both"]);

        Assert.Equal(1, run.Result.ExitCode);
        Assert.Equal(TargetStatus.Failed, run.StatusOf("Deploy"));
        Assert.Equal(TargetStatus.Failed, run.StatusOf("Fail"));
    }
}

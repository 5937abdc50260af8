namespace EdgeRisk.Nuke.Tests;

internal sealed class NamingBuild : NukeBuild
{
    [Parameter("Key"), Secret]
    public string? GrafanaAPIKey { get; set; }

    [Parameter("Token"), Secret]
    public string? GitHubToken { get; set; }

    public Target Show => _ => _.Executes(() => Log.Information("shown"));
}

public sealed class NamingTests
{
    [Fact]
    public async Task Help_MemberNames_MapToKebabFlagsAndSnakeEnvironmentVariables()
    {
        var run = await BuildHarness.RunAsync(new NamingBuild(), ["--help"]);

        Assert.Contains("--grafana-api-key", run.Output, StringComparison.Ordinal);
        Assert.Contains("[env GRAFANA_API_KEY]", run.Output, StringComparison.Ordinal);
        Assert.Contains("--github-token", run.Output, StringComparison.Ordinal);
        Assert.Contains("[env GITHUB_TOKEN]", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_ExactMemberNameEnvironmentVariable_IsAccepted()
    {
        var build = new NamingBuild();

        await BuildHarness.RunAsync(build, ["Show"], new() { ["GitHubToken"] = "t0ken" });

        Assert.Equal("t0ken", build.GitHubToken);
    }
}

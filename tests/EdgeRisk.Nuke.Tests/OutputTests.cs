namespace EdgeRisk.Nuke.Tests;

public sealed class OutputTests
{
    private const string Token = "ghp_outputTestToken42";

    [Fact]
    public async Task Summary_ColorOn_StatusesAndLevelsColoured()
    {
        var run = await BuildHarness.RunAsync(new FailingBuild(), ["Everything"], color: true);
        var skipped = await BuildHarness.RunAsync(new ConditionalBuild(), ["Main"], color: true);

        Assert.Contains("\e[32mSucceeded", run.Output, StringComparison.Ordinal);
        Assert.Contains("\e[31mFailed", run.Output, StringComparison.Ordinal);
        Assert.Contains("\e[31mERR\e[0m", run.Output, StringComparison.Ordinal);
        Assert.Contains("\e[90mSkipped", skipped.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Summary_NoColorSetOrRedirected_Plain(bool terminal)
    {
        var environment = terminal ? new Dictionary<string, string> { ["NO_COLOR"] = "1" } : [];

        var run = await BuildHarness.RunAsync(new FailingBuild(), ["Everything"], environment, color: terminal);

        Assert.Contains("Succeeded", run.Output, StringComparison.Ordinal);
        Assert.Contains("ERR ", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\e[", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunLog_SecretLogged_MaskedInLogFileLinkedFromSummary()
    {
        using var root = new TempRoot();

        var run = await BuildHarness.RunAsync(new ParameterBuild(), root, ["Leak"], new() { ["GITHUB_TOKEN"] = Token }, color: true);

        Assert.Contains("Log: artifacts/logs/20260101-000000-Leak.log", run.Output, StringComparison.Ordinal);
        var log = (root.Path / "artifacts" / "logs" / "20260101-000000-Leak.log").ReadAllText();
        Assert.Contains("token is *****", log, StringComparison.Ordinal);
        Assert.Contains("failed with *****", log, StringComparison.Ordinal);
        Assert.Contains("Build failed.", log, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, log, StringComparison.Ordinal);
        Assert.DoesNotContain("\e[", log, StringComparison.Ordinal);
    }
}

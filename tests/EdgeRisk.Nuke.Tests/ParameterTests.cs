namespace EdgeRisk.Nuke.Tests;

public sealed class ParameterTests
{
    private const string Token = "ghp_s3cr3t_value";

    [Fact]
    public async Task Resolve_AllSources_CliWinsOverEnvironmentOverProfileOverBaseFile()
    {
        using var root = new TempRoot();
        root.Write(".nuke/parameters.json", """{ "$schema": "./build.schema.json", "Source": "base" }""");
        root.Write(".nuke/parameters.ci.json", """{ "Source": "profile" }""");
        var environment = new Dictionary<string, string> { ["SOURCE"] = "environment" };

        Assert.Equal("base", await SourceOf(root, [], []));
        Assert.Equal("profile", await SourceOf(root, ["--profile", "ci"], []));
        Assert.Equal("environment", await SourceOf(root, ["--profile", "ci"], environment));
        Assert.Equal("cli", await SourceOf(root, ["--profile", "ci", "--source", "cli"], environment));
    }

    [Fact]
    public async Task Resolve_ProfileFromEnvironment_ReadsProfileFile()
    {
        using var root = new TempRoot();
        root.Write(".nuke/parameters.staging.json", """{ "Source": "staging" }""");

        Assert.Equal("staging", await SourceOf(root, [], new() { ["NUKE_PROFILE"] = "staging" }));
    }

    [Fact]
    public async Task Resolve_TypedValues_AreParsed()
    {
        using var root = new TempRoot();
        var build = new ParameterBuild();

        var run = await BuildHarness.RunAsync(build, root,
        [
            "Show", "--window-end", "2026-01-31T00:00:00Z", "--lookback", "48h", "--symbols", "SPY,QQQ", "--capital", "1000.50",
            "--ratio=0.25", "--retries", "3", "--dry-run", "--venue", "live", "--report-file", "artifacts/report.md",
        ], new() { ["GITHUB_TOKEN"] = Token });

        Assert.Equal(0, run.Result.ExitCode);
        Assert.Equal(new DateTimeOffset(2026, 1, 31, 0, 0, 0, TimeSpan.Zero), build.WindowEnd);
        Assert.Equal(TimeSpan.FromHours(48), build.Lookback);
        Assert.Equal(["SPY", "QQQ"], build.Symbols);
        Assert.Equal(1000.50m, build.Capital);
        Assert.Equal(0.25, build.Ratio);
        Assert.Equal(3, build.Retries);
        Assert.True(build.DryRun);
        Assert.Equal(Venue.Live, build.Venue);
        Assert.Equal(root.Path / "artifacts" / "report.md", build.ReportFile);
        Assert.Equal(Token, build.GitHubToken);
    }

    [Theory]
    [InlineData("90m", 90 * 60)]
    [InlineData("1h30m", 90 * 60)]
    [InlineData("30s", 30)]
    [InlineData("1d", 86400)]
    [InlineData("01:30:00", 5400)]
    public async Task Resolve_Durations_AcceptSuffixes(string text, int seconds)
    {
        var build = new ParameterBuild();

        var run = await BuildHarness.RunAsync(build, ["Show", "--lookback", text, "--plan"]);

        Assert.Equal(TimeSpan.FromSeconds(seconds), build.Lookback);
        Assert.Contains($"--lookback = {DurationText.Format(build.Lookback)}", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "Show", "--window-end", "yesterday" }, "--window-end", "ISO-8601")]
    [InlineData(new[] { "Show", "--lookback", "soon" }, "--lookback", "48h")]
    [InlineData(new[] { "Show", "--retries", "many" }, "--retries", "integer")]
    [InlineData(new[] { "Show", "--capital", "lots" }, "--capital", "number")]
    [InlineData(new[] { "Show", "--venue", "moon" }, "--venue", "Paper, Live")]
    [InlineData(new[] { "Show", "--profile", "nope" }, "--profile 'nope' is not a profile: pass one of local (every profile but local is a .nuke/parameters.<profile>.json)")]
    // A parameter a planned target requires is missing.
    [InlineData(new[] { "Show", "Backtest" }, "requires parameter WindowEnd: pass --window-end <value> or set the environment variable WINDOW_END")]
    public async Task Resolve_BadOrMissingValue_OneLineErrorNamingParameterAndFormatBeforeAnyTargetRuns(string[] args, params string[] expected)
    {
        var run = await BuildHarness.RunAsync(new ParameterBuild(), args);

        var line = run.RefusalLine();
        Assert.All(expected, text => Assert.Contains(text, line, StringComparison.Ordinal));
        Assert.DoesNotContain("Source=", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_UnknownKeyInParametersJson_Fails()
    {
        using var root = new TempRoot();
        root.Write(".nuke/parameters.json", """{ "Sorce": "x" }""");

        var line = (await BuildHarness.RunAsync(new ParameterBuild(), root, ["Show"])).RefusalLine();

        Assert.Contains("Unknown parameter 'Sorce' in .nuke/parameters.json. Did you mean: ", line, StringComparison.Ordinal);
        Assert.Contains("Source", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secret_InLogsExceptionsAndSummary_IsMasked()
    {
        var run = await BuildHarness.RunAsync(new ParameterBuild(), ["Leak"], new() { ["GITHUB_TOKEN"] = Token });

        Assert.Equal(1, run.Result.ExitCode);
        Assert.DoesNotContain(Token, run.Output, StringComparison.Ordinal);
        Assert.Contains("token is *****", run.Output, StringComparison.Ordinal);
        Assert.Contains("failed with *****", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, run.Result.Targets.Single().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secret_InProcessOutput_IsMasked()
    {
        var run = await BuildHarness.RunAsync(new ParameterBuild(), ["Echo"], new() { ["GITHUB_TOKEN"] = Token });

        Assert.Equal(0, run.Result.ExitCode);
        Assert.Contains("[Echo] process says *****", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secret_InHelpPlanAndBadValueError_IsMasked()
    {
        using var root = new TempRoot();
        var environment = new Dictionary<string, string> { ["GITHUB_TOKEN"] = Token };

        var help = await BuildHarness.RunAsync(new ParameterBuild(), root, ["--help"], environment);
        var plan = await BuildHarness.RunAsync(new ParameterBuild(), root, ["Show", "--plan"], environment);

        Assert.Contains("--github-token", help.Output, StringComparison.Ordinal);
        Assert.Contains("[secret] (current: *****)", help.Output, StringComparison.Ordinal);
        Assert.Contains("--github-token = *****", plan.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, help.Output + plan.Output + (root.Path / "artifacts" / "plan.md").ReadAllText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartProcess_NonZeroExit_FailsNamingToolAndExitCode()
    {
        var run = await BuildHarness.RunAsync(new ParameterBuild(), ["ExitThree"]);

        Assert.Equal(1, run.Result.ExitCode);
        Assert.Contains("Process 'sh' exited with code 3.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_SecretInParametersFile_WarnsOnceNamingFileAndParameterWithoutValue()
    {
        using var root = new TempRoot();
        root.Write(".nuke/parameters.json", $$"""{ "GitHubToken": "{{Token}}" }""");
        root.Write(".nuke/parameters.staging.json", $$"""{ "GITHUB_TOKEN": "{{Token}}", "Source": "staging" }""");
        var build = new ParameterBuild();

        var run = await BuildHarness.RunAsync(build, root, ["Show", "--profile", "staging"]);

        Assert.Equal(0, run.Result.ExitCode);
        Assert.Equal(Token, build.GitHubToken);
        var warning = Assert.Single(run.Output.Split('\n'), line => line.Contains("--github-token", StringComparison.Ordinal));
        Assert.Contains("secret --github-token is in plain text in .nuke/parameters.staging.json and .nuke/parameters.json", warning, StringComparison.Ordinal);
        Assert.Contains("use the environment variable GITHUB_TOKEN or a secret store; remove it from the file", warning, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, run.Output, StringComparison.Ordinal);
    }

    private static async Task<string> SourceOf(TempRoot root, string[] args, Dictionary<string, string> environment)
    {
        var build = new ParameterBuild();
        var run = await BuildHarness.RunAsync(build, root, ["Show", .. args], environment);
        Assert.Equal(0, run.Result.ExitCode);
        return build.Source;
    }
}

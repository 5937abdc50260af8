namespace EdgeRisk.Nuke.Tests;

/// <summary>
/// The real build's parameter checks: a bad value of any target in the plan is one line naming the flag as typed and
/// its valid values, exit code 2, before any target runs.
/// </summary>
public sealed class BuildValidationTests
{
    [Fact]
    public async Task DryRun_NegativeSpeed_ExitsTwoNamingSpeedBeforeAnythingRuns()
    {
        using var root = ReleaseRoot();

        var run = await BuildHarness.RunAsync(new EdgeRisk.Build.Build(), root, ["DryRun", "--speed", "-1"]);

        Assert.Equal(2, run.Result.ExitCode);
        var line = ErrorLine(run);
        Assert.EndsWith("--speed '-1': must be a positive number of virtual seconds per wall second up to 1000000 (e.g. 2880), or max", line, StringComparison.Ordinal);
        // Nothing ran: no rc tag, no services, no artifacts at all.
        Assert.Empty(run.Result.Targets);
        Assert.False((root.Path / "artifacts").DirectoryExists());
    }

    [Fact]
    public async Task DryRun_ValidParameters_PassesValidation()
    {
        using var root = ReleaseRoot();

        var run = await BuildHarness.RunAsync(new EdgeRisk.Build.Build(), root,
            ["DryRun", "--speed", "max", "--duration", "1h30m", "--crash-at", "45m", "--window", "1h", "--release-version", "v0.4.0-rc3", "--plan"]);

        Assert.True(run.Result.ExitCode == 0, run.Output);
    }

    [Theory]
    [InlineData("--speed", "fast", "--speed 'fast': must be a positive number")]
    [InlineData("--speed", "2000000", "--speed '2000000': must be a positive number of virtual seconds per wall second up to 1000000")]
    [InlineData("--duration", "0h", "--duration '0h': must be longer than 0 and at most 30d, e.g. 48h, 1h30m or 30m")]
    [InlineData("--duration", "-1h", "--duration '-1h': must be longer than 0")]
    [InlineData("--crash-at", "50h", "--crash-at '50h': must be within the dry run: after 0 and before --duration 48h")]
    [InlineData("--progress-every", "0h", "--progress-every '0h': must be longer than 0, e.g. 6h or 30m")]
    [InlineData("--window", "0h", "--window '0h': must be longer than 0, e.g. 48h")]
    [InlineData("--window", "72h", "--window '72h': must be at most --duration 48h")]
    [InlineData("--pnl-sigma-usd", "0", "--pnl-sigma-usd '0': must be a positive number of USD")]
    [InlineData("--pushgateway-url", "127.0.0.1:9091", "--pushgateway-url '127.0.0.1:9091': must be an absolute http(s) URL, e.g. http://127.0.0.1:9091")]
    [InlineData("--prometheus-url", "ftp://127.0.0.1:9090", "--prometheus-url 'ftp://127.0.0.1:9090': must be an absolute http(s) URL")]
    [InlineData("--docker-host", "docker.example.com", "--docker-host 'docker.example.com': must be a Docker engine address")]
    [InlineData("--compose-project", "EdgeRisk", "--compose-project 'EdgeRisk': must be a compose project name")]
    [InlineData("--release-version", "x.y", "--release-version 'x.y': must be <major>.<minor>.<patch> or <major>.<minor>.<patch>-rc<n>, leading v optional (e.g. 0.4.0 or 0.4.0-rc3)")]
    [InlineData("--release-version", "0.4", "--release-version '0.4': must be <major>.<minor>.<patch>")]
    [InlineData("--configuration", "Prod", "--configuration 'Prod': must be Debug or Release")]
    public async Task DryRun_BadParameter_ExitsTwoNamingTheFlagAndItsValidValues(string flag, string value, string expected)
    {
        using var root = ReleaseRoot();
        var build = new EdgeRisk.Build.Build();

        var run = await BuildHarness.RunAsync(build, root, ["DryRun", flag, value]);

        Assert.Equal(2, run.Result.ExitCode);
        var line = ErrorLine(run);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Empty(run.Result.Targets);
    }

    [Theory]
    [InlineData("Restore", "--solution", "nope.sln", "--solution 'nope.sln': is not a file under the repository root: pass a solution such as EdgeRisk.sln")]
    [InlineData("Compile", "--solution", "nope.sln", "--solution 'nope.sln': is not a file under the repository root")]
    [InlineData("Compile", "--configuration", "Prod", "--configuration 'Prod': must be Debug or Release")]
    [InlineData("Test", "--configuration", "Prod", "--configuration 'Prod': must be Debug or Release")]
    public async Task Component_BadParameter_ExitsTwoNamingTheFlagAndItsValidValues(string target, string flag, string value, string expected)
    {
        using var root = ReleaseRoot();

        var run = await BuildHarness.RunAsync(new EdgeRisk.Build.Build(), root, [target, flag, value]);

        Assert.Equal(2, run.Result.ExitCode);
        Assert.Contains(expected, ErrorLine(run), StringComparison.Ordinal);
        Assert.Empty(run.Result.Targets);
    }

    [Fact]
    public async Task Tag_BadReleaseVersion_ExitsTwoBeforeDevelopIsCreated()
    {
        using var root = ReleaseRoot();

        var run = await BuildHarness.RunAsync(new EdgeRisk.Build.Build(), root, ["Tag", "--release-version", "x.y"]);

        Assert.Equal(2, run.Result.ExitCode);
        Assert.Contains("--release-version 'x.y': must be <major>.<minor>.<patch>", run.Output, StringComparison.Ordinal);
        Assert.Empty(run.Result.Targets);
    }

    [Theory]
    [InlineData("--window", "24h", "--window '24h': is not used with --evidence ")]
    [InlineData("--window-end", "2017-09-05T00:00:00Z", "--window-end '2017-09-05T00:00:00Z': is not used with --evidence ")]
    [InlineData("--live", "true", "--live 'true': is not used with --evidence ")]
    [InlineData("--prometheus-url", "http://127.0.0.1:9090", "--prometheus-url 'http://127.0.0.1:9090': is not used with --evidence ")]
    public async Task EvaluateGates_EvidenceWithWindowOrLiveOrPrometheus_RefusedNamingBoth(string flag, string value, string expected)
    {
        using var root = ReleaseRoot();
        (root.Path / "evidence").CreateDirectory();

        var run = await BuildHarness.RunAsync(new EdgeRisk.Build.Build(), root, ["EvaluateGates", "--evidence", "evidence", flag, value]);

        Assert.Equal(2, run.Result.ExitCode);
        Assert.Contains(expected, run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--evidence", "missing", "--evidence 'missing': is not a directory")]
    [InlineData("--window", "0s", "--window '0s': must be longer than 0")]
    public async Task EvaluateGates_BadParameter_ExitsTwoNamingTheFlag(string flag, string value, string expected)
    {
        using var root = ReleaseRoot();

        var run = await BuildHarness.RunAsync(new EdgeRisk.Build.Build(), root, ["EvaluateGates", flag, value]);

        Assert.Equal(2, run.Result.ExitCode);
        Assert.Contains(expected, run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--from", "2017-9-3", "--from '2017-9-3': must be a day yyyy-MM-dd")]
    [InlineData("--to", "2017-09-02", "--to '2017-09-02': is before --from 2017-09-03")]
    [InlineData("--symbols", "BTC-USD,DOGE-USD", "--symbols 'BTC-USD,DOGE-USD': has the unknown symbol 'DOGE-USD': pass a comma-separated list of BTC-USD, ETH-USD, NVDA")]
    [InlineData("--strategy", "momentum", "--strategy 'momentum': must be one of dual-horizon, ema-cross")]
    [InlineData("--strategy", "ema", "--strategy 'ema': must be one of dual-horizon, ema-cross")]
    public async Task Backtest_BadParameter_ExitsTwoNamingTheFlag(string flag, string value, string expected)
    {
        using var root = ReleaseRoot();

        var run = await BuildHarness.RunAsync(new EdgeRisk.Build.Build(), root, ["Backtest", flag, value]);

        Assert.Equal(2, run.Result.ExitCode);
        var line = ErrorLine(run);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--metrics-port", "70000", "--metrics-port '70000': must be 0 (a free port the OS chooses) or a TCP port 1..65535")]
    [InlineData("--journal", "keep", "--journal 'keep': must be resume or fresh")]
    public async Task LiveCrypto_BadParameter_ExitsTwoNamingTheFlag(string flag, string value, string expected)
    {
        using var root = ReleaseRoot();

        var run = await BuildHarness.RunAsync(new EdgeRisk.Build.Build(), root, ["LiveCrypto", flag, value]);

        Assert.Equal(2, run.Result.ExitCode);
        Assert.Contains(expected, run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--jira-issue", "release 40", "--jira-issue 'release 40': must be a Jira issue key PROJECT-123")]
    [InlineData("--jira-url", "yourteam.atlassian.net", "--jira-url 'yourteam.atlassian.net': must be an absolute http(s) URL")]
    [InlineData("--grafana-url", "grafana", "--grafana-url 'grafana': must be an absolute http(s) URL")]
    [InlineData("--github-repository", "edgerisk", "--github-repository 'edgerisk': must be owner/name")]
    [InlineData("--production-docker-host", "prod-host", "--production-docker-host 'prod-host': must be a Docker engine address")]
    public async Task Promote_BadParameter_ExitsTwoBeforeTheTagIsPushed(string flag, string value, string expected)
    {
        using var root = ReleaseRoot();

        var run = await BuildHarness.RunAsync(new EdgeRisk.Build.Build(), root, ["Promote", flag, value]);

        Assert.Equal(2, run.Result.ExitCode);
        Assert.Contains(expected, run.Output, StringComparison.Ordinal);
        Assert.Empty(run.Result.Targets);
        Assert.False((root.Path / "artifacts").DirectoryExists());
    }

    [Theory]
    [InlineData("DryRun")]
    [InlineData("EvaluateGates")]
    [InlineData("Promote")]
    public async Task Target_MalformedGatesFile_ExitsTwoNamingTheFileAndKeyBeforeAnythingRuns(string target)
    {
        using var root = ReleaseRoot();
        root.Write("config/strict.json", (root.Path / "config" / "gates.json").ReadAllText().Replace("\"maxVarPct\": 95", "\"maxVarPct\": -1", StringComparison.Ordinal));

        var run = await BuildHarness.RunAsync(new EdgeRisk.Build.Build(), root, [target, "--gates", "config/strict.json"]);

        Assert.Equal(2, run.Result.ExitCode);
        Assert.EndsWith("config/strict.json: gates.var.maxVarPct = -1: must be > 0", ErrorLine(run), StringComparison.Ordinal);
        Assert.Empty(run.Result.Targets);
        Assert.False((root.Path / "artifacts").DirectoryExists());
    }

    [Fact]
    public async Task EvaluateGates_MissingGatesFile_ExitsTwoNamingItAndTheDefault()
    {
        using var root = ReleaseRoot();

        var run = await BuildHarness.RunAsync(new EdgeRisk.Build.Build(), root, ["EvaluateGates", "--gates", "gates.json"]);

        Assert.Equal(2, run.Result.ExitCode);
        Assert.EndsWith("gates.json: no such gates file; pass --gates config/gates.json or a copy of it", ErrorLine(run), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Promote_UnknownProfile_ListsLocalAndStaging()
    {
        using var root = ReleaseRoot();

        var run = await BuildHarness.RunAsync(new EdgeRisk.Build.Build(), root, ["Promote", "--profile", "prod"]);

        Assert.Equal(2, run.Result.ExitCode);
        Assert.Contains("--profile 'prod' is not a profile: pass one of local, staging", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Backtest")]
    [InlineData("DryRun")]
    [InlineData("LiveCrypto")]
    public async Task Target_BadConfigValue_ExitsTwoNamingFileAndKeyBeforeRunning(string target)
    {
        using var root = ReleaseRoot();
        root.Write("tuned/strategy.json", File.ReadAllText(Path.Combine(ShippedConfig, "strategy.json")));
        root.Write("tuned/router.json", File.ReadAllText(Path.Combine(ShippedConfig, "router.json")).Replace("\"minDwellMinutes\": 30", "\"minDwellMinutes\": -5", StringComparison.Ordinal));

        var run = await BuildHarness.RunAsync(new EdgeRisk.Build.Build(), root, [target, "--config", "tuned", "--plan"]);

        Assert.Equal(2, run.Result.ExitCode);
        Assert.Equal($"ERR --config 'tuned': {root.Path / "tuned" / "router.json"}: minDwellMinutes must be in [0, 10080], got -5", ErrorLine(run));
    }

    [Fact]
    public async Task Backtest_ConfigFolderMissing_ExitsTwoNamingTheFlag()
    {
        using var root = ReleaseRoot();

        var run = await BuildHarness.RunAsync(new EdgeRisk.Build.Build(), root, ["Backtest", "--config", "nope", "--plan"]);

        Assert.Equal(2, run.Result.ExitCode);
        Assert.StartsWith($"ERR --config 'nope': --config: directory '{root.Path / "nope"}' does not exist", ErrorLine(run), StringComparison.Ordinal);
    }

    /// <summary>The shipped config/ of this repository.</summary>
    private static string ShippedConfig
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "config", "router.json")) && File.Exists(Path.Combine(directory.FullName, "build.sh")))
                {
                    return Path.Combine(directory.FullName, "config");
                }
            }

            throw new InvalidOperationException("Repository root (config/) not found above the test output directory.");
        }
    }

    /// <summary>The one error line (a fresh root also gets its workflow files generated, which is logged first).</summary>
    private static string ErrorLine(BuildRun run) =>
        Assert.Single(run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("ERR ", StringComparison.Ordinal));

    /// <summary>A repository root with what the release targets' checks look at: the solution, the dashboards and shipped days.</summary>
    private static TempRoot ReleaseRoot()
    {
        var root = new TempRoot();
        root.Write(".nuke/parameters.json", """{ "$schema": "./build.schema.json" }""");
        root.Write(".nuke/parameters.staging.json", """{ "$schema": "./build.schema.json" }""");
        root.Write("EdgeRisk.sln", string.Empty);
        root.Write(".env", "EDGERISK_REGISTRY=127.0.0.1:5057\n");
        root.Write("grafana/edge_risk.json", "{}");
        root.Write("grafana/model_switch_alert.json", "{}");
        foreach (var file in new[] { "strategy.json", "router.json" })
        {
            root.Write($"config/{file}", File.ReadAllText(Path.Combine(ShippedConfig, file)));
        }

        foreach (var symbol in new[] { "btcusd", "ethusd" })
        {
            foreach (var day in new[] { "20170903", "20170904" })
            {
                root.Write($"data/lean/crypto/coinbase/minute/{symbol}/{day}_trade.zip", string.Empty);
            }
        }

        return root;
    }
}

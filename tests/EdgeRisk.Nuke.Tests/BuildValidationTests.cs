namespace EdgeRisk.Nuke.Tests;

/// <summary>
/// The real build's parameter checks: a bad value of any target in the plan is one line naming the flag as typed and
/// its valid values, exit code 2, before any target runs.
/// </summary>
public sealed class BuildValidationTests
{
    [Fact]
    public async Task DryRun_ValidParameters_PassesValidation()
    {
        using var root = ReleaseRoot();

        var run = await RunAsync(root, "DryRun", "--speed", "max", "--duration", "1h30m", "--crash-at", "45m", "--window", "1h", "--release-version", "v0.4.0-rc3", "--plan");

        Assert.True(run.Result.ExitCode == 0, run.Output);
    }

    /// <summary>A target, a bad flag and its value, and what the one error line says.</summary>
    public static TheoryData<string, string[], string> BadParameters => new()
    {
        { "DryRun", ["--speed", "fast"], "--speed 'fast': must be a positive number" },
        { "DryRun", ["--speed", "2000000"], "--speed '2000000': must be a positive number of virtual seconds per wall second up to 1000000" },
        { "DryRun", ["--duration", "0h"], "--duration '0h': must be longer than 0 and at most 30d, e.g. 48h, 1h30m or 30m" },
        { "DryRun", ["--duration", "-1h"], "--duration '-1h': must be longer than 0" },
        { "DryRun", ["--crash-at", "50h"], "--crash-at '50h': must be within the dry run: after 0 and before --duration 48h" },
        { "DryRun", ["--progress-every", "0h"], "--progress-every '0h': must be longer than 0, e.g. 6h or 30m" },
        { "DryRun", ["--window", "0h"], "--window '0h': must be longer than 0, e.g. 48h" },
        { "DryRun", ["--window", "72h"], "--window '72h': must be at most --duration 48h" },
        { "DryRun", ["--pnl-sigma-usd", "0"], "--pnl-sigma-usd '0': must be a positive number of USD" },
        { "DryRun", ["--pushgateway-url", "127.0.0.1:9091"], "--pushgateway-url '127.0.0.1:9091': must be an absolute http(s) URL, e.g. http://127.0.0.1:9091" },
        { "DryRun", ["--prometheus-url", "ftp://127.0.0.1:9090"], "--prometheus-url 'ftp://127.0.0.1:9090': must be an absolute http(s) URL" },
        { "DryRun", ["--docker-host", "docker.example.com"], "--docker-host 'docker.example.com': must be a Docker engine address" },
        { "DryRun", ["--compose-project", "EdgeRisk"], "--compose-project 'EdgeRisk': must be a compose project name" },
        { "DryRun", ["--release-version", "x.y"], "--release-version 'x.y': must be <major>.<minor>.<patch> or <major>.<minor>.<patch>-rc<n>, leading v optional (e.g. 0.4.0 or 0.4.0-rc3)" },
        { "DryRun", ["--release-version", "0.4"], "--release-version '0.4': must be <major>.<minor>.<patch>" },
        { "DryRun", ["--configuration", "Prod"], "--configuration 'Prod': must be Debug or Release" },
        { "Restore", ["--solution", "nope.sln"], "--solution 'nope.sln': is not a file under the repository root: pass a solution such as EdgeRisk.sln" },
        { "Compile", ["--solution", "nope.sln"], "--solution 'nope.sln': is not a file under the repository root" },
        { "Compile", ["--configuration", "Prod"], "--configuration 'Prod': must be Debug or Release" },
        { "Test", ["--configuration", "Prod"], "--configuration 'Prod': must be Debug or Release" },
        // Before develop is created.
        { "Tag", ["--release-version", "x.y"], "--release-version 'x.y': must be <major>.<minor>.<patch>" },
        { "EvaluateGates", ["--evidence", "evidence", "--window", "24h"], "--window '24h': is not used with --evidence " },
        { "EvaluateGates", ["--evidence", "evidence", "--window-end", "2017-09-05T00:00:00Z"], "--window-end '2017-09-05T00:00:00Z': is not used with --evidence " },
        { "EvaluateGates", ["--evidence", "evidence", "--live", "true"], "--live 'true': is not used with --evidence " },
        { "EvaluateGates", ["--evidence", "evidence", "--prometheus-url", "http://127.0.0.1:9090"], "--prometheus-url 'http://127.0.0.1:9090': is not used with --evidence " },
        { "EvaluateGates", ["--evidence", "missing"], "--evidence 'missing': is not a directory" },
        { "EvaluateGates", ["--window", "0s"], "--window '0s': must be longer than 0" },
        { "Backtest", ["--from", "2017-9-3"], "--from '2017-9-3': must be a day yyyy-MM-dd" },
        { "Backtest", ["--to", "2017-09-02"], "--to '2017-09-02': is before --from 2017-09-03" },
        { "Backtest", ["--symbols", "BTC-USD,DOGE-USD"], "--symbols 'BTC-USD,DOGE-USD': has the unknown symbol 'DOGE-USD': pass a comma-separated list of BTC-USD, ETH-USD, NVDA" },
        { "Backtest", ["--strategy", "momentum"], "--strategy 'momentum': must be one of dual-horizon, ema-cross" },
        { "Backtest", ["--strategy", "ema"], "--strategy 'ema': must be one of dual-horizon, ema-cross" },
        { "LiveCrypto", ["--metrics-port", "70000"], "--metrics-port '70000': must be 0 (a free port the OS chooses) or a TCP port 1..65535" },
        { "LiveCrypto", ["--journal", "keep"], "--journal 'keep': must be resume or fresh" },
        // Before the tag is pushed.
        { "Promote", ["--jira-issue", "release 40"], "--jira-issue 'release 40': must be a Jira issue key PROJECT-123" },
        { "Promote", ["--jira-url", "yourteam.atlassian.net"], "--jira-url 'yourteam.atlassian.net': must be an absolute http(s) URL" },
        { "Promote", ["--grafana-url", "grafana"], "--grafana-url 'grafana': must be an absolute http(s) URL" },
        { "Promote", ["--github-repository", "edgerisk"], "--github-repository 'edgerisk': must be owner/name" },
        { "Promote", ["--production-docker-host", "prod-host"], "--production-docker-host 'prod-host': must be a Docker engine address" },
        { "Promote", ["--profile", "prod"], "--profile 'prod' is not a profile: pass one of local, staging" },
    };

    [Theory]
    [MemberData(nameof(BadParameters))]
    public async Task Target_BadParameter_ExitsTwoNamingTheFlagAndItsValidValuesBeforeAnythingRuns(string target, string[] flagAndValue, string expected)
    {
        using var root = ReleaseRoot();

        var run = await RunAsync(root, [target, .. flagAndValue]);

        Assert.Contains(expected, RefusedLine(run, root), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "DryRun", "--speed", "-1" }, "--speed '-1': must be a positive number of virtual seconds per wall second up to 1000000 (e.g. 2880), or max")]
    [InlineData(new[] { "DryRun", "--gates", "config/strict.json" }, "config/strict.json: gates.var.maxVarPct = -1: must be > 0")]
    [InlineData(new[] { "EvaluateGates", "--gates", "config/strict.json" }, "config/strict.json: gates.var.maxVarPct = -1: must be > 0")]
    [InlineData(new[] { "Promote", "--gates", "config/strict.json" }, "config/strict.json: gates.var.maxVarPct = -1: must be > 0")]
    [InlineData(new[] { "EvaluateGates", "--gates", "gates.json" }, "gates.json: no such gates file; pass --gates config/gates.json or a copy of it")]
    public async Task Target_BadSpeedOrGatesFile_ErrorLineEndsWithTheFixBeforeAnythingRuns(string[] args, string ending)
    {
        using var root = ReleaseRoot();
        // The shipped gates file with one bad key.
        root.Write("config/strict.json", (root.Path / "config" / "gates.json").ReadAllText().Replace("\"maxVarPct\": 95", "\"maxVarPct\": -1", StringComparison.Ordinal));

        var run = await RunAsync(root, args);

        Assert.EndsWith(ending, RefusedLine(run, root), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Backtest")]
    [InlineData("DryRun")]
    [InlineData("LiveCrypto")]
    public async Task Target_BadConfigValue_ExitsTwoNamingFileAndKeyBeforeRunning(string target)
    {
        using var root = ReleaseRoot();
        root.Write("tuned/strategy.json", File.ReadAllText(ShippedConfig("strategy.json")));
        root.Write("tuned/router.json", File.ReadAllText(ShippedConfig("router.json")).Replace("\"minDwellMinutes\": 30", "\"minDwellMinutes\": -5", StringComparison.Ordinal));

        var run = await RunAsync(root, target, "--config", "tuned", "--plan");

        Assert.Equal($"ERR --config 'tuned': {root.Path / "tuned" / "router.json"}: minDwellMinutes must be in [0, 10080], got -5", RefusedLine(run, root));
    }

    [Fact]
    public async Task Backtest_ConfigFolderMissing_ExitsTwoNamingTheFlag()
    {
        using var root = ReleaseRoot();

        var run = await RunAsync(root, "Backtest", "--config", "nope", "--plan");

        Assert.StartsWith($"ERR --config 'nope': --config: directory '{root.Path / "nope"}' does not exist", RefusedLine(run, root), StringComparison.Ordinal);
    }

    /// <summary>A file of the shipped config/ of this repository.</summary>
    private static string ShippedConfig(string file) => RepositoryRoot.Combine("config", file);

    private static Task<BuildRun> RunAsync(TempRoot root, params string[] args) => BuildHarness.RunAsync(new EdgeRisk.Build.Build(), root, args);

    /// <summary>
    /// The refusal came before anything ran: exit code 2, no target, no artifacts at all (no rc tag, no services), and
    /// one error line, which it returns.
    /// </summary>
    private static string RefusedLine(BuildRun run, TempRoot root)
    {
        Assert.True(run.Result.ExitCode == 2, run.Output);
        Assert.Empty(run.Result.Targets);
        Assert.False((root.Path / "artifacts").DirectoryExists());
        return ErrorLine(run);
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
        (root.Path / "evidence").CreateDirectory();
        foreach (var file in new[] { "strategy.json", "router.json" })
        {
            root.Write($"config/{file}", File.ReadAllText(ShippedConfig(file)));
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

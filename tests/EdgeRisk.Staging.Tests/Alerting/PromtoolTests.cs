namespace EdgeRisk.Staging.Tests.Alerting;

/// <summary>promtool against prometheus/: the config and rules are valid and the rule unit tests pass and catch changes.</summary>
public sealed class PromtoolTests
{
    private static readonly string PrometheusDir = RepositoryRoot.Combine("prometheus");

    public static TheoryData<string> RuleFiles => ["risk.yml", "router.yml", "edge.yml", "platform.yml"];

    public static TheoryData<string> RuleTestFiles => ["risk.test.yml", "router.test.yml", "edge.test.yml", "platform.test.yml"];

    [Fact]
    public async Task CheckConfig_RepositoryConfig_Succeeds()
    {
        var result = await CommandRunner.RunAsync("promtool", ["check", "config", "prometheus.yml"], workingDirectory: PrometheusDir);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("SUCCESS: prometheus.yml is valid prometheus config file syntax", result.StandardOutput + result.StandardError);
        // check config also loads every rule file the rule_files glob matches.
        Assert.Contains("SUCCESS: 4 rule files found", result.StandardOutput + result.StandardError);
    }

    [Fact]
    public async Task CheckConfig_BrokenCopy_Fails()
    {
        using var dir = CopyOfPrometheusDir();
        var config = dir.Combine("prometheus.yml");
        await File.WriteAllTextAsync(config, ConfigText.Replace(await File.ReadAllTextAsync(config), "scrape_interval: 15s", "scrape_interval: 15 seconds"));

        var result = await CommandRunner.RunAsync("promtool", ["check", "config", "prometheus.yml"], workingDirectory: dir.Path);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("FAILED", result.StandardOutput + result.StandardError);
    }

    [Theory]
    [MemberData(nameof(RuleFiles))]
    public async Task CheckRules_RuleFile_Succeeds(string file)
    {
        var result = await CommandRunner.RunAsync("promtool", ["check", "rules", Path.Combine("rules", file)], workingDirectory: PrometheusDir);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("SUCCESS", result.StandardOutput);
    }

    [Fact]
    public async Task CheckRules_InvalidExpressionInCopy_Fails()
    {
        using var dir = CopyOfPrometheusDir();
        var rules = dir.Combine("rules", "risk.yml");
        await File.WriteAllTextAsync(rules, ConfigText.Replace(await File.ReadAllTextAsync(rules), "expr: var_pct > 90", "expr: var_pct >"));

        var result = await CommandRunner.RunAsync("promtool", ["check", "rules", rules]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("FAILED", result.StandardOutput + result.StandardError);
    }

    [Theory]
    [MemberData(nameof(RuleTestFiles))]
    public async Task TestRules_RepositoryUnitTests_Succeed(string file)
    {
        var result = await CommandRunner.RunAsync("promtool", ["test", "rules", Path.Combine("rules", "tests", file)], workingDirectory: PrometheusDir);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("SUCCESS", result.StandardOutput);
    }

    [Theory]
    [InlineData("risk.yml", "expr: var_pct > 90", "expr: var_pct >= 90", "risk.test.yml", "VarHigh")]
    [InlineData("risk.yml", "expr: var_pct > 95", "expr: var_pct >= 95", "risk.test.yml", "VarCritical")]
    [InlineData("router.yml", "[5m])) > 20", "[5m])) >= 20", "router.test.yml", "ModelSwitchStorm")]
    [InlineData("edge.yml", "edge_blended_sigma_bps > 2", "edge_blended_sigma_bps >= 2", "edge.test.yml", "EdgeBlendedOutOfBand")]
    [InlineData("platform.yml", "feed_lag_seconds > 30", "feed_lag_seconds >= 30", "platform.test.yml", "FeedStale")]
    [InlineData("risk.yml", "for: 30s", "for: 15s", "risk.test.yml", "VarHigh")]
    public async Task TestRules_BoundaryMovedInCopy_FailsNamingTheAlert(string ruleFile, string original, string changed, string testFile, string alert)
    {
        using var dir = CopyOfPrometheusDir();
        var rules = dir.Combine("rules", ruleFile);
        await File.WriteAllTextAsync(rules, ConfigText.Replace(await File.ReadAllTextAsync(rules), original, changed));

        var result = await CommandRunner.RunAsync("promtool", ["test", "rules", dir.Combine("rules", "tests", testFile)]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("FAILED", result.StandardOutput + result.StandardError);
        Assert.Contains($"alertname: {alert}", result.StandardOutput + result.StandardError);
    }

    private static TempDirectory CopyOfPrometheusDir()
    {
        var dir = new TempDirectory("prometheus-copy");
        foreach (var file in Directory.EnumerateFiles(PrometheusDir, "*.yml", SearchOption.AllDirectories))
        {
            var target = dir.Combine(Path.GetRelativePath(PrometheusDir, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return dir;
    }
}

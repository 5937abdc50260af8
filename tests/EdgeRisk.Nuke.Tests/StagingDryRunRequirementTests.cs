namespace EdgeRisk.Nuke.Tests;

/// <summary>The real build's DryRun in the staging profile: the staging Prometheus is required before any target runs.</summary>
public sealed class StagingDryRunRequirementTests
{
    [Fact]
    public async Task DryRun_StagingWithoutPrometheusUrl_ExitsTwoNamingTheParameter()
    {
        using var root = StagingRoot();

        var run = await BuildHarness.RunAsync(new EdgeRisk.Build.Build(), root, ["DryRun", "--profile", "staging", "--skip"]);

        Assert.Equal(2, run.Result.ExitCode);
        Assert.Contains("DryRun in staging needs the staging Prometheus: pass --prometheus-url URL or set PROMETHEUS_URL", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(run.Result.Targets, t => t.Status is TargetStatus.Succeeded or TargetStatus.Failed);
    }

    [Theory]
    [InlineData("--prometheus-url", "ftp://127.0.0.1:9090", "--prometheus-url 'ftp://127.0.0.1:9090': must be an absolute http(s) URL, e.g. http://127.0.0.1:9090")]
    [InlineData("--pushgateway-url", "127.0.0.1:9091", "--pushgateway-url '127.0.0.1:9091': must be an absolute http(s) URL, e.g. http://127.0.0.1:9091")]
    public async Task DryRun_StagingWithBadUrl_ExitsTwoNamingTheInput(string parameter, string value, string message)
    {
        using var root = StagingRoot();
        var environment = new Dictionary<string, string> { ["PROMETHEUS_URL"] = "http://127.0.0.1:9090" };

        var run = await BuildHarness.RunAsync(new EdgeRisk.Build.Build(), root, ["DryRun", "--profile", "staging", "--skip", parameter, value], environment);

        Assert.Equal(2, run.Result.ExitCode);
        Assert.Contains(message, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DryRun_StagingWithoutPagerDutyRoutingKey_ExitsTwoNamingTheVariableBeforeAnyTarget()
    {
        using var root = StagingRoot();
        var environment = new Dictionary<string, string> { ["PROMETHEUS_URL"] = "http://127.0.0.1:9090" };

        var run = await BuildHarness.RunAsync(new EdgeRisk.Build.Build(), root, ["DryRun", "--profile", "staging", "--skip"], environment);

        Assert.Equal(2, run.Result.ExitCode);
        Assert.Contains("PagerDuty is not configured: set PAGERDUTY_ROUTING_KEY (or PAGERDUTY_ROUTING_KEY_FILE, a file holding it)", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(run.Result.Targets, t => t.Status is TargetStatus.Succeeded or TargetStatus.Failed);
    }

    [Theory]
    [InlineData("BuildImages")]
    [InlineData("StartServices")]
    public async Task ImageTargets_RegistryNotARegistry_ExitTwoNamingTheInputAndTheValidForm(string target)
    {
        using var root = StagingRoot();
        root.Write(".env", "EDGERISK_REGISTRY=127.0.0.1:5057\n");

        var run = await BuildHarness.RunAsync(new EdgeRisk.Build.Build(), root, [target, "--skip", "--edgerisk-registry", "http://127.0.0.1:5057"]);

        Assert.Equal(2, run.Result.ExitCode);
        Assert.Contains("EDGERISK_REGISTRY 'http://127.0.0.1:5057' is not an image registry: use host[:port][/namespace] in lowercase, " +
            "e.g. 127.0.0.1:5057 (local) or ghcr.io/<owner> (set it with --edgerisk-registry, in the environment or in .env)", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(run.Result.Targets, t => t.Status is TargetStatus.Succeeded or TargetStatus.Failed);
    }

    [Fact]
    public async Task Help_StagingSecrets_OneNameEachAsTheRunbookAndErrorsUseIt()
    {
        using var root = StagingRoot();

        var run = await BuildHarness.RunAsync(new EdgeRisk.Build.Build(), root, ["--help"]);

        foreach (var (flag, variable) in new[]
        {
            ("--grafana-token", "GRAFANA_TOKEN"), ("--jira-api-token", "JIRA_API_TOKEN"),
            ("--pagerduty-routing-key", "PAGERDUTY_ROUTING_KEY"), ("--github-token", "GITHUB_TOKEN"),
        })
        {
            Assert.Contains(flag, run.Output, StringComparison.Ordinal);
            Assert.Contains($"[env {variable}]", run.Output, StringComparison.Ordinal);
        }

        foreach (var stale in new[] { "GRAFANA_API_KEY", "JIRA_TOKEN]", "PAGER_DUTY_TOKEN" })
        {
            Assert.DoesNotContain(stale, run.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task BuildImages_NoRegistryAnywhere_ExitsTwoNamingTheVariable()
    {
        using var root = StagingRoot();

        var run = await BuildHarness.RunAsync(new EdgeRisk.Build.Build(), root, ["BuildImages", "--skip"]);

        Assert.Equal(2, run.Result.ExitCode);
        Assert.Contains("EDGERISK_REGISTRY '' is not an image registry", run.Output, StringComparison.Ordinal);
    }

    private static TempRoot StagingRoot()
    {
        var root = new TempRoot();
        root.Write(".nuke/parameters.json", """{ "$schema": "./build.schema.json" }""");
        root.Write(".nuke/parameters.staging.json", """{ "$schema": "./build.schema.json" }""");
        return root;
    }
}

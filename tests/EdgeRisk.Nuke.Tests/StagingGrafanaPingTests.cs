namespace EdgeRisk.Nuke.Tests;

/// <summary>The real build in the staging profile: missing Grafana auth variables are refused before any target runs, with the ping's fate.</summary>
public sealed class StagingGrafanaPingTests
{
    [Fact]
    public async Task ImportDashboards_StagingWithoutGrafanaAndPagerDuty_ExitsTwoSayingTheWarningWasNotSent()
    {
        using var root = new TempRoot();
        root.Write(".nuke/parameters.json", """{ "$schema": "./build.schema.json" }""");
        root.Write(".nuke/parameters.staging.json", """{ "$schema": "./build.schema.json" }""");

        var run = await BuildHarness.RunAsync(new EdgeRisk.Build.Build(), root, ["ImportDashboards", "--profile", "staging", "--skip"]);

        Assert.Equal(2, run.Result.ExitCode);
        Assert.Contains(
            "Grafana is not configured: set GRAFANA_URL, GRAFANA_TOKEN (or GRAFANA_USER and GRAFANA_PASSWORD); " +
            "PagerDuty warning NOT sent (PagerDuty is not configured: set PAGERDUTY_ROUTING_KEY (or PAGERDUTY_ROUTING_KEY_FILE, a file holding it))",
            run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(run.Result.Targets, t => t.Status is TargetStatus.Succeeded or TargetStatus.Failed);
    }

    [Fact]
    public async Task ImportDashboards_StagingWithoutGrafanaPlanOnly_RefusesWithoutAnyPing()
    {
        using var root = new TempRoot();
        root.Write(".nuke/parameters.json", """{ "$schema": "./build.schema.json" }""");
        root.Write(".nuke/parameters.staging.json", """{ "$schema": "./build.schema.json" }""");

        var run = await BuildHarness.RunAsync(new EdgeRisk.Build.Build(), root, ["ImportDashboards", "--profile", "staging", "--skip", "--plan"]);

        Assert.Equal(2, run.Result.ExitCode);
        Assert.Contains("Grafana is not configured: set GRAFANA_URL, GRAFANA_TOKEN (or GRAFANA_USER and GRAFANA_PASSWORD)", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("PagerDuty warning", run.Output, StringComparison.Ordinal);
    }
}

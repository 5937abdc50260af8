namespace EdgeRisk.Staging.Tests.Scripts;

/// <summary>
/// scripts/grafana_import.sh as the runbook's step 2.2 runs it: with GRAFANA_URL and GRAFANA_TOKEN it imports into that
/// Grafana (here a loopback fake that enforces the API contract) and does nothing else — no tag, no deploy.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class GrafanaImportScriptTests
{
    private const string Token = "glsa_import_script_test";

    private static readonly string Script = RepositoryRoot.Combine("scripts", "grafana_import.sh");

    [Fact]
    public async Task Import_GrafanaUrlAndTokenWithoutProfile_ImportsIntoThatGrafanaAndRunsNoOtherTarget()
    {
        await using var grafana = await FakeGrafana.StartWithTokenAsync(Token);

        var result = await RunAsync(new Dictionary<string, string>
        {
            ["GRAFANA_URL"] = grafana.BaseUrl.ToString(),
            ["GRAFANA_TOKEN"] = Token,
        });

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.NotNull(grafana.Dashboard("edgerisk-edge-risk"));
        Assert.Contains(grafana.Requests, r => r.Path.StartsWith("/api/v1/provisioning/", StringComparison.Ordinal));
        Assert.DoesNotContain("[Tag]", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("[StageDeploy]", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, result.StandardOutput + result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_NoGrafanaUrl_ExitsTwoNamingTheVariablesAndSendsNothing()
    {
        var result = await RunAsync(new Dictionary<string, string>());

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("GRAFANA_URL", line, StringComparison.Ordinal);
        Assert.Contains("GRAFANA_TOKEN", line, StringComparison.Ordinal);
    }

    private static Task<CommandResult> RunAsync(Dictionary<string, string> environment) =>
        CommandRunner.RunAsync("bash", [Script, "--dash", "grafana/edge_risk.json", "--alert", "grafana/model_switch_alert.json"],
            environment, timeout: TimeSpan.FromMinutes(5),
            unset: GrafanaVariables.Where(name => !environment.ContainsKey(name)));

    private static readonly string[] GrafanaVariables = ["PROFILE", "GRAFANA_URL", "GRAFANA_TOKEN", "GRAFANA_API_KEY", "GRAFANA_USER", "GRAFANA_PASSWORD"];
}

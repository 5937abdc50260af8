namespace EdgeRisk.Staging.Tests.Alerting;

/// <summary>amtool against alertmanager/alertmanager.yml: valid, and every severity reaches a PagerDuty receiver.</summary>
public sealed class AlertmanagerConfigTests
{
    private static readonly string ConfigPath = RepositoryRoot.Combine("alertmanager", "alertmanager.yml");

    [Fact]
    public async Task CheckConfig_RepositoryConfig_Succeeds()
    {
        var result = await CommandRunner.RunAsync("amtool", ["check-config", ConfigPath]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("SUCCESS", result.StandardOutput);
        Assert.Contains("2 receivers", result.StandardOutput);
    }

    [Fact]
    public async Task CheckConfig_CopyWithoutRoutingKey_Fails()
    {
        using var dir = new TempDirectory("alertmanager-copy");
        var copy = dir.Combine("alertmanager.yml");
        var text = ConfigText.Replace(await File.ReadAllTextAsync(ConfigPath),
            "routing_key_file: /etc/alertmanager/secrets/pagerduty_routing_key", "client_url: https://example.invalid/");
        await File.WriteAllTextAsync(copy, text);

        var result = await CommandRunner.RunAsync("amtool", ["check-config", copy]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("missing service or routing key in PagerDuty config", result.StandardOutput + result.StandardError);
    }

    [Theory]
    [InlineData("severity=critical", "pagerduty-critical")]
    [InlineData("severity=warning", "pagerduty-warning")]
    [InlineData("severity=info", "pagerduty-critical")]
    [InlineData("alertname=Unlabelled", "pagerduty-critical")]
    public async Task RoutesTest_AlertLabels_ReachExpectedPagerDutyReceiver(string labels, string receiver)
    {
        var result = await CommandRunner.RunAsync("amtool",
            ["config", "routes", "test", $"--config.file={ConfigPath}", $"--verify.receivers={receiver}", labels]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(receiver, result.StandardOutput.Trim());
    }

    [Fact]
    public async Task RoutesTest_WarningExpectedAsCritical_Fails()
    {
        var result = await CommandRunner.RunAsync("amtool",
            ["config", "routes", "test", $"--config.file={ConfigPath}", "--verify.receivers=pagerduty-critical", "severity=warning"]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Expected receivers did not match resolved receivers", result.StandardOutput + result.StandardError);
    }
}

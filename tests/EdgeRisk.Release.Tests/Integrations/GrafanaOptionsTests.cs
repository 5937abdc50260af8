namespace EdgeRisk.Release.Tests.Integrations;

public sealed class GrafanaOptionsTests
{
    [Fact]
    public void FromEnvironment_NothingSet_NamesUrlAndAuthVariables()
    {
        var error = Assert.Throws<IntegrationConfigurationException>(() => GrafanaOptions.FromEnvironment(_ => null));

        Assert.Equal("Grafana is not configured: set GRAFANA_URL, GRAFANA_TOKEN (or GRAFANA_USER and GRAFANA_PASSWORD)", error.Message);
    }

    [Fact]
    public void FromEnvironment_UserWithoutPassword_NamesPasswordVariable()
    {
        var env = new Dictionary<string, string> { ["GRAFANA_URL"] = "http://127.0.0.1:3000", ["GRAFANA_USER"] = "admin" };

        var error = Assert.Throws<IntegrationConfigurationException>(() => GrafanaOptions.FromEnvironment(env.GetValueOrDefault));

        Assert.Equal(["GRAFANA_PASSWORD"], error.MissingVariables);
    }

    [Fact]
    public void ToString_WithToken_MasksToken()
    {
        var env = new Dictionary<string, string> { ["GRAFANA_URL"] = "http://127.0.0.1:3000", ["GRAFANA_TOKEN"] = "glsa_secretValue_1234" };

        var options = GrafanaOptions.FromEnvironment(env.GetValueOrDefault);

        Assert.DoesNotContain("glsa_secretValue_1234", options.ToString(), StringComparison.Ordinal);
        Assert.Contains(Secret.Mask, options.ToString(), StringComparison.Ordinal);
    }
}

namespace EdgeRisk.Release.Tests.Gates;

public sealed class PrometheusRulesTests
{
    private const string Rules = """
        groups:
          - name: risk
            interval: 1s
            rules:
              - record: risk:var_pct:max
                expr: max(var_pct)
              - alert: VarHigh
                expr: var_pct > 90
                for: 1m
                labels: { severity: warning }
        """;

    [Fact]
    public async Task GetAlertRulesAsync_LoadedRules_ReportsAlertingRulesWithHealth()
    {
        await using var server = await PrometheusServer.StartAsync(
            "global: {scrape_interval: 1s, evaluation_interval: 1s}\nrule_files: [risk.yml]\n",
            extraFiles: new Dictionary<string, string> { ["risk.yml"] = Rules });
        var source = new PrometheusEvidenceSource(server.BaseUrl, new PrometheusSourceOptions(), null, TimeProvider.System);

        var deadline = DateTime.UtcNow.AddSeconds(20);
        var rules = await source.GetAlertRulesAsync(CancellationToken.None);
        while (rules!.Rules.Any(r => r.Health != "ok") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            rules = await source.GetAlertRulesAsync(CancellationToken.None);
        }

        var rule = Assert.Single(rules.Rules);
        Assert.Equal(("risk", "VarHigh", "ok"), (rule.Group, rule.Name, rule.Health));
        Assert.True(source.Recording.Files.ContainsKey("rules.json"));
    }
}

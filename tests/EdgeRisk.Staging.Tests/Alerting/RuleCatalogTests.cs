namespace EdgeRisk.Staging.Tests.Alerting;

/// <summary>The rule files as a real Prometheus loads them: the contract's alert names, each with severity, summary, description and runbook.</summary>
public sealed class RuleCatalogTests
{
    [Fact]
    public async Task Rules_LoadedByPrometheus_AreTheContractAlertsWithSeveritySummaryAndRunbook()
    {
        var rulesDir = RepositoryRoot.Combine("prometheus", "rules");
        var files = Directory.EnumerateFiles(rulesDir, "*.yml").ToDictionary(p => Path.Combine("rules", Path.GetFileName(p)), File.ReadAllText);
        await using var prometheus = await PrometheusServer.StartAsync(
            "global: {evaluation_interval: 1s}\nrule_files: ['rules/*.yml']\n", extraFiles: files);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };

        // Health is "unknown" until the first evaluation of each group.
        List<JsonObject> rules = [];
        await WaitUntilAsync(async () =>
        {
            var body = JsonNode.Parse(await http.GetStringAsync(new Uri(prometheus.BaseUrl, "api/v1/rules?type=alert")))!;
            rules = body["data"]!["groups"]!.AsArray().SelectMany(g => g!["rules"]!.AsArray()).OfType<JsonObject>().ToList();
            return rules.Count > 0 && rules.All(r => r["health"]?.GetValue<string>() != "unknown");
        });

        Assert.Equal(
            ["EdgeBlendedOutOfBand", "FeedStale", "HealthcheckFailing", "ModelSwitchStorm", "TradingJobDown", "TradingProcessRestarted", "VarCritical", "VarHigh"],
            rules.Select(r => r["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(rules, rule =>
        {
            var name = rule["name"]!.GetValue<string>();
            Assert.Equal("ok", rule["health"]?.GetValue<string>());
            Assert.Contains(rule["labels"]?["severity"]?.GetValue<string>(), new[] { "critical", "warning" });
            Assert.False(string.IsNullOrWhiteSpace(rule["annotations"]?["summary"]?.GetValue<string>()), name);
            Assert.False(string.IsNullOrWhiteSpace(rule["annotations"]?["description"]?.GetValue<string>()), name);
            Assert.Equal($"https://github.com/edgerisk/edgerisk/blob/main/docs/runbook.md#{name.ToLowerInvariant()}", rule["annotations"]?["runbook_url"]?.GetValue<string>());
        });
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(20), "Prometheus did not evaluate every rule group within 20 s");
            await Task.Delay(100);
        }
    }
}

namespace EdgeRisk.Release.Tests.DryRun;

public sealed class AlertsRecordingRulesTests : IDisposable
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(15);
    private readonly TempDirectory _dir = new("dry-run-rules");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Build_RuleWithoutFor_RecordsFiringWhileTheExpressionHolds()
    {
        var rules = Build("- {alert: VarCritical, expr: var_pct > 95, for: 0s, labels: {severity: critical}}");

        var firing = Assert.Single(rules, r => r.Record == "ALERTS");
        Assert.Equal("(var_pct > 95) ^ 0", firing.Expr);
        Assert.Equal(new Dictionary<string, string> { ["severity"] = "critical", ["alertname"] = "VarCritical", ["alertstate"] = "firing" }, firing.Labels);
    }

    [Fact]
    public void Build_RuleWithFor_RequiresKPlusOneConsecutiveGridPoints()
    {
        var rules = Build("- {alert: VarHigh, expr: var_pct > 90, for: 1m, labels: {severity: warning}}");

        var firing = Assert.Single(rules, r => r.Labels?.GetValueOrDefault("alertstate") == "firing");
        var pending = Assert.Single(rules, r => r.Labels?.GetValueOrDefault("alertstate") == "pending");
        Assert.Equal("(count_over_time((var_pct > 90)[74999ms:15000ms]) >= 5) ^ 0", firing.Expr);
        Assert.Equal("(count_over_time((var_pct > 90)[14999ms:15000ms]) ^ 0) unless (count_over_time((var_pct > 90)[74999ms:15000ms]) >= 5)", pending.Expr);
    }

    [Fact]
    public void Build_ForNotAMultipleOfTheStep_RoundsTheEvaluationsUp()
    {
        var rules = Build("- {alert: FeedStale, expr: feed_lag_seconds > 30, for: 20s}");

        Assert.Contains(rules, r => r.Expr == "(count_over_time((feed_lag_seconds > 30)[44999ms:15000ms]) >= 3) ^ 0");
    }

    [Fact]
    public void Build_AnyRules_StartsWithTheEvaluationMarker()
    {
        var rules = Build("- {record: 'job:var_pct:max', expr: max by (job) (var_pct)}");

        var marker = Assert.Single(rules);
        Assert.Equal(("edgerisk_rules_evaluated", "vector(1)"), (marker.Record, marker.Expr));
    }

    [Fact]
    public void Build_TemplatedLabel_FailsNamingTheRule()
    {
        var error = Assert.Throws<EvidenceInputException>(() => Build("- {alert: VarHigh, expr: var_pct > 90, labels: {who: '{{ $labels.job }}'}}"));

        Assert.Contains("alert VarHigh label 'who' is templated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProjectRecordingRules_NoRecordingRules_ReturnsNull()
    {
        var file = WriteRules("- {alert: VarHigh, expr: var_pct > 90}");

        Assert.Null(AlertsRecordingRules.ProjectRecordingRules([file], Step));
    }

    [Theory]
    [InlineData("30s", 30_000)]
    [InlineData("1m30s", 90_000)]
    [InlineData("500ms", 500)]
    [InlineData("2h", 7_200_000)]
    [InlineData("0", 0)]
    public void PrometheusDurationParse_ValidText_ReturnsDuration(string text, long ms) =>
        Assert.Equal(TimeSpan.FromMilliseconds(ms), PrometheusDuration.Parse(text, "test"));

    [Fact]
    public void PrometheusDurationParse_InvalidText_Fails() =>
        Assert.Throws<EvidenceInputException>(() => PrometheusDuration.Parse("5 minutes", "test"));

    private List<PrometheusRule> Build(string rulesYaml) =>
        Assert.Single(AlertsRecordingRules.Build([WriteRules(rulesYaml)], Step).Groups).Rules;

    private string WriteRules(string rulesYaml)
    {
        var path = _dir.Combine($"rules-{Guid.NewGuid():N}.yml");
        File.WriteAllText(path, "groups:\n  - name: test\n    rules:\n" + string.Join('\n', rulesYaml.Split('\n').Select(l => "      " + l)) + "\n");
        return path;
    }
}

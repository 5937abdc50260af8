using System.Text.Json.Nodes;
using EdgeRisk.Release.Grafana;
using EdgeRisk.Staging.Tests.Scripts;

namespace EdgeRisk.Staging.Tests.Grafana;

/// <summary>grafana/model_switch_alert.json as a provisioning-API rule group body.</summary>
public sealed class AlertRuleGroupValidatorTests
{
    private readonly AlertRuleGroupValidator _validator = new();

    [Fact]
    public void ValidateFile_CommittedRuleGroup_IsValid()
    {
        var result = _validator.ValidateFile(RepositoryRoot.Combine("grafana", "model_switch_alert.json"));

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
    }

    [Fact]
    public void Validate_ConditionNamesMissingRefId_ReportsCondition()
    {
        var group = Group();
        Rule(group)["condition"] = "C";

        var result = _validator.Validate(group.ToJsonString(), "g.json");

        Assert.Contains(result.Errors, e => e.Location == "/rules/0/condition" && e.Message.Contains("'C'", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ThresholdInputMissing_ReportsExpression()
    {
        var group = Group();
        Rule(group)["data"]![1]!["model"]!["expression"] = "Z";

        var result = _validator.Validate(group.ToJsonString(), "g.json");

        Assert.Contains(result.Errors, e => e.Location == "/rules/0/data/1/model/expression");
    }

    [Fact]
    public void Validate_WrongNoDataStateCase_ReportsEnum()
    {
        var group = Group();
        Rule(group)["noDataState"] = "Nodata";

        var result = _validator.Validate(group.ToJsonString(), "g.json");

        Assert.Contains(result.Errors, e => e.Location == "/rules/0/noDataState" && e.Message.Contains("NoData", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_RelativeTimeRangeAsText_ReportsSeconds()
    {
        var group = Group();
        Rule(group)["data"]![0]!["relativeTimeRange"]!["from"] = "10m";

        var result = _validator.Validate(group.ToJsonString(), "g.json");

        Assert.Contains(result.Errors, e => e.Location == "/rules/0/data/0/relativeTimeRange");
    }

    [Fact]
    public void Validate_MissingForAndDatasource_ReportsBothRequiredKeys()
    {
        var group = Group();
        Rule(group).Remove("for");
        Rule(group)["data"]![0]!.AsObject().Remove("datasourceUid");

        var result = _validator.Validate(group.ToJsonString(), "g.json");

        Assert.Contains(result.Errors, e => e.Location == "/rules/0" && e.Message.Contains("'for'", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Location == "/rules/0/data/0" && e.Message.Contains("'datasourceUid'", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_RuleInOtherFolderAndEmptyExpr_ReportsBoth()
    {
        var group = Group();
        Rule(group)["folderUID"] = "elsewhere";
        Rule(group)["data"]![0]!["model"]!["expr"] = " ";

        var result = _validator.Validate(group.ToJsonString(), "g.json");

        Assert.Contains(result.Errors, e => e.Location == "/rules/0/folderUID");
        Assert.Contains(result.Errors, e => e.Location == "/rules/0/data/0/model/expr");
    }

    [Fact]
    public void Validate_IntervalNotMultipleOfTen_ReportsInterval()
    {
        var group = Group();
        group["interval"] = 45;

        var result = _validator.Validate(group.ToJsonString(), "g.json");

        Assert.Contains(result.Errors, e => e.Location == "/interval");
    }

    private static JsonObject Group() =>
        JsonNode.Parse(File.ReadAllText(RepositoryRoot.Combine("grafana", "model_switch_alert.json")))!.AsObject();

    private static JsonObject Rule(JsonObject group) => group["rules"]![0]!.AsObject();
}

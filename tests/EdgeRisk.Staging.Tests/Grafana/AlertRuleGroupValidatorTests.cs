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

    /// <summary>One value of the committed group changed (JSON pointer, new value as JSON): the error is reported where it is.</summary>
    [Theory]
    [InlineData("/rules/0/condition", "\"C\"", "/rules/0/condition", "'C'")] // names a refId no query has
    [InlineData("/rules/0/data/1/model/expression", "\"Z\"", "/rules/0/data/1/model/expression", null)] // threshold input missing
    [InlineData("/rules/0/noDataState", "\"Nodata\"", "/rules/0/noDataState", "NoData")] // enum case
    [InlineData("/rules/0/data/0/relativeTimeRange/from", "\"10m\"", "/rules/0/data/0/relativeTimeRange", null)] // seconds, not text
    [InlineData("/interval", "45", "/interval", null)] // not a multiple of ten
    public void Validate_OneValueBroken_ReportsItsLocation(string pointer, string json, string location, string? message)
    {
        var group = Group();
        var parent = pointer[..pointer.LastIndexOf('/')].Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Aggregate((JsonNode)group, (node, key) => int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? node[index]! : node[key]!);
        parent[pointer[(pointer.LastIndexOf('/') + 1)..]] = JsonNode.Parse(json);

        var result = _validator.Validate(group.ToJsonString(), "g.json");

        Assert.Contains(result.Errors, e => e.Location == location && (message is null || e.Message.Contains(message, StringComparison.Ordinal)));
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

    private static JsonObject Group() =>
        JsonNode.Parse(File.ReadAllText(RepositoryRoot.Combine("grafana", "model_switch_alert.json")))!.AsObject();

    private static JsonObject Rule(JsonObject group) => group["rules"]![0]!.AsObject();
}

namespace EdgeRisk.Release.Tests.Integrations;

/// <summary>Writes dashboard and rule-group files like the ones under grafana/ into a temp directory.</summary>
public sealed class GrafanaFiles : IDisposable
{
    private readonly TempDirectory temp = new("edgerisk-grafana");

    public string Write(string name, JsonNode content)
    {
        var path = temp.Combine(name);
        File.WriteAllText(path, content.ToJsonString());
        return path;
    }

    public string WriteText(string name, string content)
    {
        var path = temp.Combine(name);
        File.WriteAllText(path, content);
        return path;
    }

    public static JsonObject Dashboard(string title = "Edge-Risk") => new()
    {
        ["id"] = 17,
        ["uid"] = "edge-risk",
        ["title"] = title,
        ["schemaVersion"] = 39,
        ["version"] = 4,
        ["panels"] = new JsonArray(new JsonObject
        {
            ["type"] = "timeseries",
            ["title"] = "Drawdown",
            ["gridPos"] = new JsonObject { ["h"] = 8, ["w"] = 12, ["x"] = 0, ["y"] = 0 },
            ["targets"] = new JsonArray(new JsonObject { ["refId"] = "A", ["expr"] = "edgerisk_drawdown_ratio" }),
        }),
    };

    public static JsonObject RuleGroup(string threshold = "0.08") => new()
    {
        ["title"] = "edge-risk",
        ["folderUid"] = "edge-risk",
        ["interval"] = 60,
        ["rules"] = new JsonArray(new JsonObject
        {
            ["uid"] = "edge-risk-drawdown",
            ["title"] = "Drawdown above limit",
            ["condition"] = "B",
            ["for"] = "5m",
            ["noDataState"] = "Alerting",
            ["execErrState"] = "Alerting",
            ["data"] = new JsonArray(
                new JsonObject
                {
                    ["refId"] = "A",
                    ["datasourceUid"] = "prometheus",
                    ["relativeTimeRange"] = new JsonObject { ["from"] = 600, ["to"] = 0 },
                    ["model"] = new JsonObject { ["refId"] = "A", ["expr"] = "edgerisk_drawdown_ratio" },
                },
                new JsonObject
                {
                    ["refId"] = "B",
                    ["datasourceUid"] = "__expr__",
                    ["model"] = new JsonObject { ["refId"] = "B", ["type"] = "threshold", ["expression"] = "A", ["threshold"] = threshold },
                }),
        }),
    };

    public void Dispose() => temp.Dispose();
}

using System.Text.Json;
using System.Text.Json.Nodes;

namespace EdgeRisk.Release.Grafana;

/// <summary>Loads and checks the dashboard and alert-rule-group files so that a bad file stops the import before any call.</summary>
public static class GrafanaImportFiles
{
    /// <summary>A dashboard JSON file: the dashboard model itself or an export wrapper <c>{"dashboard": {...}}</c>.</summary>
    public static JsonObject LoadDashboard(string path)
    {
        var root = LoadObject(path, "dashboard");
        var dashboard = root["dashboard"] as JsonObject ?? root;
        RequireString(dashboard, "uid", path);
        RequireString(dashboard, "title", path);
        if (dashboard["panels"] is not null and not JsonArray)
        {
            throw new GrafanaImportFileException($"dashboard file {path}: 'panels' must be an array");
        }

        var copy = (JsonObject)dashboard.DeepClone();
        copy.Remove("id");
        copy.Remove("version");
        return copy;
    }

    /// <summary>An alerting provisioning rule group <c>{title, folderUid, interval, rules:[{uid, title, condition, data, ...}]}</c>.</summary>
    public static JsonObject LoadRuleGroup(string path)
    {
        var group = LoadObject(path, "alert rule group");
        RequireString(group, "title", path);
        RequireString(group, "folderUid", path);
        if (group["interval"] is not JsonValue interval || !interval.TryGetValue<long>(out var seconds) || seconds <= 0)
        {
            throw new GrafanaImportFileException($"alert rule group file {path}: 'interval' must be a positive number of seconds");
        }

        if (group["rules"] is not JsonArray { Count: > 0 } rules)
        {
            throw new GrafanaImportFileException($"alert rule group file {path}: 'rules' must be a non-empty array");
        }

        foreach (var rule in rules)
        {
            if (rule is not JsonObject ruleObject)
            {
                throw new GrafanaImportFileException($"alert rule group file {path}: every entry of 'rules' must be an object");
            }

            RequireString(ruleObject, "uid", path);
            RequireString(ruleObject, "title", path);
            RequireString(ruleObject, "condition", path);
            if (ruleObject["data"] is not JsonArray { Count: > 0 })
            {
                throw new GrafanaImportFileException($"alert rule group file {path}: rule '{ruleObject["uid"]}' needs a non-empty 'data' array");
            }
        }

        return group;
    }

    private static JsonObject LoadObject(string path, string what)
    {
        if (!File.Exists(path))
        {
            throw new GrafanaImportFileException($"{what} file {path} does not exist; pass an existing JSON file");
        }

        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) as JsonObject
                ?? throw new GrafanaImportFileException($"{what} file {path} must contain a JSON object");
        }
        catch (JsonException ex)
        {
            throw new GrafanaImportFileException($"{what} file {path} is not valid JSON (line {ex.LineNumber + 1}): fix the syntax", ex);
        }
    }

    private static void RequireString(JsonObject node, string property, string path)
    {
        if (node[property] is not JsonValue value || !value.TryGetValue<string>(out var text) || string.IsNullOrWhiteSpace(text))
        {
            throw new GrafanaImportFileException($"file {path}: '{property}' is missing or empty; every dashboard and rule needs a uid and title");
        }
    }
}

using System.Text.Json;
using System.Text.RegularExpressions;

namespace EdgeRisk.Release.Grafana;

/// <summary>
/// Structural check of a Grafana-managed alert rule group in the provisioning API's body format
/// (<c>PUT /api/v1/provisioning/folder/{folderUid}/rule-groups/{group}</c>): required keys and types, the enums Grafana
/// accepts, rule/folder/group consistency, datasource references, and that the condition and every server-side
/// expression point at an existing refId. <c>@grafana/schema</c> has no alerting types, hence hand-written rules.
/// </summary>
public sealed partial class AlertRuleGroupValidator
{
    /// <summary>The uid Grafana gives server-side expressions (math, reduce, threshold, ...).</summary>
    public const string ExpressionDatasourceUid = "__expr__";

    private static readonly string[] NoDataStates = ["Alerting", "NoData", "OK", "KeepLast"];
    private static readonly string[] ExecErrStates = ["Alerting", "Error", "OK", "KeepLast"];
    private static readonly string[] ExpressionTypes = ["math", "reduce", "resample", "classic_conditions", "threshold", "sql"];
    private static readonly string[] GroupKeys = ["title", "folderUid", "interval", "rules"];
    private static readonly string[] RuleKeys = ["uid", "title", "condition", "data", "noDataState", "execErrState", "for"];

    public SchemaValidationResult ValidateFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Validate(File.ReadAllText(path), path);
    }

    public SchemaValidationResult Validate(string json, string documentName)
    {
        var errors = new List<SchemaError>();
        try
        {
            using var document = JsonDocument.Parse(json);
            CheckGroup(document.RootElement, errors);
        }
        catch (JsonException e)
        {
            errors.Add(new SchemaError(string.Empty, $"not valid JSON: {e.Message}"));
        }

        return new SchemaValidationResult(documentName, errors);
    }

    private static void CheckGroup(JsonElement group, List<SchemaError> errors)
    {
        if (group.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new SchemaError(string.Empty, "a rule group must be a JSON object"));
            return;
        }

        Required(group, string.Empty, GroupKeys, errors);
        var title = String(group, "title", string.Empty, errors);
        var folderUid = String(group, "folderUid", string.Empty, errors);
        if (group.TryGetProperty("interval", out var interval))
        {
            // Seconds; Grafana evaluates on a 10 s base tick and rejects other multiples.
            if (interval.ValueKind != JsonValueKind.Number || !interval.TryGetInt64(out var seconds) || seconds <= 0 || seconds % 10 != 0)
            {
                errors.Add(new SchemaError("/interval", "must be a positive whole number of seconds, a multiple of 10"));
            }
        }

        if (!group.TryGetProperty("rules", out var rules))
        {
            return;
        }

        if (rules.ValueKind != JsonValueKind.Array || rules.GetArrayLength() == 0)
        {
            errors.Add(new SchemaError("/rules", "must be a non-empty array of rules"));
            return;
        }

        var uids = new HashSet<string>(StringComparer.Ordinal);
        var titles = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var rule in rules.EnumerateArray())
        {
            var at = $"/rules/{index++}";
            if (rule.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new SchemaError(at, "a rule must be a JSON object"));
                continue;
            }

            CheckRule(rule, at, title, folderUid, errors);
            if (rule.TryGetProperty("uid", out var uid) && uid.ValueKind == JsonValueKind.String && !uids.Add(uid.GetString()!))
            {
                errors.Add(new SchemaError(at + "/uid", $"duplicate rule uid '{uid.GetString()}'"));
            }

            if (rule.TryGetProperty("title", out var ruleTitle) && ruleTitle.ValueKind == JsonValueKind.String && !titles.Add(ruleTitle.GetString()!))
            {
                errors.Add(new SchemaError(at + "/title", $"duplicate rule title '{ruleTitle.GetString()}' in one group"));
            }
        }
    }

    private static void CheckRule(JsonElement rule, string at, string? groupTitle, string? folderUid, List<SchemaError> errors)
    {
        Required(rule, at, RuleKeys, errors);
        var uid = String(rule, "uid", at, errors);
        if (uid is not null && !UidPattern().IsMatch(uid))
        {
            errors.Add(new SchemaError(at + "/uid", "must be 1-40 characters of letters, digits, '-' and '_'"));
        }

        String(rule, "title", at, errors);
        Enum(rule, "noDataState", NoDataStates, at, errors);
        Enum(rule, "execErrState", ExecErrStates, at, errors);
        if (String(rule, "for", at, errors) is { } duration && !DurationPattern().IsMatch(duration))
        {
            errors.Add(new SchemaError(at + "/for", $"'{duration}' is not a duration like 0s, 1m or 1h30m"));
        }

        Matches(rule, "ruleGroup", groupTitle, "the group's title", at, errors);
        Matches(rule, "folderUID", folderUid, "the group's folderUid", at, errors);
        StringMap(rule, "labels", at, errors);
        StringMap(rule, "annotations", at, errors);

        if (!rule.TryGetProperty("data", out var data))
        {
            return;
        }

        if (data.ValueKind != JsonValueKind.Array || data.GetArrayLength() == 0)
        {
            errors.Add(new SchemaError(at + "/data", "must be a non-empty array of queries"));
            return;
        }

        var refIds = data.EnumerateArray()
            .Where(q => q.ValueKind == JsonValueKind.Object && q.TryGetProperty("refId", out var r) && r.ValueKind == JsonValueKind.String)
            .Select(q => q.GetProperty("refId").GetString()!)
            .ToList();
        foreach (var duplicate in refIds.GroupBy(r => r, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add(new SchemaError(at + "/data", $"refId '{duplicate.Key}' is used more than once"));
        }

        var index = 0;
        foreach (var query in data.EnumerateArray())
        {
            CheckQuery(query, $"{at}/data/{index++}", refIds, errors);
        }

        if (rule.TryGetProperty("condition", out var condition) && condition.ValueKind == JsonValueKind.String
            && !refIds.Contains(condition.GetString()!, StringComparer.Ordinal))
        {
            errors.Add(new SchemaError(at + "/condition", $"refId '{condition.GetString()}' is not one of the rule's queries ({string.Join(", ", refIds)})"));
        }
    }

    private static void Required(JsonElement element, string at, IEnumerable<string> keys, List<SchemaError> errors)
    {
        foreach (var key in keys.Where(k => !element.TryGetProperty(k, out _)))
        {
            errors.Add(new SchemaError(at, $"required property '{key}' is missing"));
        }
    }

    private static string? String(JsonElement element, string key, string at, List<SchemaError> errors)
    {
        if (!element.TryGetProperty(key, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            errors.Add(new SchemaError($"{at}/{key}", "must be a non-empty string"));
            return null;
        }

        return value.GetString();
    }

    private static string? Enum(JsonElement element, string key, string[] allowed, string at, List<SchemaError> errors)
    {
        var value = String(element, key, at, errors);
        if (value is not null && !allowed.Contains(value, StringComparer.Ordinal))
        {
            errors.Add(new SchemaError($"{at}/{key}", $"'{value}' is not one of {string.Join(", ", allowed)}"));
            return null;
        }

        return value;
    }

    private static void Matches(JsonElement rule, string key, string? expected, string what, string at, List<SchemaError> errors)
    {
        if (rule.TryGetProperty(key, out var value) && expected is not null
            && (value.ValueKind != JsonValueKind.String || value.GetString() != expected))
        {
            errors.Add(new SchemaError($"{at}/{key}", $"must equal {what} '{expected}'"));
        }
    }

    private static void StringMap(JsonElement rule, string key, string at, List<SchemaError> errors)
    {
        if (!rule.TryGetProperty(key, out var map))
        {
            return;
        }

        if (map.ValueKind != JsonValueKind.Object || map.EnumerateObject().Any(p => p.Value.ValueKind != JsonValueKind.String))
        {
            errors.Add(new SchemaError($"{at}/{key}", "must be an object of string values"));
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,40}$")]
    private static partial Regex UidPattern();

    [GeneratedRegex("^(0|([0-9]+(ms|s|m|h|d|w|y))+)$")]
    private static partial Regex DurationPattern();
}

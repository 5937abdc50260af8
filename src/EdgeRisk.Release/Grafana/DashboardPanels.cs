using System.Text.Json;

namespace EdgeRisk.Release.Grafana;

/// <summary>Reads the panel queries out of dashboard JSON, including panels nested in rows.</summary>
public static class DashboardPanels
{
    /// <exception cref="DashboardValidationException">The file is missing, not JSON, or a target has no usable <c>expr</c>.</exception>
    public static IReadOnlyList<PanelQuery> ReadQueries(string dashboardPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(dashboardPath);
        if (!File.Exists(dashboardPath))
        {
            throw new DashboardValidationException($"dashboard '{dashboardPath}' not found: pass an existing grafana/*.json file");
        }

        return ParseQueries(File.ReadAllText(dashboardPath), Path.GetFileName(dashboardPath));
    }

    public static IReadOnlyList<PanelQuery> ParseQueries(string json, string dashboardName)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new DashboardValidationException($"dashboard '{dashboardName}' is not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            var queries = new List<PanelQuery>();
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("panels", out var panels))
            {
                Walk(panels, dashboardName, queries);
            }

            var allValues = AllValues(document.RootElement);
            if (allValues.Count > 0)
            {
                return queries.Select(q => q with { AllValues = allValues }).ToList();
            }

            return queries;
        }
    }

    /// <summary>The <c>allValue</c> of every template variable with <c>includeAll</c>: what the query runs with when "All" is picked.</summary>
    private static Dictionary<string, string> AllValues(JsonElement root)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("templating", out var templating)
            || templating.ValueKind != JsonValueKind.Object || !templating.TryGetProperty("list", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return values;
        }

        foreach (var variable in list.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.Object))
        {
            if (variable.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
                && variable.TryGetProperty("includeAll", out var includeAll) && includeAll.ValueKind == JsonValueKind.True
                && variable.TryGetProperty("allValue", out var allValue) && allValue.ValueKind == JsonValueKind.String
                && !string.IsNullOrEmpty(allValue.GetString()))
            {
                values[name.GetString()!] = allValue.GetString()!;
            }
        }

        return values;
    }

    private static void Walk(JsonElement panels, string dashboard, List<PanelQuery> queries)
    {
        if (panels.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var panel in panels.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.Object))
        {
            var id = panel.TryGetProperty("id", out var idElement) && idElement.TryGetInt32(out var parsed) ? parsed : 0;
            var title = panel.TryGetProperty("title", out var titleElement) && titleElement.ValueKind == JsonValueKind.String
                ? titleElement.GetString()!
                : $"panel {id}";
            if (panel.TryGetProperty("targets", out var targets) && targets.ValueKind == JsonValueKind.Array)
            {
                foreach (var target in targets.EnumerateArray())
                {
                    var refId = target.TryGetProperty("refId", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()! : "?";
                    if (!target.TryGetProperty("expr", out var expr) || expr.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(expr.GetString()))
                    {
                        throw new DashboardValidationException(
                            $"dashboard '{dashboard}' panel {id} '{title}' target {refId} has no Prometheus 'expr': every target must be a PromQL query");
                    }

                    queries.Add(new PanelQuery(dashboard, id, title, refId, expr.GetString()!));
                }
            }

            if (panel.TryGetProperty("panels", out var nested))
            {
                Walk(nested, dashboard, queries);
            }
        }
    }
}

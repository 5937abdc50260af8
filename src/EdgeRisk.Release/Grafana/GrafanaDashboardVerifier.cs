using System.Text.Json.Nodes;

namespace EdgeRisk.Release.Grafana;

/// <summary>
/// Checks an imported dashboard: it exists in Grafana with the file's content (ignoring id/version), and each panel's
/// Prometheus query returns data over the last <see cref="DashboardVerifierOptions.Range"/> through Grafana's datasource
/// proxy. Template datasources such as <c>${datasource}</c> resolve to <see cref="DashboardVerifierOptions.DatasourceUid"/>.
/// </summary>
public sealed class GrafanaDashboardVerifier(IGrafanaApi grafana, DashboardVerifierOptions options)
{
    public async Task<DashboardVerification> VerifyAsync(string dashboardJsonPath, CancellationToken cancellationToken = default)
    {
        var expected = GrafanaImportFiles.LoadDashboard(dashboardJsonPath);
        var uid = expected["uid"]!.GetValue<string>();
        var existing = GrafanaResponses.ContentOrNullWhenNotFound(await grafana.GetDashboardAsync(uid, cancellationToken), $"GET dashboard {uid}");
        if (existing?["dashboard"] is not JsonObject actual)
        {
            return new DashboardVerification(uid, false, false, []);
        }

        var stored = (JsonObject)actual.DeepClone();
        stored.Remove("id");
        stored.Remove("version");
        var checks = new List<PanelQueryCheck>();
        foreach (var (panel, target) in Targets(expected))
        {
            checks.Add(await CheckAsync(panel, target, cancellationToken));
        }

        return new DashboardVerification(uid, true, JsonNode.DeepEquals(stored, expected), checks);
    }

    private async Task<PanelQueryCheck> CheckAsync(JsonObject panel, JsonObject target, CancellationToken cancellationToken)
    {
        var title = panel["title"]?.GetValue<string>() ?? "(untitled)";
        var refId = target["refId"]?.GetValue<string>() ?? "A";
        var expr = target["expr"]?.GetValue<string>() ?? "";
        var query = new JsonObject
        {
            ["refId"] = refId,
            ["expr"] = expr,
            ["datasource"] = new JsonObject { ["type"] = "prometheus", ["uid"] = DatasourceUid(target, panel) },
            ["range"] = true,
            ["intervalMs"] = 15000,
            ["maxDataPoints"] = 100,
        };
        var response = await grafana.QueryAsync(
            new JsonObject
            {
                ["from"] = $"now-{(int)options.Range.TotalMinutes}m",
                ["to"] = "now",
                ["queries"] = new JsonArray(query),
            },
            cancellationToken);
        if (!response.IsSuccessStatusCode || response.Content is null)
        {
            return new PanelQueryCheck(title, refId, expr, VerificationStatus.Fail, 0, $"query failed with {(int?)response.StatusCode}");
        }

        var result = response.Content["results"]?[refId];
        if (result?["error"]?.GetValue<string>() is { } error)
        {
            return new PanelQueryCheck(title, refId, expr, VerificationStatus.Fail, 0, error);
        }

        var points = (result?["frames"] as JsonArray ?? [])
            .Select(f => f?["data"]?["values"] as JsonArray)
            .Where(v => v is { Count: > 1 })
            .Sum(v => v![1] is JsonArray values ? values.Count(x => x is not null) : 0);
        return points > 0
            ? new PanelQueryCheck(title, refId, expr, VerificationStatus.Pass, points, null)
            : new PanelQueryCheck(title, refId, expr, VerificationStatus.Inconclusive, 0, "no data in range");
    }

    private string DatasourceUid(JsonObject target, JsonObject panel)
    {
        var uid = target["datasource"]?["uid"]?.GetValue<string>() ?? panel["datasource"]?["uid"]?.GetValue<string>();
        return uid is null || uid.StartsWith('$') ? options.DatasourceUid : uid;
    }

    private static IEnumerable<(JsonObject Panel, JsonObject Target)> Targets(JsonObject dashboard)
    {
        foreach (var panel in Panels(dashboard["panels"] as JsonArray))
        {
            foreach (var target in (panel["targets"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (target["expr"] is JsonValue && target["hide"]?.GetValue<bool>() != true)
                {
                    yield return (panel, target);
                }
            }
        }
    }

    private static IEnumerable<JsonObject> Panels(JsonArray? panels)
    {
        foreach (var panel in (panels ?? []).OfType<JsonObject>())
        {
            yield return panel;

            // Collapsed rows carry their panels inside the row.
            foreach (var nested in Panels(panel["panels"] as JsonArray))
            {
                yield return nested;
            }
        }
    }
}

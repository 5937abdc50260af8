using System.Text.Json.Nodes;

namespace EdgeRisk.Release.Grafana;

/// <summary>
/// Imports a dashboard (and optionally an alert rule group) idempotently: both files are validated before any call;
/// items whose content already matches Grafana are left alone and reported as <see cref="ImportStatus.Unchanged"/>.
/// </summary>
public sealed class DashboardImporter(IGrafanaApi grafana, DashboardImportOptions options)
{
    private static readonly string[] ServerManagedDashboardFields = ["id", "version"];

    public async Task<DashboardImportResult> ImportAsync(
        string dashboardJsonPath, string? alertRuleGroupJsonPath = null, CancellationToken cancellationToken = default)
    {
        var dashboard = GrafanaImportFiles.LoadDashboard(dashboardJsonPath);
        var ruleGroup = alertRuleGroupJsonPath is null ? null : GrafanaImportFiles.LoadRuleGroup(alertRuleGroupJsonPath);

        var items = new List<ImportItemResult> { await EnsureFolderAsync(options.FolderUid, options.FolderTitle, cancellationToken) };
        if (ruleGroup is not null && ruleGroup["folderUid"]!.GetValue<string>() != options.FolderUid)
        {
            var folderUid = ruleGroup["folderUid"]!.GetValue<string>();
            items.Add(await EnsureFolderAsync(folderUid, folderUid, cancellationToken));
        }

        items.Add(await ImportDashboardAsync(dashboard, cancellationToken));
        if (ruleGroup is not null)
        {
            items.Add(await ImportRuleGroupAsync(ruleGroup, cancellationToken));
        }

        return new DashboardImportResult(items);
    }

    private async Task<ImportItemResult> EnsureFolderAsync(string uid, string title, CancellationToken cancellationToken)
    {
        var existing = GrafanaResponses.ContentOrNullWhenNotFound(await grafana.GetFolderAsync(uid, cancellationToken), $"GET folder {uid}");
        if (existing is not null)
        {
            return new ImportItemResult(ImportItemKind.Folder, uid, existing["title"]?.GetValue<string>() ?? title, ImportStatus.Unchanged, VersionOf(existing));
        }

        var created = GrafanaResponses.Content(
            await grafana.CreateFolderAsync(new JsonObject { ["uid"] = uid, ["title"] = title }, cancellationToken),
            $"create folder {uid}");
        return new ImportItemResult(ImportItemKind.Folder, uid, title, ImportStatus.Created, VersionOf(created));
    }

    private async Task<ImportItemResult> ImportDashboardAsync(JsonObject dashboard, CancellationToken cancellationToken)
    {
        var uid = dashboard["uid"]!.GetValue<string>();
        var title = dashboard["title"]!.GetValue<string>();
        var existing = GrafanaResponses.ContentOrNullWhenNotFound(
            await grafana.GetDashboardAsync(uid, cancellationToken), $"GET dashboard {uid}");

        int? existingVersion = null;
        if (existing is not null)
        {
            var current = existing["dashboard"] as JsonObject ?? new JsonObject();
            existingVersion = VersionOf(current) ?? VersionOf(existing["meta"] as JsonObject);
            var sameFolder = existing["meta"]?["folderUid"]?.GetValue<string>() == options.FolderUid;
            if (sameFolder && JsonNode.DeepEquals(WithoutServerFields(current), dashboard))
            {
                return new ImportItemResult(ImportItemKind.Dashboard, uid, title, ImportStatus.Unchanged, existingVersion);
            }
        }

        var payload = (JsonObject)dashboard.DeepClone();
        payload["id"] = null;
        if (!options.Overwrite && existingVersion is { } version)
        {
            payload["version"] = version;
        }

        var saved = GrafanaResponses.Content(
            await grafana.SaveDashboardAsync(
                new JsonObject
                {
                    ["dashboard"] = payload,
                    ["folderUid"] = options.FolderUid,
                    ["overwrite"] = options.Overwrite,
                    ["message"] = options.Message,
                },
                cancellationToken),
            $"import of dashboard {uid}");
        return new ImportItemResult(
            ImportItemKind.Dashboard,
            uid,
            title,
            existing is null ? ImportStatus.Created : ImportStatus.Updated,
            VersionOf(saved));
    }

    private async Task<ImportItemResult> ImportRuleGroupAsync(JsonObject ruleGroup, CancellationToken cancellationToken)
    {
        var folderUid = ruleGroup["folderUid"]!.GetValue<string>();
        var title = ruleGroup["title"]!.GetValue<string>();
        var response = await grafana.GetRuleGroupAsync(folderUid, title, cancellationToken);
        var existing = GrafanaResponses.ContentOrNullWhenNotFound(response, $"GET rule group {folderUid}/{title}");
        if (existing is not null && Contains(existing, ruleGroup))
        {
            return new ImportItemResult(ImportItemKind.AlertRuleGroup, folderUid + "/" + title, title, ImportStatus.Unchanged, null);
        }

        GrafanaResponses.Content(
            await grafana.PutRuleGroupAsync(folderUid, title, ruleGroup, cancellationToken),
            $"PUT rule group {folderUid}/{title}");
        return new ImportItemResult(
            ImportItemKind.AlertRuleGroup,
            folderUid + "/" + title,
            title,
            existing is null ? ImportStatus.Created : ImportStatus.Updated,
            null);
    }

    /// <summary>
    /// Grafana adds server fields (ids, timestamps, provenance) to stored rules, so "unchanged" means every field of the
    /// desired group is present with the same value, and the rules are the same ones in the same order.
    /// </summary>
    private static bool Contains(JsonNode? actual, JsonNode? desired)
    {
        switch (desired)
        {
            case JsonObject desiredObject:
                if (actual is not JsonObject actualObject)
                {
                    return false;
                }

                return desiredObject.All(p => actualObject.TryGetPropertyValue(p.Key, out var value) && Contains(value, p.Value));
            case JsonArray desiredArray:
                if (actual is not JsonArray actualArray || actualArray.Count != desiredArray.Count)
                {
                    return false;
                }

                return desiredArray.Zip(actualArray).All(pair => Contains(pair.Second, pair.First));
            default:
                return JsonNode.DeepEquals(actual, desired);
        }
    }

    private static JsonObject WithoutServerFields(JsonObject dashboard)
    {
        var copy = (JsonObject)dashboard.DeepClone();
        foreach (var field in ServerManagedDashboardFields)
        {
            copy.Remove(field);
        }

        return copy;
    }

    private static int? VersionOf(JsonObject? node) =>
        node?["version"] is JsonValue value && value.TryGetValue<int>(out var version) ? version : null;
}

using Refit;

namespace EdgeRisk.Release.Tests.Integrations;

/// <summary>Forwards to a real client and runs <c>beforeSave</c> just before the dashboard save: a concurrent UI edit.</summary>
internal sealed class RacingGrafanaApi(IGrafanaApi inner, Action beforeSave) : IGrafanaApi
{
    public Task<IApiResponse<JsonObject>> GetHealthAsync(CancellationToken cancellationToken = default) => inner.GetHealthAsync(cancellationToken);

    public Task<IApiResponse<JsonObject>> GetDashboardAsync(string uid, CancellationToken cancellationToken = default) => inner.GetDashboardAsync(uid, cancellationToken);

    public Task<IApiResponse<JsonObject>> SaveDashboardAsync(JsonObject request, CancellationToken cancellationToken = default)
    {
        beforeSave();
        return inner.SaveDashboardAsync(request, cancellationToken);
    }

    public Task<IApiResponse<JsonObject>> GetFolderAsync(string uid, CancellationToken cancellationToken = default) => inner.GetFolderAsync(uid, cancellationToken);

    public Task<IApiResponse<JsonObject>> CreateFolderAsync(JsonObject request, CancellationToken cancellationToken = default) => inner.CreateFolderAsync(request, cancellationToken);

    public Task<IApiResponse<JsonObject>> GetRuleGroupAsync(string folderUid, string group, CancellationToken cancellationToken = default) =>
        inner.GetRuleGroupAsync(folderUid, group, cancellationToken);

    public Task<IApiResponse<JsonObject>> PutRuleGroupAsync(string folderUid, string group, JsonObject ruleGroup, CancellationToken cancellationToken = default) =>
        inner.PutRuleGroupAsync(folderUid, group, ruleGroup, cancellationToken);

    public Task<IApiResponse<JsonObject>> QueryAsync(JsonObject request, CancellationToken cancellationToken = default) => inner.QueryAsync(request, cancellationToken);

    public Task<IApiResponse<JsonObject>> CreateAnnotationAsync(JsonObject request, CancellationToken cancellationToken = default) =>
        inner.CreateAnnotationAsync(request, cancellationToken);

    public Task<IApiResponse<JsonArray>> FindAnnotationsAsync(IEnumerable<string> tags, string type, string dashboardUid, int limit, CancellationToken cancellationToken = default) =>
        inner.FindAnnotationsAsync(tags, type, dashboardUid, limit, cancellationToken);
}

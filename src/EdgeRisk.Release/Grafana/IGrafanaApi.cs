using System.Text.Json.Nodes;
using Refit;

namespace EdgeRisk.Release.Grafana;

/// <summary>The Grafana HTTP API endpoints the release uses. Responses are raw JSON so dashboards round-trip unchanged.</summary>
[Headers("Accept: application/json")]
public interface IGrafanaApi
{
    [Get("/api/health")]
    Task<IApiResponse<JsonObject>> GetHealthAsync(CancellationToken cancellationToken = default);

    [Get("/api/dashboards/uid/{uid}")]
    Task<IApiResponse<JsonObject>> GetDashboardAsync(string uid, CancellationToken cancellationToken = default);

    /// <summary>Body: <c>{dashboard, folderUid, overwrite, message}</c>.</summary>
    [Post("/api/dashboards/db")]
    Task<IApiResponse<JsonObject>> SaveDashboardAsync([Body] JsonObject request, CancellationToken cancellationToken = default);

    [Get("/api/folders/{uid}")]
    Task<IApiResponse<JsonObject>> GetFolderAsync(string uid, CancellationToken cancellationToken = default);

    /// <summary>Body: <c>{uid, title}</c>.</summary>
    [Post("/api/folders")]
    Task<IApiResponse<JsonObject>> CreateFolderAsync([Body] JsonObject request, CancellationToken cancellationToken = default);

    [Get("/api/v1/provisioning/folder/{folderUid}/rule-groups/{group}")]
    Task<IApiResponse<JsonObject>> GetRuleGroupAsync(string folderUid, string group, CancellationToken cancellationToken = default);

    /// <summary>Provenance disabled so the rules stay editable in the UI after provisioning.</summary>
    [Put("/api/v1/provisioning/folder/{folderUid}/rule-groups/{group}")]
    [Headers("X-Disable-Provenance: true")]
    Task<IApiResponse<JsonObject>> PutRuleGroupAsync(string folderUid, string group, [Body] JsonObject ruleGroup, CancellationToken cancellationToken = default);

    /// <summary>Datasource query proxy: body <c>{queries:[{refId, datasource:{uid}, expr, ...}], from, to}</c>.</summary>
    [Post("/api/ds/query")]
    Task<IApiResponse<JsonObject>> QueryAsync([Body] JsonObject request, CancellationToken cancellationToken = default);

    /// <summary>Body: <c>{dashboardUID, time (epoch ms), tags, text}</c>; answer <c>{message: "Annotation added", id}</c>.</summary>
    [Post("/api/annotations")]
    Task<IApiResponse<JsonObject>> CreateAnnotationAsync([Body] JsonObject request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Find annotations: <c>tags</c> repeated (<c>tags=a&amp;tags=b</c>, all must match), <c>type</c> <c>annotation</c>
    /// (not alert annotations), <c>dashboardUID</c>, <c>limit</c> (Grafana's default 100); answer a JSON array of
    /// <c>{id, dashboardUID, time, timeEnd, tags, text, ...}</c>.
    /// </summary>
    [Get("/api/annotations")]
    Task<IApiResponse<JsonArray>> FindAnnotationsAsync(
        [Query(CollectionFormat.Multi)] IEnumerable<string> tags,
        string type,
        [AliasAs("dashboardUID")] string dashboardUid,
        int limit,
        CancellationToken cancellationToken = default);
}

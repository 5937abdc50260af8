using System.Net;
using System.Text.Json.Nodes;
using EdgeRisk.Release.Outbox;

namespace EdgeRisk.Release.Grafana;

/// <summary>
/// Local-profile answers shaped like Grafana's, built from the writes already in the outbox: a folder, dashboard or rule
/// group exists once a create/save/PUT for it was recorded. Datasource queries return no frames, so verification in the
/// local profile stays inconclusive rather than passing.
/// </summary>
public sealed class GrafanaOutboxResponder : IOutboxResponder
{
    private const string DashboardsPath = "/api/dashboards/db";
    private const string FoldersPath = "/api/folders";
    private const string DashboardPrefix = "/api/dashboards/uid/";
    private const string FolderPrefix = "/api/folders/";
    private const string AnnotationsPath = "/api/annotations";

    public string Service => "grafana";

    public string ResourceOf(HttpMethod method, string path, JsonNode? body) => path switch
    {
        DashboardsPath => "dashboard:" + (body?["dashboard"]?["uid"]?.GetValue<string>() ?? ""),
        FoldersPath => "folder:" + (body?["uid"]?.GetValue<string>() ?? ""),
        _ => path,
    };

    public OutboxResponse Respond(HttpMethod method, string path, JsonNode? body, IReadOnlyList<OutboxEntry> recorded)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(recorded);
        if (method == HttpMethod.Get)
        {
            return Read(path, recorded);
        }

        switch (path)
        {
            case DashboardsPath:
                var uid = body?["dashboard"]?["uid"]?.GetValue<string>() ?? "";
                return new(HttpStatusCode.OK, new JsonObject
                {
                    ["id"] = 1,
                    ["uid"] = uid,
                    ["url"] = "/d/" + uid,
                    ["status"] = "success",
                    ["version"] = Saves(recorded, "dashboard:" + uid).Count,
                    ["slug"] = uid,
                });
            case FoldersPath:
                return new(HttpStatusCode.OK, Folder(body));
            case AnnotationsPath:
                return new(HttpStatusCode.OK, new JsonObject
                {
                    ["message"] = "Annotation added",
                    ["id"] = Math.Max(1, recorded.Count(e => e.Method == "POST" && e.PathWithoutQuery == path)),
                });
            case "/api/ds/query":
                return new(HttpStatusCode.OK, new JsonObject { ["results"] = new JsonObject() });
            default:
                return new(HttpStatusCode.OK, body?.DeepClone() ?? new JsonObject());
        }
    }

    private static OutboxResponse Read(string path, IReadOnlyList<OutboxEntry> recorded)
    {
        if (path == "/api/health")
        {
            return new(HttpStatusCode.OK, new JsonObject { ["database"] = "ok", ["version"] = "outbox" });
        }

        if (path == AnnotationsPath)
        {
            // Every recorded annotation with the id its POST was answered with; the caller filters by tags and dashboard.
            var posted = recorded.Where(e => e.Method == "POST" && e.PathWithoutQuery == AnnotationsPath).ToList();
            return new(HttpStatusCode.OK, new JsonArray([.. posted.Select((e, i) => (JsonNode)new JsonObject
            {
                ["id"] = i + 1,
                ["dashboardUID"] = e.Body?["dashboardUID"]?.DeepClone(),
                ["time"] = e.Body?["time"]?.DeepClone(),
                ["tags"] = e.Body?["tags"]?.DeepClone() ?? new JsonArray(),
                ["text"] = e.Body?["text"]?.DeepClone(),
            })]));
        }

        if (path.StartsWith(DashboardPrefix, StringComparison.Ordinal))
        {
            var saves = Saves(recorded, "dashboard:" + path[DashboardPrefix.Length..]);
            if (saves.Count == 0)
            {
                return new(HttpStatusCode.NotFound, new JsonObject { ["message"] = "Dashboard not found" });
            }

            var last = saves[^1].Body!;
            var dashboard = (JsonObject)last["dashboard"]!.DeepClone();
            dashboard["id"] = 1;
            dashboard["version"] = saves.Count;
            return new(HttpStatusCode.OK, new JsonObject
            {
                ["dashboard"] = dashboard,
                ["meta"] = new JsonObject { ["folderUid"] = last["folderUid"]?.DeepClone(), ["version"] = saves.Count },
            });
        }

        if (path.StartsWith(FolderPrefix, StringComparison.Ordinal))
        {
            var created = Saves(recorded, "folder:" + path[FolderPrefix.Length..]);
            return created.Count == 0
                ? new(HttpStatusCode.NotFound, new JsonObject { ["message"] = "folder not found", ["status"] = "not-found" })
                : new(HttpStatusCode.OK, Folder(created[^1].Body));
        }

        var put = recorded.LastOrDefault(e => e.Method == "PUT" && e.PathWithoutQuery == path);
        return put is null
            ? new(HttpStatusCode.NotFound, new JsonObject { ["message"] = "Not found" })
            : new(HttpStatusCode.OK, put.Body?.DeepClone());
    }

    private static List<OutboxEntry> Saves(IReadOnlyList<OutboxEntry> recorded, string resource) =>
        recorded.Where(e => e.Resource == resource).ToList();

    private static JsonObject Folder(JsonNode? body) => new()
    {
        ["id"] = 1,
        ["uid"] = body?["uid"]?.DeepClone(),
        ["title"] = body?["title"]?.DeepClone(),
        ["version"] = 1,
    };
}

using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace EdgeRisk.Testing.Fakes;

/// <summary>
/// Loopback Grafana: dashboards (<c>/api/dashboards/db</c>, <c>/api/dashboards/uid/{uid}</c>), folders, alerting
/// provisioning rule groups, <c>/api/ds/query</c> (404 for an unknown datasource uid) and <c>/api/health</c>. Auth is a service-account Bearer token or basic
/// user/password (401 <c>{"message":"Unauthorized"}</c>); saves follow Grafana's version and name rules (412
/// version-mismatch / name-exists when not overwriting).
/// </summary>
public sealed class FakeGrafana : LoopbackFake
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, JsonObject> folders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (JsonObject Dashboard, string? FolderUid)> dashboards = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Folder, string Group), JsonObject> ruleGroups = new();
    private readonly Dictionary<string, decimal[]> series = new(StringComparer.Ordinal);
    private readonly HashSet<string> datasources = new(StringComparer.Ordinal) { "prometheus" };
    private readonly Dictionary<string, Uri> proxied = new(StringComparer.Ordinal);
    private readonly List<JsonObject> annotations = [];
    private readonly List<string> annotationQueries = [];
    private static readonly HashSet<string> AnnotationQueryParameters = new(StringComparer.Ordinal)
    {
        "from", "to", "limit", "alertId", "dashboardId", "dashboardUID", "panelId", "userId", "type", "tags", "matchAny",
    };
    private static readonly HttpClient ProxyClient = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly string? token;
    private readonly string? basicCredentials;
    private int nextId = 1;

    private FakeGrafana(string? token, string? user, string? password)
    {
        this.token = token;
        basicCredentials = user is null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
    }

    /// <summary>Starts a fake that accepts <c>Authorization: Bearer {token}</c>.</summary>
    public static async Task<FakeGrafana> StartWithTokenAsync(string token)
    {
        var fake = new FakeGrafana(token, null, null);
        await fake.StartServerAsync();
        return fake;
    }

    /// <summary>Starts a fake that accepts basic auth with the given user and password.</summary>
    public static async Task<FakeGrafana> StartWithBasicAuthAsync(string user, string password)
    {
        var fake = new FakeGrafana(null, user, password);
        await fake.StartServerAsync();
        return fake;
    }

    /// <summary>The stored dashboard model (with id, uid, version), or null.</summary>
    public JsonObject? Dashboard(string uid)
    {
        lock (gate)
        {
            return dashboards.TryGetValue(uid, out var d) ? (JsonObject)d.Dashboard.DeepClone() : null;
        }
    }

    public JsonObject? RuleGroup(string folderUid, string group)
    {
        lock (gate)
        {
            return ruleGroups.TryGetValue((folderUid, group), out var g) ? (JsonObject)g.DeepClone() : null;
        }
    }

    /// <summary>Simulates a person saving the dashboard in the UI: bumps its version.</summary>
    public void EditInUi(string uid, string newTitle)
    {
        lock (gate)
        {
            var (dashboard, folder) = dashboards[uid];
            dashboard["title"] = newTitle;
            dashboard["version"] = dashboard["version"]!.GetValue<int>() + 1;
            dashboards[uid] = (dashboard, folder);
        }
    }

    /// <summary>The query strings of the GET <c>/api/annotations</c> requests, in order.</summary>
    public IReadOnlyList<string> AnnotationQueries()
    {
        lock (gate)
        {
            return [.. annotationQueries];
        }
    }

    /// <summary>The annotations posted to <c>/api/annotations</c>, as Grafana lists them (id, dashboardUID, time, tags, text).</summary>
    public IReadOnlyList<JsonObject> Annotations()
    {
        lock (gate)
        {
            return annotations.Select(a => (JsonObject)a.DeepClone()).ToList();
        }
    }

    /// <summary>Values a datasource query with this <c>expr</c> returns from <c>/api/ds/query</c>.</summary>
    public void SetSeries(string expr, params decimal[] values)
    {
        lock (gate)
        {
            series[expr] = values;
        }
    }

    /// <summary>Registers a datasource uid that <c>/api/ds/query</c> accepts (<c>prometheus</c> exists from the start).</summary>
    public void AddDatasource(string uid)
    {
        lock (gate)
        {
            datasources.Add(uid);
        }
    }

    /// <summary>
    /// Registers datasource <paramref name="uid"/> as a Prometheus at <paramref name="upstream"/>: requests to
    /// <c>/api/datasources/proxy/uid/{uid}/…</c> are forwarded there (without the caller's credentials, as Grafana does).
    /// </summary>
    public void ProxyDatasource(string uid, Uri upstream)
    {
        lock (gate)
        {
            datasources.Add(uid);
            proxied[uid] = upstream;
        }
    }

    protected override void Map(WebApplication application)
    {
        application.MapGet("/api/health", () => Json(200, new JsonObject { ["commit"] = "fake", ["database"] = "ok", ["version"] = "11.2.0" }));
        application.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api/health") || Authorized(context.Request))
            {
                await next(context);
                return;
            }

            await Json(401, new JsonObject { ["message"] = "Unauthorized" }).ExecuteAsync(context);
        });

        application.MapGet("/api/folders/{uid}", (string uid) =>
        {
            lock (gate)
            {
                return folders.TryGetValue(uid, out var folder)
                    ? Json(200, folder.DeepClone())
                    : Json(404, new JsonObject { ["message"] = "folder not found", ["status"] = "not-found" });
            }
        });
        application.MapPost("/api/folders", async (HttpRequest request) =>
        {
            var body = await ReadObjectAsync(request);
            var title = StringOf(body?["title"]);
            if (body is null || string.IsNullOrWhiteSpace(title))
            {
                return Json(400, new JsonObject { ["message"] = "folder name cannot be empty" });
            }

            lock (gate)
            {
                var uid = StringOf(body["uid"]) ?? "f" + nextId;
                if (folders.ContainsKey(uid))
                {
                    return Json(409, new JsonObject { ["message"] = "a folder with the same uid already exists" });
                }

                var folder = new JsonObject { ["id"] = nextId++, ["uid"] = uid, ["title"] = title, ["url"] = "/dashboards/f/" + uid, ["version"] = 1 };
                folders[uid] = folder;
                return Json(200, folder.DeepClone());
            }
        });

        application.MapGet("/api/dashboards/uid/{uid}", (string uid) =>
        {
            lock (gate)
            {
                if (!dashboards.TryGetValue(uid, out var stored))
                {
                    return Json(404, new JsonObject { ["message"] = "Dashboard not found" });
                }

                return Json(200, new JsonObject
                {
                    ["dashboard"] = stored.Dashboard.DeepClone(),
                    ["meta"] = new JsonObject
                    {
                        ["type"] = "db",
                        ["slug"] = uid,
                        ["url"] = "/d/" + uid,
                        ["version"] = stored.Dashboard["version"]!.DeepClone(),
                        ["folderUid"] = stored.FolderUid,
                        ["provisioned"] = false,
                    },
                });
            }
        });
        application.MapPost("/api/dashboards/db", SaveDashboardAsync);

        application.MapGet("/api/v1/provisioning/folder/{folderUid}/rule-groups/{group}", (string folderUid, string group) =>
        {
            lock (gate)
            {
                return ruleGroups.TryGetValue((folderUid, group), out var stored)
                    ? Json(200, stored.DeepClone())
                    : Json(404, new JsonObject { ["message"] = "rule group does not exist", ["status"] = "not-found" });
            }
        });
        application.MapPut("/api/v1/provisioning/folder/{folderUid}/rule-groups/{group}", PutRuleGroupAsync);
        application.MapPost("/api/ds/query", QueryAsync);
        application.MapPost("/api/annotations", AddAnnotationAsync);
        application.MapGet("/api/annotations", FindAnnotations);
        application.MapMethods("/api/datasources/proxy/uid/{uid}/{**path}", ["GET", "POST"], ProxyAsync);
    }

    private async Task<IResult> ProxyAsync(string uid, string? path, HttpRequest request)
    {
        Uri? upstream;
        lock (gate)
        {
            upstream = proxied.GetValueOrDefault(uid);
        }

        if (upstream is null)
        {
            return Json(404, new JsonObject { ["message"] = "Data source not found" });
        }

        using var forward = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(upstream, (path ?? string.Empty) + request.QueryString.Value));
        if (HttpMethods.IsPost(request.Method))
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            forward.Content = new ByteArrayContent(buffer.ToArray());
            forward.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
        }

        using var response = await ProxyClient.SendAsync(forward);
        var body = await response.Content.ReadAsStringAsync();
        return Results.Content(body, response.Content.Headers.ContentType?.ToString() ?? "application/json", Encoding.UTF8, (int)response.StatusCode);
    }

    /// <summary>
    /// Grafana's find-annotations contract: <c>tags</c> repeated, one tag per value (a comma is part of the tag), all must
    /// match unless <c>matchAny=true</c>; <c>type</c> <c>annotation</c> or <c>alert</c> (everything posted here is an
    /// annotation); <c>dashboardUID</c>; <c>from</c>/<c>to</c> epoch ms; <c>limit</c> (default 100), newest first. Stricter
    /// than Grafana, a parameter it does not know or a bad value is a 400, so a client that misspells one is caught.
    /// </summary>
    private IResult FindAnnotations(HttpRequest request)
    {
        var query = request.Query;
        lock (gate)
        {
            annotationQueries.Add(request.QueryString.Value ?? "");
        }

        if (query.Keys.FirstOrDefault(k => !AnnotationQueryParameters.Contains(k)) is { } unknown)
        {
            return Json(400, new JsonObject { ["message"] = $"unknown query parameter {unknown}" });
        }

        var type = query["type"].ToString();
        if (type is not ("" or "annotation" or "alert"))
        {
            return Json(400, new JsonObject { ["message"] = $"type must be annotation or alert, not {type}" });
        }

        var matchAny = query["matchAny"].ToString();
        if (matchAny is not ("" or "true" or "false"))
        {
            return Json(400, new JsonObject { ["message"] = $"matchAny must be true or false, not {matchAny}" });
        }

        long? from = null, to = null;
        var limit = 100L;
        foreach (var (name, apply) in new (string, Action<long>)[] { ("from", v => from = v), ("to", v => to = v), ("limit", v => limit = v) })
        {
            var text = query[name].ToString();
            if (text.Length == 0)
            {
                continue;
            }

            if (!long.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value))
            {
                return Json(400, new JsonObject { ["message"] = $"{name} must be a number, not {text}" });
            }

            apply(value);
        }

        var dashboardUid = query["dashboardUID"].ToString();
        var tags = query["tags"].Where(t => !string.IsNullOrEmpty(t)).Select(t => t!).ToList();
        bool Tagged(JsonObject a)
        {
            var own = a["tags"]!.AsArray().Select(StringOf).OfType<string>().ToHashSet(StringComparer.Ordinal);
            return tags.Count == 0 || (matchAny == "true" ? tags.Any(own.Contains) : tags.All(own.Contains));
        }

        lock (gate)
        {
            var found = annotations
                .Where(_ => type != "alert")
                .Where(a => dashboardUid.Length == 0 || StringOf(a["dashboardUID"]) == dashboardUid)
                .Where(Tagged)
                .Where(a => (from is null || a["timeEnd"]!.GetValue<long>() >= from) && (to is null || a["time"]!.GetValue<long>() <= to))
                .OrderByDescending(a => a["time"]!.GetValue<long>())
                .Take((int)Math.Clamp(limit, 0, int.MaxValue))
                .Select(a => (JsonNode)a.DeepClone());
            return Json(200, new JsonArray([.. found]));
        }
    }

    /// <summary>Grafana's annotation contract: body <c>{dashboardUID, time, tags, text}</c>, text required; answer <c>{message, id}</c>.</summary>
    private async Task<IResult> AddAnnotationAsync(HttpRequest request)
    {
        var body = await ReadObjectAsync(request);
        if (body is null || string.IsNullOrWhiteSpace(StringOf(body["text"])))
        {
            return Json(400, new JsonObject { ["message"] = "text field should not be empty" });
        }

        var time = body["time"] is JsonValue t && t.TryGetValue<long>(out var ms) ? ms : 0;
        lock (gate)
        {
            var id = nextId++;
            annotations.Add(new JsonObject
            {
                ["id"] = id,
                ["dashboardUID"] = body["dashboardUID"]?.DeepClone(),
                ["time"] = time,
                ["timeEnd"] = body["timeEnd"]?.DeepClone() ?? time,
                ["tags"] = body["tags"]?.DeepClone() ?? new JsonArray(),
                ["text"] = body["text"]!.DeepClone(),
            });
            return Json(200, new JsonObject { ["message"] = "Annotation added", ["id"] = id });
        }
    }

    private bool Authorized(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return (token is not null && header == "Bearer " + token)
            || (basicCredentials is not null && header == "Basic " + basicCredentials);
    }

    private async Task<IResult> SaveDashboardAsync(HttpRequest request)
    {
        var body = await ReadObjectAsync(request);
        if (body?["dashboard"] is not JsonObject dashboard)
        {
            return Json(400, new JsonObject { ["message"] = "bad request data" });
        }

        var title = StringOf(dashboard["title"]);
        if (string.IsNullOrWhiteSpace(title))
        {
            return Json(400, new JsonObject { ["message"] = "Dashboard title cannot be empty", ["status"] = "empty-name" });
        }

        var folderUid = StringOf(body["folderUid"]);
        var overwrite = body["overwrite"] is JsonValue o && o.TryGetValue<bool>(out var flag) && flag;
        lock (gate)
        {
            if (folderUid is not null && !folders.ContainsKey(folderUid))
            {
                return Json(400, new JsonObject { ["message"] = "folder not found", ["status"] = "not-found" });
            }

            var uid = StringOf(dashboard["uid"]) ?? "d" + nextId;
            var exists = dashboards.TryGetValue(uid, out var stored);
            if (!overwrite)
            {
                var sentVersion = dashboard["version"] is JsonValue v && v.TryGetValue<int>(out var n) ? n : (int?)null;
                if (exists && sentVersion != stored.Dashboard["version"]!.GetValue<int>())
                {
                    return Json(412, new JsonObject { ["message"] = "The dashboard has been changed by someone else", ["status"] = "version-mismatch" });
                }

                if (dashboards.Any(d => d.Key != uid && d.Value.FolderUid == folderUid && StringOf(d.Value.Dashboard["title"]) == title))
                {
                    return Json(412, new JsonObject { ["message"] = "A dashboard with the same name in the folder already exists", ["status"] = "name-exists" });
                }
            }

            var saved = (JsonObject)dashboard.DeepClone();
            var id = exists ? stored.Dashboard["id"]!.GetValue<int>() : nextId++;
            var version = exists ? stored.Dashboard["version"]!.GetValue<int>() + 1 : 1;
            saved["id"] = id;
            saved["uid"] = uid;
            saved["version"] = version;
            dashboards[uid] = (saved, folderUid);
            return Json(200, new JsonObject
            {
                ["id"] = id,
                ["uid"] = uid,
                ["url"] = "/d/" + uid,
                ["status"] = "success",
                ["version"] = version,
                ["slug"] = uid,
            });
        }
    }

    private async Task<IResult> PutRuleGroupAsync(string folderUid, string group, HttpRequest request)
    {
        var body = await ReadObjectAsync(request);
        if (body is null)
        {
            return Json(400, new JsonObject { ["message"] = "bad request data" });
        }

        if (StringOf(body["title"]) is { } title && title != group)
        {
            return Json(400, new JsonObject { ["message"] = $"rule group title '{title}' does not match the group in the path '{group}'" });
        }

        if (body["interval"] is not JsonValue iv || !iv.TryGetValue<long>(out var interval) || interval <= 0 || interval % 10 != 0)
        {
            return Json(400, new JsonObject { ["message"] = "invalid alert rule group: interval should be non-zero and divided exactly by scheduler interval: 10" });
        }

        if (body["rules"] is not JsonArray rules)
        {
            return Json(400, new JsonObject { ["message"] = "invalid alert rule group: rules must be an array" });
        }

        foreach (var rule in rules)
        {
            if (rule is not JsonObject r || StringOf(r["title"]) is null || StringOf(r["condition"]) is null || r["data"] is not JsonArray { Count: > 0 })
            {
                return Json(400, new JsonObject { ["message"] = "invalid alert rule: title, condition and data are required" });
            }
        }

        var provenance = request.Headers["X-Disable-Provenance"].ToString() == "true" ? "" : "api";
        lock (gate)
        {
            if (!folders.ContainsKey(folderUid))
            {
                return Json(404, new JsonObject { ["message"] = "folder does not exist", ["status"] = "not-found" });
            }

            var stored = (JsonObject)body.DeepClone();
            stored["title"] = group;
            stored["folderUid"] = folderUid;
            foreach (var rule in stored["rules"]!.AsArray().OfType<JsonObject>())
            {
                rule["id"] = nextId++;
                rule["orgID"] = 1;
                rule["folderUID"] = folderUid;
                rule["ruleGroup"] = group;
                rule["provenance"] = provenance;
                rule["updated"] = "2026-01-01T00:00:00Z";
            }

            ruleGroups[(folderUid, group)] = stored;
            return Json(200, stored.DeepClone());
        }
    }

    private async Task<IResult> QueryAsync(HttpRequest request)
    {
        var body = await ReadObjectAsync(request);
        if (body?["queries"] is not JsonArray { Count: > 0 } queries)
        {
            return Json(400, new JsonObject { ["message"] = "queries required" });
        }

        var results = new JsonObject();
        lock (gate)
        {
            if (queries.OfType<JsonObject>().Any(q => StringOf(q["datasource"]?["uid"]) is not { } ds || !datasources.Contains(ds)))
            {
                return Json(404, new JsonObject { ["message"] = "Data source not found" });
            }

            foreach (var query in queries.OfType<JsonObject>())
            {
                var refId = StringOf(query["refId"]) ?? "A";
                var frames = new JsonArray();
                if (StringOf(query["expr"]) is { } expr && series.TryGetValue(expr, out var values))
                {
                    frames.Add(new JsonObject
                    {
                        ["schema"] = new JsonObject
                        {
                            ["fields"] = new JsonArray(
                                new JsonObject { ["name"] = "Time", ["type"] = "time" },
                                new JsonObject { ["name"] = "Value", ["type"] = "number" }),
                        },
                        ["data"] = new JsonObject
                        {
                            ["values"] = new JsonArray(
                                new JsonArray(values.Select((_, i) => (JsonNode)JsonValue.Create(1_700_000_000_000L + (i * 60_000L))).ToArray()),
                                new JsonArray(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray())),
                        },
                    });
                }

                results[refId] = new JsonObject { ["status"] = 200, ["frames"] = frames };
            }
        }

        return Json(200, new JsonObject { ["results"] = results });
    }
}

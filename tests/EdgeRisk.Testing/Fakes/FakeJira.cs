using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace EdgeRisk.Testing.Fakes;

/// <summary>
/// Loopback Jira Cloud REST v2 issue comments: list (startAt/maxResults paging), add (201), update (200). Basic auth with
/// email:api_token; unknown issues answer 404 with Jira's errorMessages body.
/// </summary>
public sealed class FakeJira : LoopbackFake
{
    private const string NoIssue = "Issue does not exist or you do not have permission to see it.";

    private readonly Lock gate = new();
    private readonly Dictionary<string, List<JsonObject>> issues = new(StringComparer.Ordinal);
    private readonly string basicCredentials;
    private int nextCommentId = 10000;

    private FakeJira(string email, string apiToken)
    {
        basicCredentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{email}:{apiToken}"));
    }

    public static async Task<FakeJira> StartAsync(string email, string apiToken, params string[] issueKeys)
    {
        var fake = new FakeJira(email, apiToken);
        foreach (var key in issueKeys)
        {
            fake.issues[key] = [];
        }

        await fake.StartServerAsync();
        return fake;
    }

    /// <summary>Comment bodies of an issue in creation order.</summary>
    public IReadOnlyList<string> Comments(string issueKey)
    {
        lock (gate)
        {
            return issues[issueKey].Select(c => c["body"]!.GetValue<string>()).ToList();
        }
    }

    /// <summary>Adds a comment as another user would.</summary>
    public void AddComment(string issueKey, string body)
    {
        lock (gate)
        {
            issues[issueKey].Add(NewComment(issueKey, body));
        }
    }

    protected override void Map(WebApplication application)
    {
        application.Use(async (context, next) =>
        {
            if (context.Request.Headers.Authorization.ToString() == "Basic " + basicCredentials)
            {
                await next(context);
                return;
            }

            await Error(401, ["You are not authenticated. Authentication required to perform this operation."]).ExecuteAsync(context);
        });

        application.MapGet("/rest/api/2/issue/{key}/comment", (string key, int? startAt, int? maxResults) =>
        {
            lock (gate)
            {
                if (!issues.TryGetValue(key, out var comments))
                {
                    return Error(404, [NoIssue]);
                }

                var start = Math.Max(0, startAt ?? 0);
                var max = Math.Clamp(maxResults ?? 50, 1, 100);
                return Json(200, new JsonObject
                {
                    ["startAt"] = start,
                    ["maxResults"] = max,
                    ["total"] = comments.Count,
                    ["comments"] = new JsonArray(comments.Skip(start).Take(max).Select(c => (JsonNode)c.DeepClone()).ToArray()),
                });
            }
        });
        application.MapPost("/rest/api/2/issue/{key}/comment", async (string key, HttpRequest request) =>
        {
            var text = StringOf((await ReadObjectAsync(request))?["body"]);
            lock (gate)
            {
                if (!issues.TryGetValue(key, out var comments))
                {
                    return Error(404, [NoIssue]);
                }

                if (string.IsNullOrWhiteSpace(text))
                {
                    return FieldError("comment", "Comment body can not be empty!");
                }

                var comment = NewComment(key, text);
                comments.Add(comment);
                return Json(201, comment.DeepClone());
            }
        });
        application.MapPut("/rest/api/2/issue/{key}/comment/{id}", async (string key, string id, HttpRequest request) =>
        {
            var text = StringOf((await ReadObjectAsync(request))?["body"]);
            lock (gate)
            {
                if (!issues.TryGetValue(key, out var comments))
                {
                    return Error(404, [NoIssue]);
                }

                var comment = comments.FirstOrDefault(c => StringOf(c["id"]) == id);
                if (comment is null)
                {
                    return Error(404, [$"Can not find a comment for the id: {id}."]);
                }

                if (string.IsNullOrWhiteSpace(text))
                {
                    return FieldError("comment", "Comment body can not be empty!");
                }

                comment["body"] = text;
                return Json(200, comment.DeepClone());
            }
        });
    }

    private JsonObject NewComment(string issueKey, string body)
    {
        var id = (nextCommentId++).ToString(CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["self"] = $"{BaseUrl}rest/api/2/issue/{issueKey}/comment/{id}",
            ["id"] = id,
            ["author"] = new JsonObject { ["accountId"] = "5b10a2844c20165700ede21g", ["displayName"] = "EdgeRisk Release" },
            ["body"] = body,
            ["created"] = "2026-01-01T00:00:00.000+0000",
            ["updated"] = "2026-01-01T00:00:00.000+0000",
        };
    }

    private static IResult Error(int status, string[] messages) =>
        Json(status, new JsonObject
        {
            ["errorMessages"] = new JsonArray(messages.Select(m => (JsonNode)JsonValue.Create(m)).ToArray()),
            ["errors"] = new JsonObject(),
        });

    private static IResult FieldError(string field, string message) =>
        Json(400, new JsonObject { ["errorMessages"] = new JsonArray(), ["errors"] = new JsonObject { [field] = message } });
}

using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EdgeRisk.Release.Outbox;

namespace EdgeRisk.Release.Jira;

/// <summary>
/// Local-profile answers shaped like Jira's, built from the writes already in the outbox: an issue's comments are the
/// recorded adds, with the recorded updates applied.
/// </summary>
public sealed partial class JiraOutboxResponder : IOutboxResponder
{
    public string Service => "jira";

    public string ResourceOf(HttpMethod method, string path, JsonNode? body) => path;

    public OutboxResponse Respond(HttpMethod method, string path, JsonNode? body, IReadOnlyList<OutboxEntry> recorded)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(recorded);
        var comments = Comments(recorded);
        if (method == HttpMethod.Get)
        {
            var issue = comments.Where(c => c.Path == path).Select(c => (JsonNode)c.Comment.DeepClone()).ToArray();
            return new(HttpStatusCode.OK, new JsonObject
            {
                ["startAt"] = 0,
                ["maxResults"] = issue.Length,
                ["total"] = issue.Length,
                ["comments"] = new JsonArray(issue),
            });
        }

        var update = CommentPath().Match(path);
        var target = update.Success
            ? comments.FirstOrDefault(c => c.Path == update.Groups[1].Value && c.Comment["id"]!.GetValue<string>() == update.Groups[2].Value).Comment
            : comments.LastOrDefault(c => c.Path == path).Comment;
        return target is null
            ? new(HttpStatusCode.NotFound, new JsonObject { ["errorMessages"] = new JsonArray("Comment not found."), ["errors"] = new JsonObject() })
            : new(method == HttpMethod.Post ? HttpStatusCode.Created : HttpStatusCode.OK, target.DeepClone());
    }

    private static List<(string Path, JsonObject Comment)> Comments(IReadOnlyList<OutboxEntry> recorded)
    {
        var comments = new List<(string Path, JsonObject Comment)>();
        foreach (var entry in recorded)
        {
            var path = entry.PathWithoutQuery;
            if (entry.Method == "POST")
            {
                var id = (10000 + comments.Count).ToString(CultureInfo.InvariantCulture);
                comments.Add((path, new JsonObject { ["id"] = id, ["body"] = entry.Body?["body"]?.DeepClone() }));
                continue;
            }

            var update = CommentPath().Match(path);
            if (entry.Method == "PUT" && update.Success)
            {
                var existing = comments.FirstOrDefault(c => c.Path == update.Groups[1].Value && c.Comment["id"]!.GetValue<string>() == update.Groups[2].Value);
                existing.Comment?["body"] = entry.Body?["body"]?.DeepClone();
            }
        }

        return comments;
    }

    [GeneratedRegex(@"^(.*/comment)/([^/]+)$")]
    private static partial Regex CommentPath();
}

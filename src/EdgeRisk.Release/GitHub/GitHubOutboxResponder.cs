using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EdgeRisk.Release.Outbox;

namespace EdgeRisk.Release.GitHub;

/// <summary>
/// Local-profile answers shaped like GitHub's REST API, built from the writes already in the outbox: pull requests and
/// releases exist once their creation was recorded, with the reviewers and edits recorded since. There are never
/// workflow runs, so the image check in the local profile reports Missing rather than success.
/// </summary>
public sealed partial class GitHubOutboxResponder : IOutboxResponder
{
    private const string Docs = "https://docs.github.com/rest";

    public string Service => "github";

    public string ResourceOf(HttpMethod method, string path, JsonNode? body)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.EndsWith("/pulls", StringComparison.Ordinal))
        {
            return $"pull:{body?["head"]?.GetValue<string>()}->{body?["base"]?.GetValue<string>()}";
        }

        return path.EndsWith("/releases", StringComparison.Ordinal) ? "release:" + body?["tag_name"]?.GetValue<string>() : path;
    }

    public OutboxResponse Respond(HttpMethod method, string path, JsonNode? body, IReadOnlyList<OutboxEntry> recorded)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(recorded);
        var pulls = Pulls(recorded);
        var releases = Releases(recorded);
        if (method == HttpMethod.Get)
        {
            if (path.EndsWith("/pulls", StringComparison.Ordinal))
            {
                return new(HttpStatusCode.OK, new JsonArray(pulls.Select(p => (JsonNode)p).ToArray()));
            }

            if (path.EndsWith("/runs", StringComparison.Ordinal))
            {
                return new(HttpStatusCode.OK, new JsonObject { ["total_count"] = 0, ["workflow_runs"] = new JsonArray() });
            }

            var byTag = ReleaseByTag().Match(path);
            var release = byTag.Success ? releases.FirstOrDefault(r => r["tag_name"]?.GetValue<string>() == byTag.Groups[1].Value) : null;
            return release is null ? NotFound() : new(HttpStatusCode.OK, release);
        }

        if (path.EndsWith("/pulls", StringComparison.Ordinal))
        {
            return new(HttpStatusCode.Created, pulls[^1]);
        }

        var reviewers = ReviewersPath().Match(path);
        if (reviewers.Success)
        {
            var number = int.Parse(reviewers.Groups[1].Value, CultureInfo.InvariantCulture);
            var pull = pulls.FirstOrDefault(p => p["number"]!.GetValue<int>() == number);
            return pull is null ? NotFound() : new(HttpStatusCode.Created, pull);
        }

        if (path.EndsWith("/releases", StringComparison.Ordinal))
        {
            return new(HttpStatusCode.Created, releases[^1]);
        }

        var edit = ReleaseById().Match(path);
        var edited = edit.Success ? releases.FirstOrDefault(r => r["id"]!.ToJsonString() == edit.Groups[1].Value) : null;
        return edited is null ? NotFound() : new(HttpStatusCode.OK, edited);
    }

    private static List<JsonObject> Pulls(IReadOnlyList<OutboxEntry> recorded)
    {
        var pulls = new List<JsonObject>();
        foreach (var entry in recorded)
        {
            if (entry.Method == "POST" && entry.PathWithoutQuery.EndsWith("/pulls", StringComparison.Ordinal))
            {
                var number = pulls.Count + 1;
                pulls.Add(new JsonObject
                {
                    ["id"] = number,
                    ["number"] = number,
                    ["state"] = "open",
                    ["title"] = entry.Body?["title"]?.DeepClone(),
                    ["body"] = entry.Body?["body"]?.DeepClone(),
                    ["html_url"] = "outbox://github/pull/" + number,
                    ["head"] = new JsonObject { ["ref"] = entry.Body?["head"]?.DeepClone() },
                    ["base"] = new JsonObject { ["ref"] = entry.Body?["base"]?.DeepClone() },
                    ["requested_reviewers"] = new JsonArray(),
                });
                continue;
            }

            var reviewers = ReviewersPath().Match(entry.PathWithoutQuery);
            if (entry.Method == "POST" && reviewers.Success)
            {
                var pull = pulls.FirstOrDefault(p => p["number"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture) == reviewers.Groups[1].Value);
                var requested = pull?["requested_reviewers"]!.AsArray();
                foreach (var login in (entry.Body?["reviewers"] as JsonArray ?? []).Select(r => r?.GetValue<string>()))
                {
                    requested?.Add(new JsonObject { ["login"] = login });
                }
            }
        }

        return pulls;
    }

    private static List<JsonObject> Releases(IReadOnlyList<OutboxEntry> recorded)
    {
        var releases = new List<JsonObject>();
        foreach (var entry in recorded)
        {
            if (entry.Method == "POST" && entry.PathWithoutQuery.EndsWith("/releases", StringComparison.Ordinal))
            {
                var id = releases.Count + 1;
                var release = (JsonObject?)entry.Body?.DeepClone() ?? new JsonObject();
                release["id"] = id;
                release["html_url"] = "outbox://github/release/" + id;
                releases.Add(release);
                continue;
            }

            var edit = ReleaseById().Match(entry.PathWithoutQuery);
            if (entry.Method == "PATCH" && edit.Success && entry.Body is JsonObject changes)
            {
                var release = releases.FirstOrDefault(r => r["id"]!.ToJsonString() == edit.Groups[1].Value);
                foreach (var (name, value) in changes)
                {
                    if (release is not null && value is not null)
                    {
                        release[name] = value.DeepClone();
                    }
                }
            }
        }

        return releases;
    }

    private static OutboxResponse NotFound() =>
        new(HttpStatusCode.NotFound, new JsonObject { ["message"] = "Not Found", ["documentation_url"] = Docs });

    [GeneratedRegex(@"/pulls/(\d+)/requested_reviewers$")]
    private static partial Regex ReviewersPath();

    [GeneratedRegex(@"/releases/tags/([^/]+)$")]
    private static partial Regex ReleaseByTag();

    [GeneratedRegex(@"/releases/(\d+)$")]
    private static partial Regex ReleaseById();
}

using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace EdgeRisk.Testing.Fakes;

/// <summary>
/// Loopback GitHub REST API for one repository: pulls (list with state/head/base filters and Link-header pagination,
/// create with 422 validation errors), requested_reviewers (422 for non-collaborators), Actions workflow runs and
/// releases (by tag, create, update). Requires <c>Authorization: token X</c> or <c>Bearer X</c>. Serves both
/// <c>/repos/...</c> and the enterprise <c>/api/v3/repos/...</c> form Octokit uses for non-github.com hosts.
/// With <see cref="GitDirectory"/> (a bare repository standing for the repository's git data) it also enforces the
/// rules that need history: a pull request whose head has no commits missing from base is refused with 422
/// "No commits between base and head", and an open pull request whose head's commits are all on base (pushed there)
/// reads as closed and merged.
/// </summary>
public sealed class FakeGitHub : LoopbackFake
{
    private const string Docs = "https://docs.github.com/rest";

    private readonly Lock gate = new();
    private readonly List<JsonObject> pulls = [];
    private readonly List<JsonObject> runs = [];
    private readonly List<JsonObject> releases = [];
    private readonly HashSet<string> collaborators = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> workflows = new(StringComparer.Ordinal);
    private readonly string token;
    private int nextId = 1;

    private FakeGitHub(string owner, string repository, string token)
    {
        Owner = owner;
        Repository = repository;
        this.token = token;
    }

    public string Owner { get; }

    public string Repository { get; }

    /// <summary>The bare repository the pulls' branches are read from; null: the fake knows no history.</summary>
    public string? GitDirectory { get; set; }

    public static async Task<FakeGitHub> StartAsync(string owner, string repository, string token, params string[] collaborators)
    {
        var fake = new FakeGitHub(owner, repository, token);
        fake.collaborators.UnionWith(collaborators);
        await fake.StartServerAsync("/api/v3");
        return fake;
    }

    public IReadOnlyList<JsonObject> PullRequests
    {
        get
        {
            MergePushedPulls();
            lock (gate)
            {
                return pulls.Select(p => (JsonObject)p.DeepClone()).ToList();
            }
        }
    }

    public IReadOnlyList<JsonObject> Releases
    {
        get
        {
            lock (gate)
            {
                return releases.Select(r => (JsonObject)r.DeepClone()).ToList();
            }
        }
    }

    /// <summary>Adds an open pull request as someone else would have opened it; returns its number.</summary>
    public int AddPullRequest(string head, string baseRef, string title)
    {
        lock (gate)
        {
            return NewPull(title, head, baseRef, "")["number"]!.GetValue<int>();
        }
    }

    /// <summary>Registers a workflow file (e.g. docker.yml) without runs.</summary>
    public void AddWorkflow(string workflowFile)
    {
        lock (gate)
        {
            workflows.Add(workflowFile);
        }
    }

    /// <summary>Adds a run of <paramref name="workflowFile"/> for <paramref name="headBranch"/> (a branch or tag).</summary>
    public long AddWorkflowRun(string workflowFile, string headBranch, string eventName, string status, string? conclusion, DateTimeOffset createdAt)
    {
        lock (gate)
        {
            workflows.Add(workflowFile);
            var id = nextId++;
            runs.Add(new JsonObject
            {
                ["id"] = id,
                ["name"] = "docker",
                ["path"] = ".github/workflows/" + workflowFile,
                ["head_branch"] = headBranch,
                ["head_sha"] = new string('a', 40),
                ["event"] = eventName,
                ["status"] = status,
                ["conclusion"] = conclusion,
                ["run_number"] = runs.Count + 1,
                ["html_url"] = $"https://github.com/{Owner}/{Repository}/actions/runs/{id}",
                ["created_at"] = createdAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                ["updated_at"] = createdAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            });
            return id;
        }
    }

    protected override void Map(WebApplication application)
    {
        application.Use(async (context, next) =>
        {
            var header = context.Request.Headers.Authorization.ToString();
            var ok = header.Equals("token " + token, StringComparison.OrdinalIgnoreCase) && header[6..] == token
                || header.Equals("Bearer " + token, StringComparison.OrdinalIgnoreCase) && header[7..] == token;
            if (!ok)
            {
                await Json(401, new JsonObject { ["message"] = "Bad credentials", ["documentation_url"] = Docs }).ExecuteAsync(context);
                return;
            }

            var prefix = $"/repos/{Owner}/{Repository}";
            if (!context.Request.Path.StartsWithSegments(prefix))
            {
                await NotFound().ExecuteAsync(context);
                return;
            }

            await next(context);
        });

        var repo = $"/repos/{Owner}/{Repository}";
        application.MapGet(repo + "/pulls", ListPulls);
        application.MapPost(repo + "/pulls", CreatePullAsync);
        application.MapPost(repo + "/pulls/{number:int}/requested_reviewers", RequestReviewersAsync);
        application.MapGet(repo + "/actions/runs", (HttpRequest request) => ListRuns(null, request));
        application.MapGet(repo + "/actions/workflows/{workflow}/runs", (string workflow, HttpRequest request) => ListRuns(workflow, request));
        application.MapGet(repo + "/releases/tags/{tag}", (string tag) =>
        {
            lock (gate)
            {
                var release = releases.FirstOrDefault(r => StringOf(r["tag_name"]) == tag);
                return release is null ? NotFound() : Json(200, release.DeepClone());
            }
        });
        application.MapPost(repo + "/releases", CreateReleaseAsync);
        application.MapMethods(repo + "/releases/{id:long}", ["PATCH"], UpdateReleaseAsync);
    }

    private IResult ListPulls(HttpRequest request, HttpResponse response)
    {
        var state = request.Query["state"].FirstOrDefault() ?? "open";
        var head = request.Query["head"].FirstOrDefault();
        var baseRef = request.Query["base"].FirstOrDefault();
        var page = int.TryParse(request.Query["page"], out var p) && p > 0 ? p : 1;
        var perPage = int.TryParse(request.Query["per_page"], out var pp) && pp > 0 ? Math.Min(pp, 100) : 30;
        MergePushedPulls();
        List<JsonObject> matching;
        lock (gate)
        {
            matching = pulls
                .Where(pr => state == "all" || StringOf(pr["state"]) == state)
                .Where(pr => head is null || StringOf(pr["head"]!["label"]) == head)
                .Where(pr => baseRef is null || StringOf(pr["base"]!["ref"]) == baseRef)
                .OrderByDescending(pr => pr["number"]!.GetValue<int>())
                .Select(pr => (JsonObject)pr.DeepClone())
                .ToList();
        }

        var lastPage = Math.Max(1, (matching.Count + perPage - 1) / perPage);
        var links = new List<string>();
        string PageUrl(int n)
        {
            var query = request.Query
                .Where(q => q.Key is not ("page" or "per_page"))
                .Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value.ToString())}")
                .Append($"per_page={perPage}")
                .Append($"page={n}");
            return $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}?{string.Join('&', query)}";
        }

        if (page < lastPage)
        {
            links.Add($"<{PageUrl(page + 1)}>; rel=\"next\"");
            links.Add($"<{PageUrl(lastPage)}>; rel=\"last\"");
        }

        if (page > 1)
        {
            links.Add($"<{PageUrl(1)}>; rel=\"first\"");
            links.Add($"<{PageUrl(page - 1)}>; rel=\"prev\"");
        }

        if (links.Count > 0)
        {
            response.Headers.Link = string.Join(", ", links);
        }

        return Json(200, new JsonArray(matching.Skip((page - 1) * perPage).Take(perPage).Select(pr => (JsonNode)pr).ToArray()));
    }

    private async Task<IResult> CreatePullAsync(HttpRequest request)
    {
        var body = await ReadObjectAsync(request);
        if (body is null)
        {
            return Json(400, new JsonObject { ["message"] = "Problems parsing JSON", ["documentation_url"] = Docs });
        }

        var title = StringOf(body["title"]);
        var head = StringOf(body["head"]);
        var baseRef = StringOf(body["base"]);
        var missing = new[] { ("title", title), ("head", head), ("base", baseRef) }.Where(f => string.IsNullOrEmpty(f.Item2)).ToList();
        if (missing.Count > 0)
        {
            return Validation(missing.Select(f => new JsonObject { ["resource"] = "PullRequest", ["field"] = f.Item1, ["code"] = "missing_field" }));
        }

        if (CommitsMissingFromBase(head!, baseRef!) == 0)
        {
            return Validation([new JsonObject
            {
                ["resource"] = "PullRequest",
                ["code"] = "custom",
                ["message"] = $"No commits between {baseRef} and {head}",
            }]);
        }

        lock (gate)
        {
            if (pulls.Any(pr => StringOf(pr["state"]) == "open" && StringOf(pr["head"]!["ref"]) == head && StringOf(pr["base"]!["ref"]) == baseRef))
            {
                return Validation([new JsonObject
                {
                    ["resource"] = "PullRequest",
                    ["code"] = "custom",
                    ["message"] = $"A pull request already exists for {Owner}:{head}.",
                }]);
            }

            return Json(201, NewPull(title!, head!, baseRef!, StringOf(body["body"]) ?? "").DeepClone());
        }
    }

    private async Task<IResult> RequestReviewersAsync(int number, HttpRequest request)
    {
        var body = await ReadObjectAsync(request);
        var reviewers = (body?["reviewers"] as JsonArray ?? []).Select(StringOf).OfType<string>().ToList();
        lock (gate)
        {
            var pull = pulls.FirstOrDefault(pr => pr["number"]!.GetValue<int>() == number);
            if (pull is null)
            {
                return NotFound();
            }

            if (reviewers.Any(r => !collaborators.Contains(r)))
            {
                return Json(422, new JsonObject
                {
                    ["message"] = $"Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the {Owner}/{Repository} repository.",
                    ["documentation_url"] = Docs,
                });
            }

            var requested = pull["requested_reviewers"]!.AsArray();
            foreach (var reviewer in reviewers.Where(r => !requested.Any(u => StringOf(u!["login"]) == r)))
            {
                requested.Add(new JsonObject { ["login"] = reviewer, ["id"] = nextId++, ["type"] = "User" });
            }

            return Json(201, pull.DeepClone());
        }
    }

    private IResult ListRuns(string? workflow, HttpRequest request)
    {
        var branch = request.Query["branch"].FirstOrDefault();
        var eventName = request.Query["event"].FirstOrDefault();
        var status = request.Query["status"].FirstOrDefault();
        lock (gate)
        {
            if (workflow is not null && !workflows.Contains(workflow))
            {
                return NotFound();
            }

            var matching = runs
                .Where(r => workflow is null || StringOf(r["path"])!.EndsWith("/" + workflow, StringComparison.Ordinal))
                .Where(r => branch is null || StringOf(r["head_branch"]) == branch)
                .Where(r => eventName is null || StringOf(r["event"]) == eventName)
                .Where(r => status is null || StringOf(r["status"]) == status || StringOf(r["conclusion"]) == status)
                .OrderByDescending(r => r["id"]!.GetValue<int>())
                .Select(r => (JsonNode)r.DeepClone())
                .ToArray();
            return Json(200, new JsonObject { ["total_count"] = matching.Length, ["workflow_runs"] = new JsonArray(matching) });
        }
    }

    private async Task<IResult> CreateReleaseAsync(HttpRequest request)
    {
        var body = await ReadObjectAsync(request);
        var tag = StringOf(body?["tag_name"]);
        if (body is null || string.IsNullOrEmpty(tag))
        {
            return Validation([new JsonObject { ["resource"] = "Release", ["field"] = "tag_name", ["code"] = "missing_field" }]);
        }

        lock (gate)
        {
            if (releases.Any(r => StringOf(r["tag_name"]) == tag))
            {
                return Validation([new JsonObject { ["resource"] = "Release", ["field"] = "tag_name", ["code"] = "already_exists" }]);
            }

            var id = nextId++;
            var release = new JsonObject
            {
                ["id"] = id,
                ["tag_name"] = tag,
                ["name"] = body["name"]?.DeepClone(),
                ["body"] = body["body"]?.DeepClone(),
                ["draft"] = body["draft"]?.DeepClone() ?? false,
                ["prerelease"] = body["prerelease"]?.DeepClone() ?? false,
                ["html_url"] = $"https://github.com/{Owner}/{Repository}/releases/tag/{tag}",
                ["url"] = $"{BaseUrl}repos/{Owner}/{Repository}/releases/{id}",
                ["assets"] = new JsonArray(),
            };
            releases.Add(release);
            return Json(201, release.DeepClone());
        }
    }

    private async Task<IResult> UpdateReleaseAsync(long id, HttpRequest request)
    {
        var body = await ReadObjectAsync(request);
        if (body is null)
        {
            return Json(400, new JsonObject { ["message"] = "Problems parsing JSON", ["documentation_url"] = Docs });
        }

        lock (gate)
        {
            var release = releases.FirstOrDefault(r => r["id"]!.GetValue<int>() == id);
            if (release is null)
            {
                return NotFound();
            }

            foreach (var field in new[] { "name", "body", "draft", "prerelease", "tag_name" })
            {
                if (body.ContainsKey(field) && body[field] is not null)
                {
                    release[field] = body[field]!.DeepClone();
                }
            }

            return Json(200, release.DeepClone());
        }
    }

    private JsonObject NewPull(string title, string head, string baseRef, string body)
    {
        var number = pulls.Count + 1;
        var pull = new JsonObject
        {
            ["id"] = nextId++,
            ["number"] = number,
            ["state"] = "open",
            ["title"] = title,
            ["body"] = body,
            ["html_url"] = $"https://github.com/{Owner}/{Repository}/pull/{number}",
            ["head"] = new JsonObject { ["ref"] = head, ["label"] = $"{Owner}:{head}", ["sha"] = new string('b', 40) },
            ["base"] = new JsonObject { ["ref"] = baseRef, ["label"] = $"{Owner}:{baseRef}", ["sha"] = new string('c', 40) },
            ["requested_reviewers"] = new JsonArray(),
            ["draft"] = false,
            ["merged"] = false,
        };
        pulls.Add(pull);
        return pull;
    }

    /// <summary>
    /// Commits on head that base lacks (<c>git rev-list --count base..head</c> in <see cref="GitDirectory"/>); null when the
    /// fake knows no history or either branch is missing there.
    /// </summary>
    private int? CommitsMissingFromBase(string head, string baseRef)
    {
        if (GitDirectory is not { } directory)
        {
            return null;
        }

        var startInfo = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "rev-list", "--count", $"refs/heads/{baseRef}..refs/heads/{head}" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("git could not be started");
        var output = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 && int.TryParse(output.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : null;
    }

    /// <summary>GitHub's rule for a push to base: an open pull request whose head's commits are all on base is merged.</summary>
    private void MergePushedPulls()
    {
        if (GitDirectory is null)
        {
            return;
        }

        List<(JsonObject Pull, string Head, string Base)> open;
        lock (gate)
        {
            open = pulls.Where(pr => StringOf(pr["state"]) == "open")
                .Select(pr => (pr, StringOf(pr["head"]!["ref"])!, StringOf(pr["base"]!["ref"])!))
                .ToList();
        }

        foreach (var (pull, _, _) in open.Where(p => CommitsMissingFromBase(p.Head, p.Base) == 0))
        {
            lock (gate)
            {
                pull["state"] = "closed";
                pull["merged"] = true;
            }
        }
    }

    private static IResult NotFound() =>
        Json(404, new JsonObject { ["message"] = "Not Found", ["documentation_url"] = Docs });

    private static IResult Validation(IEnumerable<JsonObject> errors) =>
        Json(422, new JsonObject
        {
            ["message"] = "Validation Failed",
            ["errors"] = new JsonArray(errors.Select(e => (JsonNode)e).ToArray()),
            ["documentation_url"] = Docs,
        });
}

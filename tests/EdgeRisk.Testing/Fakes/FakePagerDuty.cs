using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace EdgeRisk.Testing.Fakes;

/// <summary>
/// Loopback PagerDuty Events API v2 (<c>POST /v2/enqueue</c>): validates events like PagerDuty (32-character routing key,
/// event_action enum, payload summary/source/severity for triggers, dedup_key for acknowledge/resolve), answers 202 with
/// the dedup key, 400 <c>invalid event</c> with errors, and 429 when a rate limit is armed. Accepted events are recorded.
/// Alertmanager's <c>pagerduty_configs.url</c> and curl can point at <see cref="EnqueueUrl"/>.
/// </summary>
public sealed class FakePagerDuty : LoopbackFake
{
    private static readonly string[] Actions = ["trigger", "acknowledge", "resolve"];
    private static readonly string[] Severities = ["critical", "error", "warning", "info"];

    private readonly Lock gate = new();
    private readonly List<PagerDutyEvent> events = [];
    private readonly List<(Func<PagerDutyEvent, bool> Predicate, TaskCompletionSource<PagerDutyEvent> Completion)> waiters = [];
    private int rateLimitedRequests;

    private FakePagerDuty()
    {
    }

    public static async Task<FakePagerDuty> StartAsync()
    {
        var fake = new FakePagerDuty();
        await fake.StartServerAsync();
        return fake;
    }

    /// <summary><c>{BaseUrl}v2/enqueue</c>.</summary>
    public Uri EnqueueUrl => new(BaseUrl, "v2/enqueue");

    public IReadOnlyList<PagerDutyEvent> Events
    {
        get
        {
            lock (gate)
            {
                return events.ToArray();
            }
        }
    }

    /// <summary>The next <paramref name="count"/> requests are answered 429 and not recorded.</summary>
    public void RateLimitNext(int count)
    {
        lock (gate)
        {
            rateLimitedRequests = count;
        }
    }

    /// <summary>Completes with the first event (already received or future) matching <paramref name="predicate"/>.</summary>
    public async Task<PagerDutyEvent> WaitForEventAsync(Func<PagerDutyEvent, bool> predicate, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        TaskCompletionSource<PagerDutyEvent> completion;
        lock (gate)
        {
            var existing = events.FirstOrDefault(predicate);
            if (existing is not null)
            {
                return existing;
            }

            completion = new TaskCompletionSource<PagerDutyEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((predicate, completion));
        }

        try
        {
            return await completion.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"no matching PagerDuty event within {timeout.TotalSeconds:0.#} s; received {Events.Count} event(s)");
        }
        finally
        {
            lock (gate)
            {
                waiters.RemoveAll(w => w.Completion == completion);
            }
        }
    }

    protected override void Map(WebApplication application) =>
        application.MapPost("/v2/enqueue", EnqueueAsync);

    private async Task<IResult> EnqueueAsync(HttpRequest request)
    {
        lock (gate)
        {
            if (rateLimitedRequests > 0)
            {
                rateLimitedRequests--;
                return Json(429, new JsonObject
                {
                    ["status"] = "throttle event",
                    ["message"] = "Requests for this service are arriving too quickly.  Please retry later.",
                });
            }
        }

        var body = await ReadObjectAsync(request);
        if (body is null)
        {
            return Invalid(["Event object is not valid JSON"]);
        }

        var errors = Validate(body);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        var payload = body["payload"] as JsonObject;
        var dedupKey = StringOf(body["dedup_key"]) ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var accepted = new PagerDutyEvent(
            StringOf(body["routing_key"])!,
            StringOf(body["event_action"])!,
            dedupKey,
            StringOf(payload?["summary"]),
            StringOf(payload?["source"]),
            StringOf(payload?["severity"]),
            StringOf(payload?["component"]),
            StringOf(payload?["group"]),
            StringOf(payload?["class"]),
            payload?["custom_details"]?.DeepClone() as JsonObject,
            body);
        lock (gate)
        {
            events.Add(accepted);
            foreach (var waiter in waiters.Where(w => w.Predicate(accepted)).ToList())
            {
                waiter.Completion.TrySetResult(accepted);
            }
        }

        return Json(202, new JsonObject { ["status"] = "success", ["message"] = "Event processed", ["dedup_key"] = dedupKey });
    }

    private static List<string> Validate(JsonObject body)
    {
        var errors = new List<string>();
        var routingKey = StringOf(body["routing_key"]);
        if (string.IsNullOrEmpty(routingKey))
        {
            errors.Add("'routing_key' is missing or blank");
        }
        else if (routingKey.Length != 32)
        {
            errors.Add("Length of 'routing_key' is incorrect (should be 32 characters)");
        }

        var action = StringOf(body["event_action"]);
        if (action is null || !Actions.Contains(action))
        {
            errors.Add("'event_action' is invalid (must be one of the following: 'trigger', 'acknowledge' or 'resolve')");
        }

        var dedupKey = StringOf(body["dedup_key"]);
        if (dedupKey is { Length: > 255 })
        {
            errors.Add("'dedup_key' must be at most 255 characters");
        }

        if (action is "acknowledge" or "resolve" && string.IsNullOrEmpty(dedupKey))
        {
            errors.Add("'dedup_key' is missing or blank");
        }

        if (action == "trigger")
        {
            if (body["payload"] is not JsonObject payload)
            {
                errors.Add("'payload' is missing or blank");
                return errors;
            }

            var summary = StringOf(payload["summary"]);
            if (string.IsNullOrWhiteSpace(summary))
            {
                errors.Add("'payload.summary' is missing or blank");
            }
            else if (summary.Length > 1024)
            {
                errors.Add("'payload.summary' must be at most 1024 characters");
            }

            if (string.IsNullOrWhiteSpace(StringOf(payload["source"])))
            {
                errors.Add("'payload.source' is missing or blank");
            }

            if (StringOf(payload["severity"]) is not { } severity || !Severities.Contains(severity))
            {
                errors.Add("'payload.severity' is invalid (must be one of the following: 'critical', 'warning', 'error' or 'info')");
            }

            if (payload["timestamp"] is { } timestamp && !DateTimeOffset.TryParse(StringOf(timestamp), System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                errors.Add("'payload.timestamp' is not a valid ISO 8601 timestamp");
            }
        }

        return errors;
    }

    private static IResult Invalid(IEnumerable<string> errors) =>
        Json(400, new JsonObject
        {
            ["status"] = "invalid event",
            ["message"] = "Event object is invalid",
            ["errors"] = new JsonArray(errors.Select(e => (JsonNode)JsonValue.Create(e)).ToArray()),
        });
}

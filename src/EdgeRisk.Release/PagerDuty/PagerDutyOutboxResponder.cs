using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using EdgeRisk.Release.Outbox;

namespace EdgeRisk.Release.PagerDuty;

/// <summary>Local-profile answer of the Events API: 202 with the event's dedup key, or one derived from the event.</summary>
public sealed class PagerDutyOutboxResponder : IOutboxResponder
{
    public string Service => "pagerduty";

    /// <summary>An event is identified by its action and dedup key, so re-sending the same trigger is not re-recorded.</summary>
    public string ResourceOf(HttpMethod method, string path, JsonNode? body) =>
        $"{body?["event_action"]?.GetValue<string>()}:{DedupKey(body)}";

    public OutboxResponse Respond(HttpMethod method, string path, JsonNode? body, IReadOnlyList<OutboxEntry> recorded) =>
        new(HttpStatusCode.Accepted, new JsonObject
        {
            ["status"] = "success",
            ["message"] = "Event processed",
            ["dedup_key"] = DedupKey(body),
        });

    private static string DedupKey(JsonNode? body) =>
        body?["dedup_key"]?.GetValue<string>()
        ?? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body?["payload"]?.ToJsonString() ?? "")))[..32];
}

using System.Text.Json.Nodes;

namespace EdgeRisk.Release.Outbox;

/// <summary>
/// A plausible answer of one service to a request that the local profile keeps on the machine. Reads are answered from
/// the service's writes already in the outbox, so a re-run sees what the previous run "sent" and stays idempotent.
/// </summary>
public interface IOutboxResponder
{
    /// <summary>The service name used in outbox file names, e.g. <c>grafana</c>.</summary>
    string Service { get; }

    /// <summary>What a write changes, e.g. <c>dashboard:edge-risk</c>; repeats of the latest write to it are not re-recorded.</summary>
    string ResourceOf(HttpMethod method, string path, JsonNode? body);

    /// <summary>The answer; <paramref name="recorded"/> holds this service's writes so far, the current one included.</summary>
    OutboxResponse Respond(HttpMethod method, string path, JsonNode? body, IReadOnlyList<OutboxEntry> recorded);
}

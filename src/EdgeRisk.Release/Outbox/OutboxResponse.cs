using System.Net;
using System.Text.Json.Nodes;

namespace EdgeRisk.Release.Outbox;

/// <summary>Status and JSON body the outbox answers with.</summary>
public sealed record OutboxResponse(HttpStatusCode Status, JsonNode? Body);

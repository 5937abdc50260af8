using System.Text.Json.Nodes;

namespace EdgeRisk.Testing.Fakes;

/// <summary>An Events API v2 event accepted by <see cref="FakePagerDuty"/>. <see cref="Raw"/> is the whole request body.</summary>
public sealed record PagerDutyEvent(
    string RoutingKey,
    string EventAction,
    string DedupKey,
    string? Summary,
    string? Source,
    string? Severity,
    string? Component,
    string? Group,
    string? Class,
    JsonObject? CustomDetails,
    JsonObject Raw);

namespace EdgeRisk.Release.PagerDuty;

/// <summary>
/// One Events API v2 event. <see cref="Summary"/>, <see cref="Source"/> and <see cref="Severity"/> are required for a
/// trigger; <see cref="DedupKey"/> is required to acknowledge or resolve.
/// </summary>
public sealed record PagerDutyEvent
{
    public required PagerDutyEventAction Action { get; init; }

    public string? DedupKey { get; init; }

    public string? Summary { get; init; }

    public string? Source { get; init; }

    public PagerDutySeverity Severity { get; init; } = PagerDutySeverity.Error;

    public DateTimeOffset? Timestamp { get; init; }

    public string? Component { get; init; }

    public string? Group { get; init; }

    public string? Class { get; init; }

    public IReadOnlyDictionary<string, string>? CustomDetails { get; init; }
}

using System.Text.Json.Serialization;

namespace EdgeRisk.Evidence;

/// <summary>A closed interval of (virtual) time covered by the evidence: the dry run's recordings and evidence/index.json.</summary>
public sealed record EvidenceWindow([property: JsonPropertyName("start")] DateTimeOffset Start, [property: JsonPropertyName("end")] DateTimeOffset End)
{
    [JsonIgnore]
    public TimeSpan Length => End - Start;

    public EvidenceWindow Union(EvidenceWindow other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new EvidenceWindow(Start < other.Start ? Start : other.Start, End > other.End ? End : other.End);
    }
}

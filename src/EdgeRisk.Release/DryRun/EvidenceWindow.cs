namespace EdgeRisk.Release.DryRun;

/// <summary>A closed interval of virtual time covered by the dry-run evidence.</summary>
public sealed record EvidenceWindow(DateTimeOffset Start, DateTimeOffset End)
{
    public TimeSpan Length => End - Start;

    public EvidenceWindow Union(EvidenceWindow other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new EvidenceWindow(Start < other.Start ? Start : other.Start, End > other.End ? End : other.End);
    }
}

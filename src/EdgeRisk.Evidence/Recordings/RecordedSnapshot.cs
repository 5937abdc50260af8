namespace EdgeRisk.Evidence.Recordings;

/// <summary>One complete <c># snapshot</c> block of a recorded file (virtual time in Unix milliseconds).</summary>
public sealed record RecordedSnapshot(long TimeMs, IReadOnlyList<RecordedSample> Samples)
{
    public DateTimeOffset Time => DateTimeOffset.FromUnixTimeMilliseconds(TimeMs);
}

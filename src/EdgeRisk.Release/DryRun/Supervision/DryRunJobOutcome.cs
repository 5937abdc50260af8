namespace EdgeRisk.Release.DryRun.Supervision;

/// <summary>
/// What happened to one job: every attempt's exit code (137 = killed by SIGKILL), the restarts used, and the
/// first and last complete snapshot in its recorded file (virtual time; null when there is none).
/// </summary>
public sealed record DryRunJobOutcome(
    string Job,
    IReadOnlyList<int> ExitCodes,
    int Restarts,
    string RecordedMetricsPath,
    string LogPath,
    DateTimeOffset? FirstSampleTime,
    DateTimeOffset? LastSampleTime)
{
    /// <summary>The last attempt exited 0 and recorded at least one snapshot.</summary>
    public bool Succeeded => ExitCodes.Count > 0 && ExitCodes[^1] == 0 && FirstSampleTime is not null;
}

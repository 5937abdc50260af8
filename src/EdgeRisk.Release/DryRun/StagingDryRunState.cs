using EdgeRisk.Evidence;
using EdgeRisk.Release.DryRun.Supervision;

namespace EdgeRisk.Release.DryRun;

/// <summary>
/// The content of <c>artifacts/dry-run/staging-run.json</c>: which Prometheus the staging dry run judged, the window it
/// covered ([start, stop] after an early stop), its verdict and the stop reason. <c>EvaluateGates</c> reads the window
/// from it, so the final evaluation judges the same window as the dry run.
/// </summary>
public sealed record StagingDryRunState(Uri Url, DateTimeOffset WindowStart, DateTimeOffset WindowEnd, string Verdict, string? StopReason)
{
    public const string FileName = "staging-run.json";

    public EvidenceWindow Window => new(WindowStart, WindowEnd);

    public void Save(string path) => StateFile.Save(this, path);

    /// <summary>The saved state, or null when there is no state file.</summary>
    public static StagingDryRunState? Load(string path) => StateFile.Load<StagingDryRunState>(path, "a staging dry-run state file", DryRunException.UnreadableState(path));
}

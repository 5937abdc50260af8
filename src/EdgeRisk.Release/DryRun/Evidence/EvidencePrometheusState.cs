using EdgeRisk.Evidence;
using EdgeRisk.Release.DryRun.Supervision;

namespace EdgeRisk.Release.DryRun.Evidence;

/// <summary>The content of <c>artifacts/dry-run/prometheus.json</c>: where the evidence Prometheus runs and what it covers.</summary>
public sealed record EvidencePrometheusState(int Pid, int Port, Uri Url, string DataDirectory, DateTimeOffset WindowStart, DateTimeOffset WindowEnd)
{
    public EvidenceWindow Window => new(WindowStart, WindowEnd);

    public void Save(string path) => StateFile.Save(this, path);

    /// <summary>The saved state, or null when there is no state file.</summary>
    public static EvidencePrometheusState? Load(string path) => StateFile.Load<EvidencePrometheusState>(path, "a Prometheus state file", DryRunException.UnreadableState(path));
}

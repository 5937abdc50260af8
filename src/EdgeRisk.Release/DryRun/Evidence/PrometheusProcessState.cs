using EdgeRisk.Release.DryRun.Supervision;

namespace EdgeRisk.Release.DryRun.Evidence;

/// <summary>
/// Which detached Prometheus a dry run left running (the pid and URL of <c>prometheus.json</c> and
/// <c>live-prometheus.json</c>), so a later run or <c>StopServices</c> can stop it.
/// </summary>
public sealed record PrometheusProcessState(int Pid, Uri Url)
{
    public void Save(string path) => StateFile.Save(this, path);

    public static PrometheusProcessState? Load(string path) => StateFile.Load<PrometheusProcessState>(path, "a Prometheus state file", DryRunException.UnreadableState(path));
}

using EdgeRisk.Evidence;
using EdgeRisk.Evidence.Gates;
using EdgeRisk.Evidence.Gates.Live;
using EdgeRisk.Release.DryRun.Supervision;

namespace EdgeRisk.Release.DryRun;

/// <summary>
/// What the staging dry run did: the soak window, every live judgement, the early stop (null when it ran to the end),
/// the final report written to the gates directory, the watchdog's runs and how many pushes failed.
/// </summary>
public sealed record StagingDryRunResult(GateWindow Window, LiveGateOutcome Live, GateReport Final, HealthcheckLoopOutcome? Healthcheck,
    int Pushes, int PushFailures, string GatesDirectory, string StateFile)
{
    public LiveGateStop? Stop => Live.Stop;

    /// <summary>FAIL after an early stop; otherwise the final report's verdict.</summary>
    public GateStatus Verdict => Stop is not null ? GateStatus.Fail : Final.Verdict;
}

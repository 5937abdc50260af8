using EdgeRisk.Evidence;
using EdgeRisk.Evidence.Gates;
using EdgeRisk.Evidence.Gates.Live;
using EdgeRisk.Release.DryRun.Supervision;
using EdgeRisk.Release.DryRun.Evidence;

namespace EdgeRisk.Release.DryRun;

/// <summary>
/// What the local dry run did: the processes' outcome, the evidence Prometheus, and with live gates their window, the
/// early stop (null when they ran to the end) and the last judgement on the backfilled evidence.
/// </summary>
public sealed record LocalDryRunResult(DryRunOutcome Outcome, DryRunEvidence Evidence, GateWindow? Window, LiveGateStop? Stop, GateReport? Final);

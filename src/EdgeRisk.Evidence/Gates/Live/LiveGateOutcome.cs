namespace EdgeRisk.Evidence.Gates.Live;

/// <summary>
/// What the live loop saw: every evaluated minute in time order, and <see cref="Stop"/> when an irreversible failure
/// ended the run early (null when the evidence ran out or the window ended). <see cref="Last"/> is the latest judgement.
/// </summary>
public sealed record LiveGateOutcome(IReadOnlyList<LiveGateSnapshot> Snapshots, LiveGateStop? Stop, GateReport? Last)
{
    /// <summary>FAIL when stopped; otherwise the latest verdict, INCONCLUSIVE when nothing could be evaluated.</summary>
    public GateStatus Verdict => Stop is not null ? GateStatus.Fail : Last?.Verdict ?? GateStatus.Inconclusive;
}

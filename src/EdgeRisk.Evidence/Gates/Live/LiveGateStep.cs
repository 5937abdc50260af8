namespace EdgeRisk.Evidence.Gates.Live;

/// <summary>One look at the evidence: the minutes judged (in time order), the stop if one failed for good, and whether the loop is over.</summary>
public sealed record LiveGateStep(IReadOnlyList<LiveGateSnapshot> Snapshots, LiveGateStop? Stop, bool Done);

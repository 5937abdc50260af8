namespace EdgeRisk.Evidence.Gates;

/// <summary>Outcome of one gate or of the whole evaluation (Argo Rollouts' analysis outcomes).</summary>
public enum GateStatus
{
    Pass,
    Fail,
    Inconclusive,
}

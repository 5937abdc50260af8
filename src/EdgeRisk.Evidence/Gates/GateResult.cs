namespace EdgeRisk.Evidence.Gates;

/// <summary>
/// One gate's outcome. <see cref="Margin"/> is the signed distance to the threshold in the gate's unit (negative =
/// breached, null when inconclusive); <see cref="Irreversible"/> marks failures no later data can undo.
/// </summary>
public sealed record GateResult(
    string Name,
    GateStatus Status,
    double? Value,
    double Threshold,
    string Detail,
    double? Margin,
    bool Irreversible,
    GatePlot? Plot)
{
    public static GateResult Inconclusive(string name, double threshold, string detail, GatePlot? plot = null) =>
        new(name, GateStatus.Inconclusive, null, threshold, detail, null, false, plot);
}

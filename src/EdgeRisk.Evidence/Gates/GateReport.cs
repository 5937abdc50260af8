
namespace EdgeRisk.Evidence.Gates;

/// <summary>The evaluation: verdict, window, the five gates in order, the advisory VaR backtest, the evidence read and the inputs used.</summary>
public sealed record GateReport(GateStatus Verdict, GateWindow Window, IReadOnlyList<GateResult> Gates, VarBacktest VarBacktest,
    EvidenceRecording Evidence, decimal? PnlSigmaUsd, decimal? VarLimitUsd)
{
    /// <summary>
    /// Evidence fetching hit the deadline (<see cref="Prometheus.PrometheusSourceOptions.Timeout"/>): the gates whose
    /// evidence had not arrived are INCONCLUSIVE with "… did not answer within N s".
    /// </summary>
    public bool EvidenceTimedOut { get; init; }

    /// <summary>What the gates were judged by: thresholds, windows and the gates file (path, sha256, profile) they came from.</summary>
    public GateSettings Settings { get; init; } = GateSettings.Default;

    /// <summary>PASS only if all five gates pass; otherwise FAIL if any fails, else INCONCLUSIVE.</summary>
    public static GateStatus Combine(IReadOnlyCollection<GateResult> gates)
    {
        ArgumentNullException.ThrowIfNull(gates);
        if (gates.Count == GateNames.All.Count && gates.All(g => g.Status == GateStatus.Pass)
            && GateNames.All.All(n => gates.Any(g => g.Name == n)))
        {
            return GateStatus.Pass;
        }

        return gates.Any(g => g.Status == GateStatus.Fail) ? GateStatus.Fail : GateStatus.Inconclusive;
    }
}

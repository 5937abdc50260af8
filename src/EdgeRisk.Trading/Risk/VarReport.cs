namespace EdgeRisk.Trading.Risk;

/// <summary>
/// Outcome of a harmonisation: the 99% one-day parametric VaR of the target portfolio in USD, the limit,
/// and the scale factor applied to the desired portfolio (1 = untouched).
/// </summary>
public readonly record struct VarReport(double VarUsd, double LimitUsd, double Scale, bool RiskModelReady)
{
    /// <summary>VaR as a percentage of the limit; by construction never above 100.</summary>
    public double VarPct => LimitUsd > 0d ? VarUsd / LimitUsd * 100d : 0d;
}

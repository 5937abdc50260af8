namespace EdgeRisk.Trading.Risk;

/// <summary>
/// The VaR warning line as a fraction of the VaR limit: the <c>VarHigh</c> alert fires above <c>var_pct &gt; 90</c>
/// (prometheus/rules/risk.yml). The strategy is built to operate under it (it de-risks at
/// <c>dualHorizon.deRiskAtLimitFraction</c>, 0.88 by default), so a backtest whose peak utilisation crosses it would have
/// paged someone live; the tuner treats such a trial as infeasible.
/// </summary>
public static class VarWarningLine
{
    /// <summary>0.90 of the limit (<c>var_pct</c> 90).</summary>
    public const double Utilisation = 0.90;
}

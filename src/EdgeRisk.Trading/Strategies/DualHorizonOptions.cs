namespace EdgeRisk.Trading.Strategies;

/// <summary>Sizing settings of <see cref="DualHorizonStrategy"/>.</summary>
public sealed record DualHorizonOptions
{
    /// <summary>Position size at full conviction, USD per symbol.</summary>
    public decimal MaxNotionalUsdPerSymbol { get; set; } = 20_000m;

    /// <summary>Confidence-weighted edge (bps) that earns the full size; smaller edges scale linearly.</summary>
    public double EdgeScaleBps { get; set; } = 40d;

    /// <summary>Edges below this (bps, after confidence) are treated as no edge.</summary>
    public double MinEdgeBps { get; set; } = 5d;

    /// <summary>Spot paper trading is long-only unless shorts are allowed.</summary>
    public bool AllowShort { get; set; }

    /// <summary>A target moves only when it changes by more than this fraction of the full size (avoids churn).</summary>
    public double MinRebalanceFraction { get; set; } = 0.5;

    /// <summary>
    /// Fraction of the VaR limit at which held targets are de-risked at once: when kept targets re-priced under the
    /// current covariance exceed it, the harmonised portfolio (≤ RiskOptions.ScaleDownAt × limit) is adopted whole.
    /// Reported var_pct therefore never exceeds 100 × this value.
    /// </summary>
    public double DeRiskAtLimitFraction { get; set; } = 0.88;
}

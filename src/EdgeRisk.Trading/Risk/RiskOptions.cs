namespace EdgeRisk.Trading.Risk;

/// <summary>Settings of <see cref="VarRiskHarmoniser"/>.</summary>
public sealed record RiskOptions
{
    /// <summary>99% one-day VaR limit of the target portfolio, USD.</summary>
    public decimal VarLimitUsd { get; set; } = 2_000m;

    /// <summary>EWMA decay of the covariance (RiskMetrics λ).</summary>
    public double Lambda { get; set; } = 0.94;

    /// <summary>One-sided normal quantile; 2.326 is 99%.</summary>
    public double ZScore { get; set; } = 2.326347874;

    /// <summary>Desired portfolios are scaled to this fraction of the limit once they would exceed it.</summary>
    public double ScaleDownAt { get; set; } = 0.8;

    /// <summary>Returns a symbol needs before it may carry a non-zero target (fail closed while unknown).</summary>
    public int WarmupReturns { get; set; } = 30;

    /// <summary>Trading minutes per day used to scale 1-minute variance to one day: crypto trades 24/7.</summary>
    public int CryptoBarsPerDay { get; set; } = 1_440;

    /// <summary>Regular-session minutes per day for equities (09:30–16:00).</summary>
    public int EquityBarsPerDay { get; set; } = 390;

    /// <summary>Largest number of symbols the covariance matrix holds (fixed so the hot path never allocates).</summary>
    public int MaxSymbols { get; set; } = 32;
}

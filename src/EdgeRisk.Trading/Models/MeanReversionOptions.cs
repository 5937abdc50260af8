namespace EdgeRisk.Trading.Models;

/// <summary>Settings of <see cref="MeanReversionEdgeModel"/>.</summary>
public sealed record MeanReversionOptions
{
    /// <summary>EMA and deviation lookback in bars (minutes).</summary>
    public int LookbackMinutes { get; set; } = 15;

    /// <summary>Fraction of the deviation expected to revert over the horizon.</summary>
    public double ReversionGain { get; set; } = 0.5;

    /// <summary>Weight of the quote-imbalance term (in half-spreads).</summary>
    public double ImbalanceGain { get; set; } = 0.5;
}

using System.Text.Json.Serialization;

namespace EdgeRisk.Trading.Routing;

/// <summary>
/// Regime rules of <see cref="RegimeRouter"/>, loaded from <c>config/router.json</c> by <see cref="Composition.RouterConfigLoader"/>.
/// Trend strength = |ln(fastEMA / slowEMA)| / (σ₁ₘ · √trendSlowMinutes); volatility = σ₁ₘ in bps.
/// Settable (not init-only) so that keys missing from the file keep their defaults under source-generated JSON.
/// </summary>
public sealed record RouterConfig
{
    /// <summary>EW window of the 1-minute return volatility, minutes. Range [2, 10080].</summary>
    public int VolatilityWindowMinutes { get; set; } = 60;

    /// <summary>Fast trend EMA, minutes. Range [2, trendSlowMinutes).</summary>
    public int TrendFastMinutes { get; set; } = 60;

    /// <summary>Slow trend EMA, minutes; also the warm-up. Range (trendFastMinutes, 10080].</summary>
    public int TrendSlowMinutes { get; set; } = 240;

    /// <summary>Trend strength at or above which the long regime is entered. Range (0, 100].</summary>
    public double TrendEnter { get; set; } = 1.0;

    /// <summary>Trend strength at or below which the long regime is left. Range [0, trendEnter): the gap is the hysteresis.</summary>
    public double TrendExit { get; set; } = 0.5;

    /// <summary>Above this 1-minute volatility (bps) the long regime is not entered. Range (0, 10000].</summary>
    public double MaxVolatilityBps { get; set; } = 25;

    /// <summary>The long regime is left only when volatility exceeds maxVolatilityBps·(1 + this). Range [0, 10].</summary>
    public double VolatilityHysteresis { get; set; } = 0.2;

    /// <summary>Minimum time in a regime before switching again, minutes. Range [0, 10080].</summary>
    public int MinDwellMinutes { get; set; } = 30;

    /// <summary>Blend weights in the short regime; each in [0, 1], summing to 1.</summary>
    public RegimeWeights ShortRegimeWeights { get; set; } = new() { Short = 0.8, Long = 0.2 };

    /// <summary>Blend weights in the long regime; each in [0, 1], summing to 1.</summary>
    public RegimeWeights LongRegimeWeights { get; set; } = new() { Short = 0.2, Long = 0.8 };

    public HorizonWeights WeightsOf(HorizonRegime regime)
        => regime == HorizonRegime.Long
            ? new HorizonWeights(LongRegimeWeights.Short, LongRegimeWeights.Long)
            : new HorizonWeights(ShortRegimeWeights.Short, ShortRegimeWeights.Long);
}

/// <summary>Blend weights as written in the config file.</summary>
public sealed record RegimeWeights
{
    [JsonPropertyName("short")]
    public double Short { get; set; }

    [JsonPropertyName("long")]
    public double Long { get; set; }
}

using System.Text.Json.Serialization;

namespace EdgeRisk.Trading.Backtesting;

/// <summary>Contents of <c>artifacts/sim/pnl_stats.json</c>: sim-book PnL and blended-edge statistics over 48 h windows.</summary>
public sealed record PnlStats
{
    [JsonPropertyName("pnl_mean_usd")]
    public decimal PnlMeanUsd { get; init; }

    [JsonPropertyName("pnl_sigma_usd")]
    public decimal PnlSigmaUsd { get; init; }

    [JsonPropertyName("windows")]
    public int Windows { get; init; }

    [JsonPropertyName("edge_blended_mean_bps")]
    public double EdgeBlendedMeanBps { get; init; }

    [JsonPropertyName("edge_blended_sigma_bps")]
    public double EdgeBlendedSigmaBps { get; init; }

    [JsonPropertyName("edge_samples")]
    public long EdgeSamples { get; init; }

    /// <summary>Each symbol's own blended-edge band (symbols trade on different scales); the pooled figures above are the fallback.</summary>
    [JsonPropertyName("edge_bands")]
    public IReadOnlyDictionary<string, EdgeBand> EdgeBands { get; init; } = new Dictionary<string, EdgeBand>();

    /// <summary>The band of <paramref name="symbol"/>: its own when it has history, else the pooled one.</summary>
    public EdgeBand BandOf(string symbol) =>
        EdgeBands.TryGetValue(symbol, out var band) && band.Samples > 1 ? band : new EdgeBand(EdgeBlendedMeanBps, EdgeBlendedSigmaBps, EdgeSamples);

    [JsonPropertyName("method")]
    public string Method { get; init; } = string.Empty;

    [JsonPropertyName("strategy")]
    public string Strategy { get; init; } = string.Empty;

    /// <summary>The hash of the configuration (strategy.json + router.json) the statistics were computed for; pnl_drift requires it to match the run judged.</summary>
    [JsonPropertyName("config_hash")]
    public string? ConfigHash { get; init; }

    [JsonPropertyName("book")]
    public string Book { get; init; } = "sim";

    [JsonPropertyName("window_pnls")]
    public IReadOnlyList<WindowPnl> WindowPnls { get; init; } = [];
}

/// <summary>Mean and σ of one symbol's blended edge over its shipped history.</summary>
public sealed record EdgeBand(
    [property: JsonPropertyName("mean_bps")] double MeanBps,
    [property: JsonPropertyName("sigma_bps")] double SigmaBps,
    [property: JsonPropertyName("samples")] long Samples);

/// <summary>One 48 h window's sim PnL.</summary>
public sealed record WindowPnl(
    [property: JsonPropertyName("from")] DateOnly From,
    [property: JsonPropertyName("to")] DateOnly To,
    [property: JsonPropertyName("symbols")] IReadOnlyList<string> Symbols,
    [property: JsonPropertyName("pnl_usd")] decimal PnlUsd,
    [property: JsonPropertyName("fills")] int Fills);

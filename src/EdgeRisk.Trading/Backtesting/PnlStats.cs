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

    [JsonPropertyName("method")]
    public string Method { get; init; } = string.Empty;

    [JsonPropertyName("strategy")]
    public string Strategy { get; init; } = string.Empty;

    [JsonPropertyName("book")]
    public string Book { get; init; } = "sim";

    [JsonPropertyName("window_pnls")]
    public IReadOnlyList<WindowPnl> WindowPnls { get; init; } = [];
}

/// <summary>One 48 h window's sim PnL.</summary>
public sealed record WindowPnl(
    [property: JsonPropertyName("from")] DateOnly From,
    [property: JsonPropertyName("to")] DateOnly To,
    [property: JsonPropertyName("symbols")] IReadOnlyList<string> Symbols,
    [property: JsonPropertyName("pnl_usd")] decimal PnlUsd,
    [property: JsonPropertyName("fills")] int Fills);

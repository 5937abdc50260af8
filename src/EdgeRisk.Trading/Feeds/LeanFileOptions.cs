using EdgeRisk.Trading.Domain;

namespace EdgeRisk.Trading.Feeds;

/// <summary>How to interpret one LEAN data file.</summary>
public sealed record LeanFileOptions
{
    public required MarketEventKind Kind { get; init; }

    public LeanResolution Resolution { get; init; } = LeanResolution.Minute;

    /// <summary>The file's date (intraday files: the ms column counts from its midnight).</summary>
    public DateOnly Date { get; init; }

    /// <summary>LEAN stores equity prices ×10000 (deci-cents); crypto prices are plain (1).</summary>
    public decimal PriceDivisor { get; init; } = 1m;

    /// <summary>Time zone of the file's clock: UTC for crypto, the exchange zone (America/New_York) for US equities.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;
}


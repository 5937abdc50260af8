namespace EdgeRisk.Trading.Feeds;

/// <summary>Parameters of the SYNTHETIC NVDA-like minute tape.</summary>
public sealed record SyntheticTapeOptions
{
    public int Seed { get; init; } = 20170904;

    /// <summary>First and last calendar day (inclusive, in New York); weekends produce no bars.</summary>
    public DateOnly From { get; init; } = new(2017, 9, 3);

    public DateOnly To { get; init; } = new(2017, 9, 4);

    public decimal StartPrice { get; init; } = 165m;

    /// <summary>Daily return volatility (close to close); spread across the session with a U-shape.</summary>
    public double DailyVolatility { get; init; } = 0.025;

    /// <summary>Shares per minute at midday; the open and close trade roughly (1 + UShape) times more.</summary>
    public double MiddayVolumePerMinute { get; init; } = 15_000d;

    /// <summary>Depth of the intraday U (volume and volatility multiplier at the session edges minus 1).</summary>
    public double UShape { get; init; } = 2d;
}

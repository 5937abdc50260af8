namespace EdgeRisk.Trading.Strategies;

/// <summary>Settings of <see cref="EmaCrossStrategy"/>.</summary>
public sealed record EmaCrossOptions
{
    public int FastPeriod { get; set; } = 10;

    public int SlowPeriod { get; set; } = 60;

    /// <summary>USD notional bought on each entry (quantity = notional / close, rounded down to the step).</summary>
    public decimal NotionalUsd { get; set; } = 10_000m;

    public decimal QuantityStep { get; set; } = 0.0001m;
}

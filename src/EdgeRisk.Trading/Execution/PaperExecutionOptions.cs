namespace EdgeRisk.Trading.Execution;

/// <summary>Paper broker settings. Money and prices are decimal.</summary>
public sealed record PaperExecutionOptions
{
    /// <summary>Taker fee in bps of notional.</summary>
    public decimal FeeBps { get; set; } = 10m;

    /// <summary>Fixed slippage on top of crossing the spread, bps.</summary>
    public decimal SlippageBps { get; set; } = 1m;

    /// <summary>Extra slippage when taking the whole bar volume, bps (linear in participation).</summary>
    public decimal ImpactBps { get; set; } = 20m;

    /// <summary>Largest fraction of a trade bar's volume that orders may take; bounds partial fills.</summary>
    public decimal MaxParticipation { get; set; } = 0.1m;

    /// <summary>Price grid; fills are rounded adversely (buys up, sells down) to it.</summary>
    public decimal PriceTick { get; set; } = 0.01m;

    /// <summary>Quantity grid; fill quantities are rounded down to it.</summary>
    public decimal QuantityStep { get; set; } = 0.00000001m;
}

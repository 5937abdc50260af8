namespace EdgeRisk.Trading.Engine;

/// <summary>Book-level settings shared by the paper and sim books.</summary>
public sealed record TradingEngineOptions
{
    /// <summary>Starting cash of each book.</summary>
    public decimal InitialCashUsd { get; set; } = 100_000m;

    /// <summary>Order quantities are rounded toward zero to this grid.</summary>
    public decimal QuantityStep { get; set; } = 0.00000001m;

    /// <summary>Smaller rebalances are not worth an order.</summary>
    public decimal MinOrderQuantity { get; set; } = 0.0001m;
}

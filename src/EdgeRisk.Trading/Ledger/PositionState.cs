namespace EdgeRisk.Trading.Ledger;

/// <summary>
/// Position of one symbol in one book. <see cref="CostBasisUsd"/> is the signed cost of the open quantity;
/// closing removes basis pro rata and a full close removes all of it, so a round trip realises exactly
/// proceeds − cost in decimal.
/// </summary>
public sealed class PositionState
{
    internal PositionState(string ticker) => Ticker = ticker;

    public string Ticker { get; }

    public decimal Quantity { get; internal set; }

    public decimal CostBasisUsd { get; internal set; }

    public decimal RealisedPnlUsd { get; internal set; }

    public decimal FeesUsd { get; internal set; }

    /// <summary>Last mark price (trade close or quote mid); 0 before the first mark.</summary>
    public decimal MarkPrice { get; set; }

    public decimal UnrealisedPnlUsd => Quantity == 0m ? 0m : (Quantity * MarkPrice) - CostBasisUsd;

    /// <summary>Realised + unrealised − fees since start.</summary>
    public decimal PnlUsd => RealisedPnlUsd + UnrealisedPnlUsd - FeesUsd;

    public decimal MarketValueUsd => Quantity * MarkPrice;
}

using EdgeRisk.Trading.Domain;

namespace EdgeRisk.Trading.Ledger;

/// <summary>Point-in-time state of one book; with the journaled fills after <see cref="LastSequence"/> it restores the ledger.</summary>
public sealed record LedgerSnapshot(
    Book Book,
    decimal InitialCashUsd,
    decimal CashUsd,
    long LastSequence,
    IReadOnlyList<PositionSnapshot> Positions);

/// <summary>State of one position inside a <see cref="LedgerSnapshot"/>.</summary>
public sealed record PositionSnapshot(
    string Ticker,
    decimal Quantity,
    decimal CostBasisUsd,
    decimal RealisedPnlUsd,
    decimal FeesUsd,
    decimal MarkPrice);

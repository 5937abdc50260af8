namespace EdgeRisk.Trading.Ledger;

/// <summary>What <see cref="BookLedger.Apply"/> did with a fill.</summary>
public enum LedgerApplyResult : byte
{
    Applied,
    /// <summary>Sequence at or below the last applied one: already in the ledger, ignored (replay is idempotent).</summary>
    Duplicate,
    /// <summary>Sequence skips ahead: a fill is missing; not applied so the caller can fail closed.</summary>
    Gap,
}

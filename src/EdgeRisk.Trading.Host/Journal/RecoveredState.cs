using EdgeRisk.Trading.Ledger;

namespace EdgeRisk.Trading.Host.Journal;

/// <summary>
/// What the journal held at start-up: both books rebuilt from the latest snapshot plus every later fill, and the
/// process-clock time of the newest journaled entry (null on a fresh journal), from which a replay resumes, and the
/// highest order id seen in snapshots and fills, after which new order ids continue.
/// </summary>
public sealed record RecoveredState(BookLedger Paper, BookLedger Sim, DateTimeOffset? ResumeAfter, int FillsReplayed, long LastOrderId);

using System.Text.Json.Serialization;
using EdgeRisk.Trading.Ledger;

namespace EdgeRisk.Trading.Host.Journal;

/// <summary>
/// A position snapshot of one book as stored in Redis, with the process-clock time it was taken at and the engine's
/// last order id (so order ids continue after a restart even when the last orders never filled).
/// </summary>
public sealed record JournalSnapshot(DateTimeOffset At, LedgerSnapshot Ledger, long LastOrderId);

[JsonSerializable(typeof(JournalSnapshot))]
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
internal sealed partial class JournalJsonContext : JsonSerializerContext;

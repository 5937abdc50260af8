using System.Text.Json.Serialization;

namespace EdgeRisk.Trading.Backtesting;

/// <summary>
/// Source-generated JSON metadata (no reflection, so hosts can be trimmed or AOT-compiled) of the backtests' files:
/// <c>pnl_stats.json</c> (<see cref="PnlStats"/>) and <c>result.json</c> (<see cref="BacktestReport"/>) and a book's ledger snapshot (<see cref="Ledger.LedgerSnapshot"/>).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    WriteIndented = true,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(PnlStats))]
[JsonSerializable(typeof(BacktestReport))]
[JsonSerializable(typeof(Ledger.LedgerSnapshot))]
public sealed partial class BacktestingJsonContext : JsonSerializerContext;

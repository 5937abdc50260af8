using System.Text.Json.Serialization;
using EdgeRisk.Trading.Backtesting;
using EdgeRisk.Trading.Domain;
using EdgeRisk.Trading.Ledger;
using EdgeRisk.Trading.Routing;
using EdgeRisk.Trading.Statistics;

namespace EdgeRisk.Trading.Serialization;

/// <summary>Source-generated JSON metadata (no reflection), so hosts can be trimmed or AOT-compiled.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    WriteIndented = true,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(RouterConfig))]
[JsonSerializable(typeof(LedgerSnapshot))]
[JsonSerializable(typeof(Fill))]
[JsonSerializable(typeof(PnlStats))]
[JsonSerializable(typeof(BacktestReport))]
public sealed partial class TradingJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization;

namespace EdgeRisk.Trading.Ledger;

/// <summary>Source-generated JSON metadata (no reflection, so hosts can be trimmed or AOT-compiled) of a book's <see cref="LedgerSnapshot"/>.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    WriteIndented = true,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(LedgerSnapshot))]
public sealed partial class LedgerJsonContext : JsonSerializerContext;

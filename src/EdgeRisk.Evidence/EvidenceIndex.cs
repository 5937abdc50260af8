using System.Text.Json.Serialization;

namespace EdgeRisk.Evidence;

/// <summary>evidence/index.json: the window and inputs of the evaluation and which reply file answers which query.</summary>
public sealed record EvidenceIndex(
    [property: JsonPropertyName("window")] EvidenceWindow Window,
    [property: JsonPropertyName("pnl_sigma_usd")] decimal? PnlSigmaUsd,
    [property: JsonPropertyName("var_limit_usd")] decimal? VarLimitUsd,
    [property: JsonPropertyName("queries")] IReadOnlyList<EvidenceQuery> Queries,
    [property: JsonPropertyName("rules_file")] string? RulesFile,
    [property: JsonPropertyName("containers_file")] string? ContainersFile);

/// <summary>One raw reply: the series selector, the range it covers (Unix seconds, start exclusive) and its file.</summary>
public sealed record EvidenceQuery(
    [property: JsonPropertyName("selector")] string Selector,
    [property: JsonPropertyName("from")] double From,
    [property: JsonPropertyName("to")] double To,
    [property: JsonPropertyName("file")] string File);

[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(EvidenceIndex))]
[JsonSerializable(typeof(List<ContainerFacts>))]
public sealed partial class EvidenceJsonContext : JsonSerializerContext;

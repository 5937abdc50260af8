using System.Text.Json.Serialization;
using EdgeRisk.Trading.Routing;

namespace EdgeRisk.Trading.Composition;

/// <summary>Source-generated JSON metadata of the two config files; unknown keys are errors, comments and trailing commas allowed.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(TradingConfig))]
[JsonSerializable(typeof(RouterConfig))]
internal sealed partial class ConfigJsonContext : JsonSerializerContext;

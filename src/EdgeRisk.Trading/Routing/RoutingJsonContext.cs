using System.Text.Json.Serialization;

namespace EdgeRisk.Trading.Routing;

/// <summary>Source-generated JSON metadata (no reflection, so hosts can be trimmed or AOT-compiled) of <c>router.json</c>.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    WriteIndented = true,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(RouterConfig))]
internal sealed partial class RoutingJsonContext : JsonSerializerContext;

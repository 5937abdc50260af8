using System.Text.Json.Serialization;

namespace EdgeRisk.Release.Reporting;

/// <summary>gates.json, exactly: verdict, window, and per gate name/status/value/threshold/detail.</summary>
public sealed record GatesJson(
    [property: JsonPropertyName("verdict")] string Verdict,
    [property: JsonPropertyName("window")] GatesJsonWindow Window,
    [property: JsonPropertyName("gates")] IReadOnlyList<GatesJsonGate> Gates);

public sealed record GatesJsonWindow([property: JsonPropertyName("start")] string Start, [property: JsonPropertyName("end")] string End);

public sealed record GatesJsonGate(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("value")] double? Value,
    [property: JsonPropertyName("threshold")] double Threshold,
    [property: JsonPropertyName("detail")] string Detail);

[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(GatesJson))]
public sealed partial class GatesJsonContext : JsonSerializerContext;

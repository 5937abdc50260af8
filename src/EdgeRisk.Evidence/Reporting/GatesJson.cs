using System.Text.Json.Serialization;
using EdgeRisk.Evidence.Gates;

namespace EdgeRisk.Evidence.Reporting;

/// <summary>
/// gates.json, exactly: verdict, window, the gates file judged by (path, sha256, profile; absent in reports from before
/// gates files), and per gate name/status/value/threshold/detail and the file's settings for it.
/// </summary>
public sealed record GatesJson(
    [property: JsonPropertyName("verdict")] string Verdict,
    [property: JsonPropertyName("window")] GatesJsonWindow Window,
    [property: JsonPropertyName("gates")] IReadOnlyList<GatesJsonGate> Gates,
    [property: JsonPropertyName("gatesFile")] GatesJsonFile? GatesFile = null);

public sealed record GatesJsonFile(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("sha256")] string Sha256,
    [property: JsonPropertyName("profile")] string Profile)
{
    /// <summary>"config/gates.json (sha256 0123456789ab, profile local)".</summary>
    public override string ToString() => $"{Path} (sha256 {Sha256[..Math.Min(12, Sha256.Length)]}, profile {Profile})";
}

public sealed record GatesJsonWindow([property: JsonPropertyName("start")] string Start, [property: JsonPropertyName("end")] string End);

public sealed record GatesJsonGate(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("value")] double? Value,
    [property: JsonPropertyName("threshold")] double Threshold,
    [property: JsonPropertyName("detail")] string Detail,
    [property: JsonPropertyName("settings")] IReadOnlyDictionary<string, string>? Settings = null);

[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(GatesJson))]
public sealed partial class GatesJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization;

namespace EdgeRisk.Tuning.Tune;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(JournalEntry))]
[JsonSerializable(typeof(TrialLine))]
internal sealed partial class TuneJsonContext : JsonSerializerContext;

/// <summary>One line of trials.jsonl.</summary>
internal sealed record TrialLine(
    int Number,
    string Id,
    Dictionary<string, double> Params,
    double? Objective,
    bool Feasible,
    string? Violation,
    Dictionary<string, double> Statistics,
    double? ValidationObjective,
    bool? ValidationFeasible,
    string? ValidationViolation,
    Dictionary<string, double>? ValidationStatistics);

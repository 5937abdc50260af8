using System.Globalization;
using System.Text;
using System.Text.Json;
using EdgeRisk.Release.Reporting;

namespace EdgeRisk.Release.Promotion;

/// <summary>
/// The verdict in gates.json as EvaluateGates wrote it. A missing or unreadable file is INCONCLUSIVE, never PASS.
/// </summary>
public sealed record GateVerdict(string Verdict, GatesJson? Gates, string Directory, string? Problem)
{
    public const string FileName = "gates.json";

    public bool Passed => Verdict == "PASS" && Gates is not null;

    public string ReportPath => Path.Combine(Directory, "report.md");

    public static GateVerdict Read(string gatesDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(gatesDirectory);
        var path = Path.Combine(gatesDirectory, FileName);
        if (!File.Exists(path))
        {
            return new GateVerdict("INCONCLUSIVE", null, gatesDirectory, $"no {FileName} in {gatesDirectory}: run ./build.sh EvaluateGates");
        }

        try
        {
            var gates = JsonSerializer.Deserialize(File.ReadAllBytes(path), GatesJsonContext.Default.GatesJson);
            return gates is { Verdict.Length: > 0, Gates: not null }
                ? new GateVerdict(gates.Verdict, gates, gatesDirectory, null)
                : new GateVerdict("INCONCLUSIVE", null, gatesDirectory, $"{path} has no verdict: re-run ./build.sh EvaluateGates");
        }
        catch (JsonException ex)
        {
            return new GateVerdict("INCONCLUSIVE", null, gatesDirectory, $"{path} is not gates.json ({ex.Message.Split('\n')[0]}): re-run ./build.sh EvaluateGates");
        }
    }

    /// <summary>The gate table in Markdown (empty when there is no gates.json).</summary>
    public string TableMarkdown()
    {
        if (Gates is null)
        {
            return "";
        }

        var table = new StringBuilder("| gate | status | value | threshold | detail |\n|---|---|---|---|---|\n");
        foreach (var gate in Gates.Gates)
        {
            table.Append(CultureInfo.InvariantCulture,
                $"| {gate.Name} | {gate.Status} | {Number(gate.Value)} | {Number(gate.Threshold)} | {gate.Detail.Replace("|", "/", StringComparison.Ordinal).ReplaceLineEndings(" ")} |\n");
        }

        return table.ToString();
    }

    /// <summary>One line per gate, for plain-text status updates.</summary>
    public IEnumerable<string> GateLines() =>
        (Gates?.Gates ?? []).Select(g => string.Create(CultureInfo.InvariantCulture,
            $"- {g.Name}: {g.Status} (value {Number(g.Value)}, threshold {Number(g.Threshold)})"));

    private static string Number(double? value) => value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "n/a";
}

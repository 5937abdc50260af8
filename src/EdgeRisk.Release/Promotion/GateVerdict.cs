using System.Globalization;
using System.Text;
using System.Text.Json;
using EdgeRisk.Evidence.Gates;
using EdgeRisk.Evidence.Reporting;

namespace EdgeRisk.Release.Promotion;

/// <summary>
/// The verdict in gates.json as EvaluateGates wrote it. A missing or unreadable file is INCONCLUSIVE, never PASS.
/// </summary>
public sealed record GateVerdict(string Verdict, GatesJson? Gates, string Directory, string? Problem)
{
    public const string FileName = "gates.json";

    public bool Passed => Verdict == "PASS" && Gates is not null;

    public string ReportPath => Path.Combine(Directory, "report.md");

    /// <param name="gatesFileSha256">
    /// The sha256 of the gates file the verdict must have been judged by (<c>--gates</c>); a gates.json judged by another
    /// file, or naming none, is INCONCLUSIVE. Null: not checked.
    /// </param>
    public static GateVerdict Read(string gatesDirectory, string? gatesFileSha256 = null)
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
            if (gates is not { Verdict.Length: > 0, Gates: not null })
            {
                return new GateVerdict("INCONCLUSIVE", null, gatesDirectory, $"{path} has no verdict: re-run ./build.sh EvaluateGates");
            }

            if (gatesFileSha256 is not null && !string.Equals(gates.GatesFile?.Sha256, gatesFileSha256, StringComparison.OrdinalIgnoreCase))
            {
                var judgedBy = gates.GatesFile is { } file ? $"was judged by {file}" : "names no gates file it was judged by";
                return new GateVerdict("INCONCLUSIVE", gates, gatesDirectory,
                    $"{path} {judgedBy}, not by the gates file given now (sha256 {gatesFileSha256[..Math.Min(12, gatesFileSha256.Length)]}): re-run ./build.sh EvaluateGates");
            }

            return new GateVerdict(gates.Verdict, gates, gatesDirectory, null);
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

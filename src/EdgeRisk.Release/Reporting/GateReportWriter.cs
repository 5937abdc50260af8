using System.Text;
using System.Text.Json;
using EdgeRisk.Release.Gates;

namespace EdgeRisk.Release.Reporting;

/// <summary>
/// Writes gates.json, report.md, one PNG per gate and evidence/ into a temporary sibling folder, then swaps it into
/// place: a failed write leaves the previous report (or nothing), never a half-written one.
/// </summary>
public static class GateReportWriter
{
    public static async Task WriteAsync(GateReport report, string outputDirectory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var target = Path.GetFullPath(outputDirectory);
        var parent = Path.GetDirectoryName(target) ?? throw new GateConfigurationException($"gates: output {outputDirectory} has no parent folder");
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.tmp-{Guid.NewGuid():N}");
        var previous = Path.Combine(parent, $".{Path.GetFileName(target)}.old-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(Path.Combine(staging, "evidence"));
            await File.WriteAllBytesAsync(Path.Combine(staging, "gates.json"),
                JsonSerializer.SerializeToUtf8Bytes(GateReportText.ToJson(report), GatesJsonContext.Default.GatesJson), cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(staging, "report.md"), MarkdownReport.Render(report), new UTF8Encoding(false), cancellationToken);
            foreach (var gate in report.Gates)
            {
                GatePlotRenderer.SavePng(gate, Path.Combine(staging, gate.Name + ".png"));
            }

            foreach (var (name, bytes) in report.Evidence.Files)
            {
                await File.WriteAllBytesAsync(Path.Combine(staging, "evidence", name), bytes, cancellationToken);
            }

            await File.WriteAllBytesAsync(Path.Combine(staging, "evidence", "index.json"),
                report.Evidence.Index(report.Window, report.PnlSigmaUsd, report.VarLimitUsd), cancellationToken);
            if (Directory.Exists(target))
            {
                Directory.Move(target, previous);
            }

            Directory.Move(staging, target);
        }
        catch
        {
            if (!Directory.Exists(target) && Directory.Exists(previous))
            {
                Directory.Move(previous, target);
            }

            TryDelete(staging);
            throw;
        }

        TryDelete(previous);
    }

    private static void TryDelete(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }
}

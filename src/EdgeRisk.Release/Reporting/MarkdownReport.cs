using System.Text;
using EdgeRisk.Release.Gates;

namespace EdgeRisk.Release.Reporting;

/// <summary>report.md: one screen for the release manager — verdict, the five gates, the advisory backtest, where the evidence is.</summary>
public static class MarkdownReport
{
    public static string Render(GateReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        md.AppendLine($"# GA exit criteria: **{GateReportText.Status(report.Verdict)}**").AppendLine();
        md.AppendLine($"Window {GateReportText.Time(report.Window.Start)} → {GateReportText.Time(report.Window.End)} " +
                      $"({report.Window.End - report.Window.Start:%d'd 'hh'h'}). PASS needs all five gates to pass; missing data is never a pass.").AppendLine();
        md.AppendLine("| gate | status | value | threshold | detail |");
        md.AppendLine("|---|---|---|---|---|");
        foreach (var g in report.Gates)
        {
            md.AppendLine($"| {g.Name} | {GateReportText.Status(g.Status)}{(g.Irreversible ? " (irreversible)" : string.Empty)} | " +
                          $"{GateReportText.Number(g.Value)} | {GateReportText.Number(g.Threshold)} | {g.Detail.Replace("|", "\\|", StringComparison.Ordinal)} |");
        }

        md.AppendLine();
        md.AppendLine($"Advisory (does not gate) — VaR backtest: {report.VarBacktest.Detail}" + (report.VarBacktest.Computable
            ? $"; Kupiec POF LR {GateReportText.Number(report.VarBacktest.KupiecLr)} (p {GateReportText.Number(report.VarBacktest.KupiecP)}), " +
              $"Christoffersen independence LR {GateReportText.Number(report.VarBacktest.ChristoffersenLr)} (p {GateReportText.Number(report.VarBacktest.ChristoffersenP)})"
            : string.Empty) + ".").AppendLine();
        md.AppendLine("Plots: " + string.Join(", ", report.Gates.Select(g => $"[{g.Name}]({g.Name}.png)")) +
                      ". Raw Prometheus replies: `evidence/` (re-derive offline with `--evidence evidence/`).");
        return md.ToString();
    }
}

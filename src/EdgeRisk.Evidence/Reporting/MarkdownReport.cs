using System.Text;
using EdgeRisk.Evidence.Gates;

namespace EdgeRisk.Evidence.Reporting;

/// <summary>report.md: one screen for the release manager — verdict, the five gates, the advisory backtest, where the evidence is.</summary>
public static class MarkdownReport
{
    public static string Render(GateReport report, GateReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(options);
        var md = new StringBuilder();
        var verdict = GateReportText.Status(report.Verdict);
        md.AppendLine($"# GA exit criteria: **{verdict}**").AppendLine();
        md.AppendLine($"- Release: {options.Version ?? "unknown"}");
        md.AppendLine($"- Commit: {options.Commit ?? "unknown"}");
        md.AppendLine($"- Window: {GateReportText.Time(report.Window.Start)} → {GateReportText.Time(report.Window.End)} " +
                      $"({report.Window.End - report.Window.Start:%d'd 'hh'h'})");
        md.AppendLine($"- Verdict: **{verdict}**");
        md.AppendLine($"- Gates file: `{report.Settings.Source.Path}` (sha256 `{report.Settings.Source.ShortSha256}`, profile {report.Settings.Source.Profile})");
        md.AppendLine("- Grafana: " + (options.GrafanaUrl is { } grafana
            ? $"[Edge-Risk dashboard for this window]({DashboardLink(grafana, options.DashboardUid, report.Window)})"
            : "not configured")).AppendLine();
        md.AppendLine("PASS needs all five gates to pass; missing data is never a pass.").AppendLine();
        md.AppendLine("| gate | status | value | threshold | detail |");
        md.AppendLine("|---|---|---|---|---|");
        foreach (var g in report.Gates)
        {
            md.AppendLine($"| {g.Name} | {GateReportText.Status(g.Status)}{(g.Irreversible ? " (irreversible)" : string.Empty)} | " +
                          $"{GateReportText.Number(g.Value)} | {GateReportText.Number(g.Threshold)} | {g.Detail.Replace("|", "\\|", StringComparison.Ordinal)} |");
        }

        md.AppendLine();
        md.AppendLine("Judged by the gates file's settings:").AppendLine();
        foreach (var g in report.Gates)
        {
            md.AppendLine($"- {g.Name}: {report.Settings.DescribeText(g.Name)}");
        }

        md.AppendLine();
        md.AppendLine($"Advisory (does not gate) — VaR backtest: {report.VarBacktest.Detail}" + (report.VarBacktest.Computable
            ? $"; Kupiec POF LR {GateReportText.Number(report.VarBacktest.KupiecLr)} (p {GateReportText.Number(report.VarBacktest.KupiecP)}), " +
              $"Christoffersen independence LR {GateReportText.Number(report.VarBacktest.ChristoffersenLr)} (p {GateReportText.Number(report.VarBacktest.ChristoffersenP)})"
            : string.Empty) + ".").AppendLine();
        md.AppendLine("Raw Prometheus replies: `evidence/` (re-derive offline with `--evidence evidence/`).").AppendLine();
        md.AppendLine("## Plots").AppendLine();
        foreach (var g in report.Gates)
        {
            md.AppendLine($"![{g.Name}]({g.Name}.png)").AppendLine();
        }

        return md.ToString();
    }

    /// <summary>The dashboard at <c>{grafana}/d/{uid}</c> showing exactly the report's window (epoch milliseconds).</summary>
    private static string DashboardLink(Uri grafana, string uid, GateWindow window) =>
        $"{grafana.AbsoluteUri.TrimEnd('/')}/d/{Uri.EscapeDataString(uid)}?from={window.Start.ToUnixTimeMilliseconds()}&to={window.End.ToUnixTimeMilliseconds()}";
}

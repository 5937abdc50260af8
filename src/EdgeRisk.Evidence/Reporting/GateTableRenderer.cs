using EdgeRisk.Evidence.Gates;
using Spectre.Console;

namespace EdgeRisk.Evidence.Reporting;

/// <summary>The closing console table: the five gates and the verdict.</summary>
public static class GateTableRenderer
{
    public static Table Build(GateReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var table = new Table().Title($"GA gates: {Markup(report.Verdict)}").AddColumns("gate", "status", "value", "threshold", "detail");
        foreach (var g in report.Gates)
        {
            table.AddRow(g.Name, Markup(g.Status), GateReportText.Number(g.Value), GateReportText.Number(g.Threshold), Spectre.Console.Markup.Escape(g.Detail));
        }

        return table;
    }

    public static void Render(IAnsiConsole console, GateReport report)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.Write(Build(report));
    }

    private static string Markup(GateStatus status) => status switch
    {
        GateStatus.Pass => "[green]PASS[/]",
        GateStatus.Fail => "[red]FAIL[/]",
        _ => "[yellow]INCONCLUSIVE[/]",
    };
}

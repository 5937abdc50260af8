using System.Globalization;
using Spectre.Console;

namespace EdgeRisk.Release.Grafana;

/// <summary>Freshness of every panel; passes only when there is at least one panel and all of them are fresh.</summary>
public sealed record DashboardVerificationReport(IReadOnlyList<PanelFreshness> Panels, TimeSpan MaxLag)
{
    public bool Passed => Panels.Count > 0 && Panels.All(p => p.Passed);

    /// <summary>One row per panel: lag, verdict and the stalest (or missing) input.</summary>
    public Table ToTable()
    {
        var table = new Table().AddColumns("Dashboard", "Panel", "Lag", "Status", "Stalest input");
        foreach (var panel in Panels)
        {
            var stalest = panel.Inputs.FirstOrDefault(i => i.NewestSample is null)
                ?? panel.Inputs.OrderBy(i => i.NewestSample).FirstOrDefault();
            var status = panel.Status switch
            {
                FreshnessStatus.Fresh => "[green]FRESH[/]",
                FreshnessStatus.Stale => "[red]STALE[/]",
                _ => "[red]NO DATA[/]",
            };
            table.AddRow(
                Markup.Escape(panel.Dashboard),
                Markup.Escape($"{panel.PanelId} {panel.PanelTitle}"),
                panel.Lag is { } lag ? lag.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture) + " s" : "-",
                status,
                Markup.Escape(stalest?.Selector ?? "(no inputs)"));
        }

        table.Caption($"max lag {MaxLag.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s: {(Passed ? "PASS" : "FAIL")}");
        return table;
    }
}

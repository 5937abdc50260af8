namespace EdgeRisk.Release.Grafana;

/// <summary>Per-item outcome of <see cref="DashboardImporter.ImportAsync"/>.</summary>
public sealed record DashboardImportResult(IReadOnlyList<ImportItemResult> Items)
{
    public ImportItemResult Dashboard => Items.Single(i => i.Kind == ImportItemKind.Dashboard);

    public ImportItemResult? AlertRuleGroup => Items.SingleOrDefault(i => i.Kind == ImportItemKind.AlertRuleGroup);

    public bool ChangedAnything => Items.Any(i => i.Status != ImportStatus.Unchanged);
}

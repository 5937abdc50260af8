namespace EdgeRisk.Release.Grafana;

/// <summary>
/// How dashboards are imported. <see cref="Overwrite"/> false sends the version read from Grafana, so a concurrent edit
/// surfaces as a version-mismatch instead of being overwritten.
/// </summary>
public sealed record DashboardImportOptions
{
    public string FolderUid { get; init; } = "edge-risk";

    public string FolderTitle { get; init; } = "Edge-Risk";

    public bool Overwrite { get; init; } = true;

    public string Message { get; init; } = "Imported by EdgeRisk release";
}

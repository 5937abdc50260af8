namespace EdgeRisk.Release.Grafana;

/// <summary>Which Prometheus datasource template variables resolve to, and how far back queries look.</summary>
public sealed record DashboardVerifierOptions
{
    public string DatasourceUid { get; init; } = "prometheus";

    public TimeSpan Range { get; init; } = TimeSpan.FromMinutes(15);
}

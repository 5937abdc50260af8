namespace EdgeRisk.Evidence.Reporting;

/// <summary>
/// What report.md's header says beyond the gates: the release version and commit judged, and where the Edge-Risk
/// dashboard is (a Grafana link for the report's window when <see cref="GrafanaUrl"/> is known).
/// </summary>
public sealed record GateReportOptions
{
    /// <summary>The uid of grafana/edge_risk.json: the dashboard the report links to and the deploy annotation goes on.</summary>
    public const string EdgeRiskDashboardUid = "edgerisk-edge-risk";

    /// <summary>The release version (e.g. <c>v0.4.0</c>); "unknown" in the report when not given.</summary>
    public string? Version { get; init; }

    /// <summary>The commit judged; "unknown" in the report when not given.</summary>
    public string? Commit { get; init; }

    /// <summary>Grafana's base URL (GRAFANA_URL); without it the report says "Grafana: not configured".</summary>
    public Uri? GrafanaUrl { get; init; }

    public string DashboardUid { get; init; } = EdgeRiskDashboardUid;
}

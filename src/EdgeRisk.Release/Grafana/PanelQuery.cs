namespace EdgeRisk.Release.Grafana;

/// <summary>
/// One Prometheus query of a dashboard panel (<c>targets[].expr</c>), as written in the dashboard, with the "All" value
/// (<c>allValue</c>) of each of the dashboard's template variables that has one.
/// </summary>
public sealed record PanelQuery(string Dashboard, int PanelId, string PanelTitle, string RefId, string Expr)
{
    public IReadOnlyDictionary<string, string> AllValues { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}

namespace EdgeRisk.Release.Dashboards;

/// <summary>One Prometheus query of a dashboard panel (<c>targets[].expr</c>), as written in the dashboard.</summary>
public sealed record PanelQuery(string Dashboard, int PanelId, string PanelTitle, string RefId, string Expr);

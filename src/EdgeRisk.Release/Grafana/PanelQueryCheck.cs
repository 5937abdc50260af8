namespace EdgeRisk.Release.Grafana;

/// <summary>One panel query run through <c>/api/ds/query</c>: PASS needs at least one data point.</summary>
public sealed record PanelQueryCheck(string Panel, string RefId, string Expr, VerificationStatus Status, int Points, string? Reason);

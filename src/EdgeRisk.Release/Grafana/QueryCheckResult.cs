namespace EdgeRisk.Release.Grafana;

/// <summary>A panel query as run on Prometheus: the substituted PromQL, how many series came back, or the error.</summary>
public sealed record QueryCheckResult(PanelQuery Query, string ExecutedExpr, int SeriesCount, string? Error)
{
    public bool Succeeded => Error is null;
}

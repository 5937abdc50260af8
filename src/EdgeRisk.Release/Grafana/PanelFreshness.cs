namespace EdgeRisk.Release.Grafana;

/// <summary>
/// How far behind "now" a panel is: <see cref="Lag"/> is that of its stalest input (null when an input has no data),
/// so one frozen series fails the panel even when the others are live.
/// </summary>
public sealed record PanelFreshness(string Dashboard, int PanelId, string PanelTitle, IReadOnlyList<SelectorFreshness> Inputs,
    TimeSpan? Lag, FreshnessStatus Status)
{
    public bool Passed => Status == FreshnessStatus.Fresh;
}

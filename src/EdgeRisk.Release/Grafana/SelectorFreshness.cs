namespace EdgeRisk.Release.Grafana;

/// <summary>The newest sample time of one series selector used by a panel; null when Prometheus has none.</summary>
public sealed record SelectorFreshness(string Selector, DateTimeOffset? NewestSample);

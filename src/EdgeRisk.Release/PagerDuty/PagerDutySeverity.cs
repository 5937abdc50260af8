namespace EdgeRisk.Release.PagerDuty;

/// <summary>Events API v2 <c>payload.severity</c>.</summary>
public enum PagerDutySeverity
{
    Critical,
    Error,
    Warning,
    Info,
}

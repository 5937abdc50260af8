namespace EdgeRisk.Release.Grafana;

/// <summary>A dashboard, alert-rule file or schema cannot be checked at all (missing, unreadable); the message names the fix.</summary>
public sealed class DashboardValidationException(string message, Exception? innerException = null) : EdgeRiskException(message, innerException);

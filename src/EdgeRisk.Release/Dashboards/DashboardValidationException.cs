namespace EdgeRisk.Release.Dashboards;

/// <summary>A dashboard, alert-rule file or schema cannot be checked at all (missing, unreadable); the message names the fix.</summary>
public sealed class DashboardValidationException : Exception
{
    public DashboardValidationException(string message)
        : base(message)
    {
    }

    public DashboardValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DashboardValidationException()
    {
    }
}

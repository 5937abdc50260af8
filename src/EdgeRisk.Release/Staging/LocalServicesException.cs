namespace EdgeRisk.Release.Staging;

/// <summary>A local service could not be started or stopped; the message names the service and the fix.</summary>
public sealed class LocalServicesException : Exception
{
    public LocalServicesException(string message)
        : base(message)
    {
    }

    public LocalServicesException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LocalServicesException()
    {
    }
}

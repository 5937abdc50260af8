namespace EdgeRisk.Release.Dashboards;

/// <summary>Prometheus refused or failed a query (bad PromQL, timeout, unreachable); the message carries its error text.</summary>
public sealed class PrometheusQueryException : Exception
{
    public PrometheusQueryException(string message)
        : base(message)
    {
    }

    public PrometheusQueryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PrometheusQueryException()
    {
    }
}

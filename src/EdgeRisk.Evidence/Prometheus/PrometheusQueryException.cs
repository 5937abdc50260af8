namespace EdgeRisk.Evidence.Prometheus;

/// <summary>Prometheus refused or failed a query (bad PromQL, timeout, unreachable); the message carries its error text.</summary>
public sealed class PrometheusQueryException(string message, Exception? innerException = null) : EdgeRiskException(message, innerException);

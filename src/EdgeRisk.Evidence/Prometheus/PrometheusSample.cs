namespace EdgeRisk.Evidence.Prometheus;

/// <summary>One element of an instant-query result (a vector element or a scalar).</summary>
public sealed record PrometheusSample(IReadOnlyDictionary<string, string> Labels, DateTimeOffset Timestamp, double Value);

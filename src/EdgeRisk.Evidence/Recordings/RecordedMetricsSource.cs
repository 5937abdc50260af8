namespace EdgeRisk.Evidence.Recordings;

/// <summary>A recorded metrics file and the Prometheus job (also the instance) its samples belong to.</summary>
public sealed record RecordedMetricsSource(string Job, string Path);

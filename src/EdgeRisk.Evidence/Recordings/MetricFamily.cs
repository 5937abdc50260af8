namespace EdgeRisk.Evidence.Recordings;

/// <summary>An OpenMetrics metric family: its name (as in <c># TYPE</c>) and type (gauge, counter, histogram, summary, unknown).</summary>
public sealed record MetricFamily(string Name, string Type)
{
    /// <summary>Labels that tell samples of one metric point apart rather than metrics (histogram buckets, summary quantiles).</summary>
    public bool IsPointLabel(string label) =>
        (Type == "histogram" && label == "le") || (Type == "summary" && label == "quantile");
}

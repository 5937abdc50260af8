namespace EdgeRisk.Evidence.Recordings;

/// <summary>The written OpenMetrics file and what went into it; <see cref="Window"/> spans every job's grid.</summary>
public sealed record RecordedMetricsConversion(
    string OutputPath,
    IReadOnlyList<RecordedJobConversion> Jobs,
    EvidenceWindow Window,
    int Families,
    int Metrics,
    long Samples);

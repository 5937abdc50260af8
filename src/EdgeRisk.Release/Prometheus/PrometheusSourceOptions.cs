namespace EdgeRisk.Release.Prometheus;

/// <summary>How the live source queries Prometheus.</summary>
public sealed record PrometheusSourceOptions
{
    /// <summary>Shortest scrape interval of the evaluated jobs: a chunk spans at most <see cref="MaxPointsPerSeries"/> of them.</summary>
    public TimeSpan ScrapeInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Prometheus' per-series point limit for query_range, kept for range-selector replies too so no reply grows unbounded.</summary>
    public int MaxPointsPerSeries { get; init; } = 11_000;

    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public int MaxRetries { get; init; } = 2;

    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    public int MaxConcurrentQueries { get; init; } = 4;
}

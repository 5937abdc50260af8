
namespace EdgeRisk.Evidence.Prometheus;

/// <summary>How the live source queries Prometheus.</summary>
public sealed record PrometheusSourceOptions
{
    /// <summary>Default of <see cref="Timeout"/> (<c>--timeout</c>).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Longest <see cref="Timeout"/> accepted.</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromDays(1);

    /// <summary>Shortest scrape interval of the evaluated jobs: a chunk spans at most <see cref="MaxPointsPerSeries"/> of them.</summary>
    public TimeSpan ScrapeInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Prometheus' per-series point limit for query_range, kept for range-selector replies too so no reply grows unbounded.</summary>
    public int MaxPointsPerSeries { get; init; } = 11_000;

    /// <summary>
    /// The one deadline of a source's evidence fetching (<c>--timeout</c>): every request with its retries, connect,
    /// headers and body, ends by then, and what has not arrived makes its gates INCONCLUSIVE. It runs from the source's
    /// creation: one evaluation, or one look of the live loop.
    /// </summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>Bound of one attempt (connect, headers and body); a timed-out attempt is retried while the deadline allows.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public int MaxRetries { get; init; } = 2;

    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    public int MaxConcurrentQueries { get; init; } = 4;

    /// <summary><see cref="Timeout"/>, or a <see cref="GateConfigurationException"/> naming --timeout and its valid values.</summary>
    public TimeSpan CheckedTimeout() =>
        Timeout > TimeSpan.Zero && Timeout <= MaxTimeout
            ? Timeout
            : throw new GateConfigurationException($"gates: --timeout {Timeout} must be positive and at most 1d (e.g. 60s or 2m)");
}

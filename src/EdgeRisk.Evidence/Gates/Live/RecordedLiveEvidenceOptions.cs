namespace EdgeRisk.Evidence.Gates.Live;

/// <summary>How the recordings of a running local dry run are read as live evidence.</summary>
public sealed record RecordedLiveEvidenceOptions
{
    /// <summary>The processes' <c>--record-interval</c>: the scrape grid of the synthesised <c>up</c>.</summary>
    public TimeSpan ScrapeInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Planned virtual length of the run (<c>--duration</c>): once the writers have exited, a job's <c>up</c> runs to its
    /// first snapshot + this − one interval, 0 where it recorded nothing (as <see cref="DryRun.RecordedMetricsConverter"/>).
    /// </summary>
    public TimeSpan? ExpectedDuration { get; init; }

    /// <summary>
    /// When set, a job whose recording lags the leading job by more than this (virtual time) is taken as down: the
    /// frontier moves on without it and its <c>up</c> reads 0 from its last snapshot. Null (default): a lagging job holds
    /// the frontier until it records again or the writers exit, as the offline evidence has it — a restarted process
    /// resumes its virtual time from its journal and leaves no gap, however long its restart took in wall time (startups
    /// and restarts cost seconds of wall time, i.e. hours of virtual time at 2880×, and differ between processes).
    /// </summary>
    public TimeSpan? LaggingJobTolerance { get; init; }
}

namespace EdgeRisk.Release.Gates.Live;

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
    /// A job whose recording lags the leading job by more than this (virtual time) is taken as down: the frontier moves
    /// on without it and its <c>up</c> reads 0 from its last snapshot. Long enough for a restart to resume (a restart costs
    /// a few wall seconds, i.e. hours of virtual time at 2880× replay); a restart is caught sooner by its changed
    /// <c>process_start_time_seconds</c> once the process records again.
    /// </summary>
    public TimeSpan LaggingJobTolerance { get; init; } = TimeSpan.FromHours(6);
}

namespace EdgeRisk.Evidence.Recordings;

/// <summary>How recorded snapshots become scrape-like evidence.</summary>
public sealed record RecordedMetricsConversionOptions
{
    /// <summary>The scrape grid of the synthesised <c>up</c> series: the processes' <c>--record-interval</c>.</summary>
    public TimeSpan ScrapeInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Virtual length of the run (<c>--duration</c>). Each job's grid then runs at least this long from its first
    /// snapshot, so a process that died and never came back shows <c>up 0</c> until the planned end; null ends the
    /// grid at the job's last snapshot.
    /// </summary>
    public TimeSpan? ExpectedDuration { get; init; }

    /// <summary>Scratch space for regrouping samples; default: next to the output file.</summary>
    public string? ScratchDirectory { get; init; }
}

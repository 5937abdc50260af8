namespace EdgeRisk.Release.Gates;

/// <summary>Tunables of the pure gate functions (the thresholds themselves are fixed in <see cref="GateThresholds"/>).</summary>
public sealed record GateSettings
{
    /// <summary>How long one sample vouches for when measuring coverage (the longest tolerated scrape hole).</summary>
    public TimeSpan CoverageSampleTolerance { get; init; } = GateThresholds.MaxUpGap;

    /// <summary>Jobs that must be present; a missing one makes continuity and rss_drift INCONCLUSIVE.</summary>
    public IReadOnlyList<string> RequiredJobs { get; init; } = ["edgerisk-crypto", "edgerisk-stocks"];

    /// <summary>Firing samples further apart than this start a new alert episode (resolved, then fired again).</summary>
    public TimeSpan AlertEpisodeGap { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>RSS warm-up excluded from the drift fit; the hour after it is the baseline B.</summary>
    public TimeSpan RssWarmUp { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The shortest window continuity can PASS on (the work order's "≥ 48 h continuous"): a shorter one is INCONCLUSIVE
    /// with the reason. Null: the window's own length (the local profile's virtual hours).
    /// </summary>
    public TimeSpan? RequiredRuntime { get; init; }

    /// <summary>The staging profile's settings: 48 h of real time before continuity can pass.</summary>
    public static GateSettings Staging { get; } = new() { RequiredRuntime = TimeSpan.FromHours(48) };

    public static GateSettings Default { get; } = new();
}

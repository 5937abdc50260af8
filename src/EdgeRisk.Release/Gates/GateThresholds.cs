namespace EdgeRisk.Release.Gates;

/// <summary>The GA exit criteria. Boundaries are inclusive as written: a value equal to a pass limit passes, except rss (3% fails).</summary>
public static class GateThresholds
{
    /// <summary>Longest allowed hole between two <c>up</c> samples.</summary>
    public static readonly TimeSpan MaxUpGap = TimeSpan.FromMinutes(2);

    public const int MaxWarningEpisodes = 2;

    public const double MaxPnlDriftSigmas = 0.5;

    public const double MaxVarPct = 95;

    /// <summary>Relative RSS growth that fails (≥).</summary>
    public const double RssDriftFailRatio = 0.03;

    /// <summary>Share of the window each required series must cover; less is INCONCLUSIVE.</summary>
    public const double MinCoverage = 0.99;
}

using System.Globalization;

namespace EdgeRisk.Evidence.Gates;

/// <summary>
/// What the gates judge by: thresholds, windows and warm-up of the five gates, as declared in a gates file
/// (<c>config/gates.json</c>, read by <see cref="GatesFile"/>) for one profile. Boundaries are inclusive as written: a
/// value equal to a pass limit passes, except <see cref="RssDriftFailRatio"/> (growth of exactly that ratio fails).
/// </summary>
public sealed record GateSettings
{
    /// <summary>Share of the window each required series must cover; less is INCONCLUSIVE (<c>coverage.minRatio</c>).</summary>
    public required double MinCoverage { get; init; }

    /// <summary>How long one sample vouches for when measuring coverage (<c>coverage.sampleTolerance</c>).</summary>
    public required TimeSpan CoverageSampleTolerance { get; init; }

    /// <summary>Jobs that must be present; a missing one makes continuity and rss_drift INCONCLUSIVE.</summary>
    public required IReadOnlyList<string> RequiredJobs { get; init; }

    /// <summary>Longest allowed hole between two <c>up</c> samples (continuity's threshold).</summary>
    public required TimeSpan MaxUpGap { get; init; }

    /// <summary>
    /// The shortest window continuity can PASS on (the work order's "≥ 48 h continuous"): a shorter one is INCONCLUSIVE
    /// with the reason. Null: the window's own length (the local profile's virtual hours).
    /// </summary>
    public required TimeSpan? RequiredRuntime { get; init; }

    /// <summary>Warning episodes allowed (alerts' threshold); any critical episode fails.</summary>
    public required int MaxWarningEpisodes { get; init; }

    /// <summary>Firing samples further apart than this start a new alert episode (resolved, then fired again).</summary>
    public required TimeSpan AlertEpisodeGap { get; init; }

    /// <summary>Largest |paper − sim| PnL drift that passes, in σ (pnl_drift's threshold).</summary>
    public required double MaxPnlDriftSigmas { get; init; }

    /// <summary>Largest var_pct sample that passes (var's threshold).</summary>
    public required double MaxVarPct { get; init; }

    /// <summary>Relative RSS growth that fails (≥) (rss_drift's threshold).</summary>
    public required double RssDriftFailRatio { get; init; }

    /// <summary>RSS warm-up excluded from the drift fit.</summary>
    public required TimeSpan RssWarmUp { get; init; }

    /// <summary>The stretch after the warm-up whose median is the baseline B.</summary>
    public required TimeSpan RssBaseline { get; init; }

    /// <summary>The end of the window whose median is compared with B.</summary>
    public required TimeSpan RssLastWindow { get; init; }

    /// <summary>The gates file and profile these settings came from.</summary>
    public required GatesFileSource Source { get; init; }

    private static readonly Lazy<GateSettings> ShippedLocal = new(() => GatesFile.Shipped.Settings(GatesFile.LocalProfile));

    private static readonly Lazy<GateSettings> ShippedStaging = new(() => GatesFile.Shipped.Settings(GatesFile.StagingProfile));

    /// <summary>The shipped <c>config/gates.json</c>, local profile.</summary>
    public static GateSettings Default => ShippedLocal.Value;

    /// <summary>The shipped <c>config/gates.json</c>, staging profile (48 h of real time before continuity can pass).</summary>
    public static GateSettings Staging => ShippedStaging.Value;

    /// <summary>The settings of <paramref name="gate"/> as the gates file names them, for the report.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Describe(string gate) => gate switch
    {
        GateNames.Continuity =>
        [
            new("statistic", "max-up-gap"), new("maxUpGap", Duration(MaxUpGap)),
            new("requiredRuntime", RequiredRuntime is { } runtime ? Duration(runtime) : "window length"),
        ],
        GateNames.Alerts =>
        [
            new("statistic", "warning-episodes"), new("maxWarningEpisodes", Number(MaxWarningEpisodes)), new("episodeGap", Duration(AlertEpisodeGap)),
        ],
        GateNames.PnlDrift => [new("statistic", "max-abs-drift-sigmas"), new("maxAbsDriftSigmas", Number(MaxPnlDriftSigmas))],
        GateNames.Var => [new("statistic", "max"), new("maxVarPct", Number(MaxVarPct))],
        GateNames.RssDrift =>
        [
            new("statistic", "max-growth-ratio"), new("failRatio", Number(RssDriftFailRatio)), new("warmUp", Duration(RssWarmUp)),
            new("baseline", Duration(RssBaseline)), new("lastWindow", Duration(RssLastWindow)),
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(gate), gate, $"not one of {string.Join(", ", GateNames.All)}"),
    };

    /// <summary>"statistic max, maxVarPct 95": one gate's settings on one line.</summary>
    public string DescribeText(string gate) => string.Join(", ", Describe(gate).Select(p => $"{p.Key} {p.Value}"));

    private static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private static string Duration(TimeSpan span) => span == TimeSpan.Zero ? "0" : SeriesMath.Duration(span.TotalSeconds);
}

/// <summary>A gates file as judged by: its path as given, its sha256 (hex) and the profile whose overrides applied.</summary>
public sealed record GatesFileSource(string Path, string Sha256, string Profile)
{
    /// <summary>The first 12 hex digits, as the report quotes them.</summary>
    public string ShortSha256 => Sha256[..Math.Min(12, Sha256.Length)];

    public override string ToString() => $"{Path} (sha256 {ShortSha256}, profile {Profile})";
}

namespace EdgeRisk.Trading.Host.Options;

/// <summary>Settings of <c>edgerisk-trading live</c>; checked by <see cref="LiveOptionsValidator"/> before anything starts.</summary>
public sealed class LiveOptions
{
    /// <summary>Symbols the process can trade: the crypto pair set and the equity tape.</summary>
    public static readonly IReadOnlyList<string> KnownSymbols = ["BTC-USD", "ETH-USD", "NVDA"];

    public const double MaxSpeed = 1_000_000d;

    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(30);

    public Profile Profile { get; set; } = Profile.Local;

    public IReadOnlyList<string> Symbols { get; set; } = ["BTC-USD", "ETH-USD"];

    /// <summary>Virtual seconds per wall second; <see cref="double.PositiveInfinity"/> is <c>--speed max</c> (no pacing).</summary>
    public double Speed { get; set; } = 2880d;

    public TimeSpan Duration { get; set; } = TimeSpan.FromHours(48);

    /// <summary>Port of /metrics, /healthz and /readyz on 127.0.0.1; 0 lets the OS choose a free one (logged as "Metrics on URL").</summary>
    public int MetricsPort { get; set; } = 9464;

    public string Redis { get; set; } = "127.0.0.1:6379";

    public string DataDirectory { get; set; } = "data/lean";

    /// <summary>First day of the crypto replay window (UTC midnight).</summary>
    public DateOnly Window { get; set; } = new(2017, 9, 3);

    /// <summary>Start of the replay window: <see cref="Window"/> at 00:00 UTC.</summary>
    public DateTimeOffset WindowStart => new(Window.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>End of the replay window: <see cref="WindowStart"/> + <see cref="Duration"/>.</summary>
    public DateTimeOffset WindowEnd => WindowStart + Duration;

    public string? RecordMetricsFile { get; set; }

    /// <summary>Virtual time between two recorded metric snapshots.</summary>
    public TimeSpan RecordInterval { get; set; } = TimeSpan.FromSeconds(15);

    public string? NvdaFile { get; set; }

    /// <summary>Seed of the synthetic NVDA tape.</summary>
    public int Seed { get; set; } = 20170904;

    /// <summary>Historical edge statistics (sim-stats output) for the edge band gauges.</summary>
    public string SimStatsFile { get; set; } = Path.Combine("artifacts", "sim", "pnl_stats.json");

    /// <summary>Prometheus job and Redis key namespace; defaults by symbol set.</summary>
    public string? Job { get; set; }

    /// <summary>
    /// <c>--journal fresh</c>: this job's journal is cleared first, so the run starts flat (a new dry run). The default,
    /// <c>resume</c>, recovers the books from it (a restart within a run).
    /// </summary>
    public bool FreshJournal { get; set; }

    /// <summary>
    /// <c>--skip-bad-files</c> (local profile): a data file of the window that cannot be read is a warning and a
    /// <c>feed_bad_files_total{reason}</c> count, and the replay plays the rest; without it the process exits 2 naming it.
    /// </summary>
    public bool SkipBadFiles { get; set; }

    /// <summary><c>--config DIR</c>: the folder holding strategy.json and router.json.</summary>
    public string ConfigDirectory { get; set; } = "config";

    /// <summary>Test hook: the process fails fast once the virtual clock passes start + this.</summary>
    public TimeSpan? CrashAt { get; set; }

    /// <summary>/healthz turns 503 when the loop heartbeat is older than this on the process clock.</summary>
    public TimeSpan HeartbeatTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Virtual time between two position snapshots in the journal.</summary>
    public TimeSpan SnapshotInterval { get; set; } = TimeSpan.FromMinutes(15);

    public string EffectiveJob => Job ?? (Symbols.Contains("NVDA") ? "edgerisk-stocks" : "edgerisk-crypto");

    public bool IsMaxSpeed => double.IsPositiveInfinity(Speed);
}

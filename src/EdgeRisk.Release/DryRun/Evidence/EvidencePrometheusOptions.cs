namespace EdgeRisk.Release.DryRun.Evidence;

/// <summary>How <see cref="EvidencePrometheus"/> runs: on 127.0.0.1, a free port unless <see cref="Port"/> is set.</summary>
public sealed record EvidencePrometheusOptions
{
    public required string DataDirectory { get; init; }

    /// <summary>Where <c>prometheus.yml</c> and <c>prometheus.log</c> go.</summary>
    public required string WorkDirectory { get; init; }

    /// <summary>Rule files loaded (absolute paths), so <c>/api/v1/rules</c> shows the rules the evidence was judged by.</summary>
    public IReadOnlyList<string> RuleFiles { get; init; } = [];

    public TimeSpan EvaluationInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Backfilled series carry no staleness markers, so an instant selector would show a dead process's last value for
    /// the default 5 min; two scrape intervals make it vanish about as fast as a scraped series does.
    /// </summary>
    public TimeSpan LookbackDelta { get; init; } = TimeSpan.FromSeconds(30);

    public int? Port { get; init; }

    /// <summary>
    /// Accept samples through remote write (<c>--web.enable-remote-write-receiver</c>), with their own timestamps: the
    /// live dry run writes the recordings as they grow and evaluates the alert rules over them.
    /// </summary>
    public bool RemoteWriteReceiver { get; init; }

    /// <summary>
    /// TSDB out-of-order window: how far behind the newest sample a written sample may be (the jobs of a dry run record
    /// their virtual clocks a little apart); null keeps Prometheus's in-order head.
    /// </summary>
    public TimeSpan? OutOfOrderWindow { get; init; }

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);
}

namespace EdgeRisk.Evidence.Gates.Live;

/// <summary>
/// The live gates against a Prometheus that scrapes in real time (staging dry run, <c>EvaluateGates --live</c>): the
/// window to judge, where the evidence is, and where the gate series go.
/// </summary>
public sealed record LiveGateRunOptions
{
    public static readonly TimeSpan DefaultPushTimeout = TimeSpan.FromSeconds(10);

    public required Uri PrometheusUrl { get; init; }

    /// <summary>The whole soak window; minutes in the future are judged as the clock reaches them.</summary>
    public required GateWindow Window { get; init; }

    /// <summary>σ of 48 h sim PnL for pnl_drift; null makes that gate INCONCLUSIVE.</summary>
    public decimal? PnlSigmaUsd { get; init; }

    /// <summary>Settings, Docker host and compose project, Prometheus client options; the source fields are not used.</summary>
    public GateEvaluationOptions Gates { get; init; } = new();

    /// <summary>Pushgateway base URL for the <c>edgerisk_gate_*</c> series, e.g. http://127.0.0.1:9091/; null: no export.</summary>
    public Uri? PushgatewayUrl { get; init; }

    /// <summary>How far behind the clock the evidence is complete: a scrape and a rule evaluation must have landed.</summary>
    public TimeSpan IngestionDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Run time between two judgements.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Time between two looks while nothing new is due.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Bound of one push to the Pushgateway.</summary>
    public TimeSpan PushTimeout { get; init; } = DefaultPushTimeout;
}

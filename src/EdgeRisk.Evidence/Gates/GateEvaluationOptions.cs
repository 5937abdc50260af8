using EdgeRisk.Evidence.Prometheus;

namespace EdgeRisk.Evidence.Gates;

/// <summary>Inputs of one evaluation. Exactly one of <see cref="PrometheusUrl"/> and <see cref="EvidenceDirectory"/> is set.</summary>
public sealed record GateEvaluationOptions
{
    public Uri? PrometheusUrl { get; init; }

    /// <summary>Replay an evidence/ folder of an earlier run instead of querying Prometheus (its window and σ are reused).</summary>
    public string? EvidenceDirectory { get; init; }

    /// <summary>Default: now, from the evaluator's TimeProvider.</summary>
    public DateTimeOffset? WindowEnd { get; init; }

    public TimeSpan WindowLength { get; init; } = TimeSpan.FromHours(48);

    /// <summary>σ of 48 h sim PnL; default read from <see cref="PnlStatsPath"/> (field pnl_sigma_usd).</summary>
    public decimal? PnlSigmaUsd { get; init; }

    public string PnlStatsPath { get; init; } = "artifacts/sim/pnl_stats.json";

    /// <summary>
    /// The configuration σ was computed for; pnl_drift is INCONCLUSIVE unless the run's <c>edgerisk_build_info{config_hash}</c>
    /// matches it. Null: no check (σ given by hand, or an evidence folder's recorded σ).
    /// </summary>
    public PnlSigmaConfig? PnlSigmaConfig { get; init; }

    /// <summary>VaR limit in USD, for the advisory backtest only (var_pct × limit / 100 = VaR in USD).</summary>
    public decimal? VarLimitUsd { get; init; }

    public TimeSpan VarHorizon { get; init; } = TimeSpan.FromHours(1);

    public double VarConfidence { get; init; } = 0.99;

    /// <summary>e.g. unix:///var/run/docker.sock; null skips the container checks.</summary>
    public Uri? DockerHost { get; init; }

    public string ComposeProject { get; init; } = "edgerisk";

    public Prometheus.PrometheusSourceOptions Source { get; init; } = new();

    public GateSettings Settings { get; init; } = GateSettings.Default;
}

using EdgeRisk.Release.Images;

namespace EdgeRisk.Release.Staging;

/// <summary>
/// The local profile's Redis, Prometheus and Alertmanager as plain processes on 127.0.0.1. A port of 0 means "pick a
/// free one". Paths are relative to <see cref="RepositoryRoot"/>. Grafana is not started here: it is external
/// (<see cref="GrafanaUrlVariable"/>, <see cref="GrafanaTokenVariable"/>).
/// </summary>
public sealed record LocalServicesOptions
{
    public const string GrafanaUrlVariable = "GRAFANA_URL";
    public const string GrafanaTokenVariable = "GRAFANA_TOKEN";

    public string RepositoryRoot { get; init; } = ".";

    /// <summary>Holds state.json, logs, data and the rendered Prometheus config.</summary>
    public string StateDirectory { get; init; } = "artifacts/services";

    public int RedisPort { get; init; }

    public int PrometheusPort { get; init; }

    public int AlertmanagerPort { get; init; }

    /// <summary>
    /// The local image registry (docker-registry) on 127.0.0.1: a fixed port, the one EDGERISK_REGISTRY in .env names, since
    /// image names carry it; 0 picks a free one, null starts no registry (EDGERISK_REGISTRY is not on this machine).
    /// </summary>
    public int? RegistryPort { get; init; } = Images.ImageRegistry.LocalDefaultPort;

    /// <summary>
    /// Start an own Docker engine (dockerd, host networking only) for the image builds: its data root under the state
    /// directory, its socket and exec root in a short folder of the temp directory (unix socket paths are limited to
    /// 108 bytes). For a machine where no engine answers; needs root.
    /// </summary>
    public bool DockerEngine { get; init; }

    /// <summary>Where the trading jobs serve /metrics (Prometheus scrape targets).</summary>
    public int CryptoMetricsPort { get; init; } = 9101;

    public int StocksMetricsPort { get; init; } = 9102;

    public string PrometheusConfig { get; init; } = "prometheus/prometheus.yml";

    public string AlertmanagerConfig { get; init; } = "alertmanager/alertmanager.yml";

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public string StatePath => Path.Combine(RepositoryRoot, StateDirectory, "state.json");
}

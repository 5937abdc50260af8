using EdgeRisk.Release.Staging;

namespace EdgeRisk.Staging.Tests.Compose;

/// <summary>
/// The staging stack moved out of the way of the host: every port on a free one, prometheus.yml rendered with those
/// targets, empty secrets and sim-statistics directories, and the compose environment that points at all of it
/// (variables set where compose runs win over <c>.env</c>).
/// </summary>
internal static class StagingConfiguration
{
    public static Dictionary<string, int> FreePorts() => new()
    {
        ["CRYPTO_METRICS_PORT"] = FreePort.Next(),
        ["STOCKS_METRICS_PORT"] = FreePort.Next(),
        ["REDIS_PORT"] = FreePort.Next(),
        ["PROMETHEUS_PORT"] = FreePort.Next(),
        ["ALERTMANAGER_PORT"] = FreePort.Next(),
    };

    /// <summary>Writes the configuration under <paramref name="config"/> and returns the environment for compose.</summary>
    /// <param name="registry">EDGERISK_REGISTRY: where the images are pulled from.</param>
    /// <param name="sourceRoot">The checkout whose <c>prometheus/</c> is rendered; the repository by default.</param>
    public static Dictionary<string, string> Write(TempDirectory config, IReadOnlyDictionary<string, int> ports, string registry, string? sourceRoot = null)
    {
        sourceRoot ??= RepositoryRoot.Path;
        var prometheusDir = Directory.CreateDirectory(config.Combine("prometheus")).FullName;
        foreach (var rule in Directory.EnumerateFiles(Path.Combine(sourceRoot, "prometheus", "rules"), "*.yml"))
        {
            Directory.CreateDirectory(Path.Combine(prometheusDir, "rules"));
            File.Copy(rule, Path.Combine(prometheusDir, "rules", Path.GetFileName(rule)));
        }

        File.WriteAllText(Path.Combine(prometheusDir, "prometheus.yml"), PrometheusConfigRenderer.Render(
            Path.Combine(sourceRoot, "prometheus", "prometheus.yml"),
            new Dictionary<string, int>
            {
                ["edgerisk-crypto"] = ports["CRYPTO_METRICS_PORT"],
                ["edgerisk-stocks"] = ports["STOCKS_METRICS_PORT"],
                ["prometheus"] = ports["PROMETHEUS_PORT"],
                ["alertmanager"] = ports["ALERTMANAGER_PORT"],
            },
            ports["ALERTMANAGER_PORT"],
            absoluteRuleFiles: false));
        // The repository's alertmanager.yml as is; its PagerDuty key file is absent, which Alertmanager accepts at start.
        var secretsDir = Directory.CreateDirectory(config.Combine("secrets")).FullName;
        var simDir = Directory.CreateDirectory(config.Combine("sim")).FullName;

        var environment = ports.ToDictionary(p => p.Key, p => p.Value.ToString(CultureInfo.InvariantCulture));
        environment["PROMETHEUS_CONFIG_DIR"] = prometheusDir;
        environment["PAGERDUTY_SECRETS_DIR"] = secretsDir;
        environment["SIM_STATS_DIR"] = simDir;
        environment["EDGERISK_REGISTRY"] = registry;
        environment["EDGERISK_VERSION"] = DockerEngineFixture.Version;
        // Replay fast enough that the first fills (pnl_usd) come within seconds.
        environment["CRYPTO_SPEED"] = "600";
        return environment;
    }
}

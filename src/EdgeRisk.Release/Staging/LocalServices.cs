using EdgeRisk.Processes;
using EdgeRisk.Release.Grafana;

namespace EdgeRisk.Release.Staging;

/// <summary>
/// Starts Redis, Alertmanager, Prometheus and the image registry (docker-registry) as detached processes on 127.0.0.1 (they outlive the build that starts
/// them) and records pid + port of each in <c>state.json</c> as soon as it runs, so <see cref="StopAsync"/> stops exactly
/// those processes, even after a failed start. Starting again keeps the services that run and restarts only dead ones.
/// Grafana is not started here (<see cref="GrafanaSource"/>).
/// </summary>
public sealed partial class LocalServices
{
    private const string LogVariable = "EDGERISK_SERVICE_LOG";

    /// <summary>The name of the own Docker engine in state.json (<see cref="LocalServicesOptions.DockerEngine"/>).</summary>
    public const string DockerService = "docker";

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly LocalServicesOptions _options;
    private readonly TimeProvider _time;
    private readonly string _stateDirectory;

    public LocalServices(LocalServicesOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _options = options;
        _time = time;
        _stateDirectory = Path.GetFullPath(Path.Combine(options.RepositoryRoot, options.StateDirectory));
    }

    public string StatePath => Path.Combine(_stateDirectory, "state.json");

    /// <summary>
    /// Where Grafana comes from: StartServices starts none, in either profile. One line for the log (the runbook lists
    /// Grafana under make start-services).
    /// </summary>
    public static string GrafanaSource(bool localProfile) => localProfile
        ? "Grafana: none in the local profile; ImportDashboards records its Grafana calls to artifacts/release/outbox/ and VerifyDashboards reads this Prometheus directly."
        : $"Grafana: external, at {GrafanaOptions.UrlVariable} ({GrafanaOptions.TokenVariable}, or {GrafanaOptions.UserVariable} and {GrafanaOptions.PasswordVariable}); StartServices does not start it. "
          + $"A host that can pull grafana/grafana runs the compose file's own: docker-compose --profile grafana up -d grafana, then {GrafanaOptions.UrlVariable}=http://127.0.0.1:3000.";

    /// <summary>
    /// Starts the services. When state.json lists running ones (StageDeploy or an earlier StartServices started them), those
    /// that are alive and ready are kept, and only the dead ones are started again, on their recorded ports.
    /// </summary>
    /// <exception cref="LocalServicesException">A tool or config is missing, a port is taken, or a service did not get ready.</exception>
    public async Task<LocalServicesStart> StartAsync(CancellationToken cancellationToken = default)
    {
        var previous = LocalServicesState.Read(StatePath) is { } recorded && recorded.Services.Any(IsRunning) ? recorded : null;
        var alertmanagerConfig = Path.GetFullPath(Path.Combine(_options.RepositoryRoot, _options.AlertmanagerConfig));
        if (!File.Exists(alertmanagerConfig))
        {
            throw new LocalServicesException($"Alertmanager config '{_options.AlertmanagerConfig}' not found: it is the staging alertmanager/alertmanager.yml");
        }

        int Port(string name, int configured) => previous?.Services.FirstOrDefault(s => s.Name == name)?.Port ?? FreePort.OrNext(configured);
        var redisPort = Port("redis", _options.RedisPort);
        var prometheusPort = Port("prometheus", _options.PrometheusPort);
        var alertmanagerPort = Port("alertmanager", _options.AlertmanagerPort);
        var prometheusYaml = PrometheusConfigRenderer.Render(
            Path.Combine(_options.RepositoryRoot, _options.PrometheusConfig),
            new Dictionary<string, int>(StringComparer.Ordinal)
            {
                ["edgerisk-crypto"] = _options.CryptoMetricsPort,
                ["edgerisk-stocks"] = _options.StocksMetricsPort,
                ["prometheus"] = prometheusPort,
                ["alertmanager"] = alertmanagerPort,
            },
            alertmanagerPort);
        var prometheusConfig = Path.Combine(_stateDirectory, "prometheus", "prometheus.yml");
        Directory.CreateDirectory(Path.GetDirectoryName(prometheusConfig)!);
        await File.WriteAllTextAsync(prometheusConfig + ".tmp", prometheusYaml, cancellationToken);
        File.Move(prometheusConfig + ".tmp", prometheusConfig, overwrite: true);

        var redisDir = Directory.CreateDirectory(Path.Combine(_stateDirectory, "redis")).FullName;
        var alertmanagerUrl = $"http://127.0.0.1:{alertmanagerPort}";
        var prometheusUrl = $"http://127.0.0.1:{prometheusPort}";
        // The registry first: its port is fixed (image names carry it), so it is the likeliest to be taken; nothing runs yet then.
        ServiceSpec[] specs =
        [
            .. _options.RegistryPort is { } registryPort ? [await RegistrySpecAsync(Port("registry", registryPort), cancellationToken)] : Array.Empty<ServiceSpec>(),
            .. _options.DockerEngine ? [DockerSpec()] : Array.Empty<ServiceSpec>(),
            new("redis", "redis-server", redisPort, $"redis://127.0.0.1:{redisPort}",
                ["--port", Text(redisPort), "--bind", "127.0.0.1", "--dir", redisDir, "--appendonly", "yes", "--save", "", "--protected-mode", "no"],
                () => RedisPing.AnswersAsync(redisPort)),
            new("alertmanager", "prometheus-alertmanager", alertmanagerPort, alertmanagerUrl,
                [$"--config.file={alertmanagerConfig}", $"--storage.path={Path.Combine(_stateDirectory, "alertmanager", "data")}",
                 $"--web.listen-address=127.0.0.1:{Text(alertmanagerPort)}", $"--web.external-url={alertmanagerUrl}", "--cluster.listen-address="],
                () => HttpReadyAsync(alertmanagerUrl + "/-/ready")),
            new("prometheus", "prometheus", prometheusPort, prometheusUrl,
                [$"--config.file={prometheusConfig}", $"--storage.tsdb.path={Path.Combine(_stateDirectory, "prometheus", "data")}",
                 $"--web.listen-address=127.0.0.1:{Text(prometheusPort)}", $"--web.external-url={prometheusUrl}", "--web.enable-lifecycle"],
                () => HttpReadyAsync(prometheusUrl + "/-/ready")),
        ];

        return previous is null
            ? await StartAllAsync(specs, cancellationToken)
            : await ResumeAsync(previous, specs, cancellationToken);
    }

    private async Task<LocalServicesStart> StartAllAsync(ServiceSpec[] specs, CancellationToken cancellationToken)
    {
        var started = new List<LocalServiceProcess>();
        try
        {
            foreach (var spec in specs)
            {
                started.Add(await LaunchAsync(spec, started, cancellationToken));
            }
        }
        catch
        {
            await StopAsync(CancellationToken.None);
            throw;
        }

        return new LocalServicesStart(new LocalServicesState(started), started.Select(s => s.Name).ToList());
    }

    /// <summary>
    /// Keeps the recorded services that are alive and ready; starts the dead ones again on their ports. A failure leaves the
    /// kept ones running and in state.json, and says what to do.
    /// </summary>
    private async Task<LocalServicesStart> ResumeAsync(LocalServicesState previous, ServiceSpec[] specs, CancellationToken cancellationToken)
    {
        var services = new List<LocalServiceProcess>();
        var started = new List<string>();
        foreach (var spec in specs)
        {
            var recorded = previous.Services.FirstOrDefault(s => s.Name == spec.Name);
            if (recorded is not null && IsRunning(recorded))
            {
                if (!await WaitAsync(async () => IsRunning(recorded) && await spec.Ready(), _options.StartTimeout, cancellationToken))
                {
                    throw new LocalServicesException(
                        $"{spec.Name} (pid {recorded.Pid}) runs but is not ready on port {recorded.Port} within {_options.StartTimeout.TotalSeconds:0} s ({LastLines(recorded.LogFile)}): " +
                        "run StopServices, then StartServices");
                }

                services.Add(recorded);
                continue;
            }

            // The services not yet looked at stay in state.json while this one starts, so StopServices still finds them.
            var later = specs.SkipWhile(x => x.Name != spec.Name).Skip(1).Select(x => x.Name).ToHashSet(StringComparer.Ordinal);
            List<LocalServiceProcess> others = [.. services, .. previous.Services.Where(s => later.Contains(s.Name) && IsRunning(s))];
            try
            {
                services.Add(await LaunchAsync(spec, others, cancellationToken));
            }
            catch (LocalServicesException e)
            {
                throw new LocalServicesException(
                    $"{e.Message} (restarting {spec.Name}; the running services were left running: fix it and run StartServices again, or StopServices then StartServices for a fresh start)", e);
            }

            started.Add(spec.Name);
        }

        var state = new LocalServicesState(services);
        state.Write(StatePath);
        return new LocalServicesStart(state, started);
    }

    /// <summary>Stops the processes listed in state.json (SIGTERM, then SIGKILL after the stop timeout) and removes the file.</summary>
    /// <returns>The services that were still running and have been stopped.</returns>
    public async Task<IReadOnlyList<LocalServiceProcess>> StopAsync(CancellationToken cancellationToken = default)
    {
        var state = LocalServicesState.Read(StatePath);
        if (state is null)
        {
            return [];
        }

        var stopped = new List<LocalServiceProcess>();
        foreach (var service in state.Services.Reverse().Where(IsRunning))
        {
            _ = NativeMethods.Kill(service.Pid, NativeMethods.SigTerm);
            if (!await WaitAsync(() => Task.FromResult(!IsRunning(service)), _options.StopTimeout, cancellationToken))
            {
                _ = NativeMethods.Kill(service.Pid, NativeMethods.SigKill);
                await WaitAsync(() => Task.FromResult(!IsRunning(service)), _options.StopTimeout, cancellationToken);
            }

            if (IsRunning(service))
            {
                throw new LocalServicesException($"{service.Name} (pid {service.Pid}) did not stop; kill it by pid and delete {StatePath}");
            }

            stopped.Add(service);
            if (service.Name == DockerService)
            {
                ReleaseDockerRuntime();
            }
        }

        File.Delete(StatePath);
        return stopped;
    }

    /// <summary>How to start one service and how to tell it is ready.</summary>
    /// <param name="PortFix">What to do when the port is taken (default: stop what listens there or pick another port).</param>
    private sealed record ServiceSpec(string Name, string Tool, int Port, string Url, IReadOnlyList<string> Arguments, Func<Task<bool>> Ready, string? PortFix = null);
}

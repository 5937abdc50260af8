using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using EdgeRisk.Processes;
using EdgeRisk.Release.Grafana;

namespace EdgeRisk.Release.Staging;

/// <summary>
/// Starts Redis, Alertmanager, Prometheus and the image registry (docker-registry) as detached processes on 127.0.0.1 (they outlive the build that starts
/// them) and records pid + port of each in <c>state.json</c> as soon as it runs, so <see cref="StopAsync"/> stops exactly
/// those processes, even after a failed start. Starting again keeps the services that run and restarts only dead ones.
/// Grafana is not started here (<see cref="GrafanaSource"/>).
/// </summary>
public sealed class LocalServices
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
                () => RedisPingAsync(redisPort)),
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

    /// <summary>True when the pid is alive and still runs the recorded executable (a recycled pid is not ours).</summary>
    public static bool IsRunning(LocalServiceProcess service)
    {
        ArgumentNullException.ThrowIfNull(service);
        var proc = $"/proc/{service.Pid.ToString(CultureInfo.InvariantCulture)}";
        try
        {
            var stat = File.ReadAllText(proc + "/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
            // /proc/PID/exe, not cmdline: redis-server rewrites its process title.
            var running = new FileInfo(proc + "/exe").LinkTarget?.Replace(" (deleted)", string.Empty, StringComparison.Ordinal);
            return state != "Z" && running is not null && running == Resolve(service.Executable);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string Resolve(string path) => new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path);

    /// <summary>
    /// The image registry BuildImages pushes to and Promote verifies: Debian's docker-registry (CNCF Distribution) with its
    /// storage under the state directory, so pushed images survive StopServices. Docker allows plain HTTP on 127.0.0.0/8.
    /// Its port is fixed (image names carry it), so a taken one names EDGERISK_REGISTRY in the fix.
    /// </summary>
    private async Task<ServiceSpec> RegistrySpecAsync(int port, CancellationToken cancellationToken)
    {
        var registryDir = Path.Combine(_stateDirectory, "registry");
        var config = Path.Combine(registryDir, "config.yml");
        Directory.CreateDirectory(Path.Combine(registryDir, "data"));
        await File.WriteAllTextAsync(config + ".tmp", string.Join('\n',
            "version: 0.1",
            "log:",
            "  level: warn",
            "storage:",
            "  filesystem:",
            $"    rootdirectory: {Path.Combine(registryDir, "data")}",
            "  delete:",
            "    enabled: true",
            "http:",
            $"  addr: 127.0.0.1:{Text(port)}",
            ""), cancellationToken);
        File.Move(config + ".tmp", config, overwrite: true);
        var url = $"http://127.0.0.1:{Text(port)}";
        return new ServiceSpec("registry", "docker-registry", port, url, ["serve", config], () => HttpReadyAsync(url + "/v2/"),
            $"stop what listens there, or give the local registry a free port: set {Images.ImageRegistry.Variable}=127.0.0.1:<port> in .env or the environment");
    }

    /// <summary>The own Docker engine's address (DOCKER_HOST) when <paramref name="state"/> lists it running; else null.</summary>
    public static Uri? DockerHostOf(LocalServicesState? state) =>
        state?.Services.FirstOrDefault(s => s.Name == DockerService && IsRunning(s)) is { } docker ? new Uri(docker.Url) : null;

    /// <summary>The folder of the own Docker engine's socket, pid file and exec root: short, and one per state directory.</summary>
    private string DockerRuntimeDirectory =>
        Path.Combine(Path.GetTempPath(), "edgerisk-docker-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(_stateDirectory)))[..12]);

    /// <summary>
    /// An own Docker engine for the image builds (the local profile's "CI Docker build"): host networking only, no iptables
    /// or bridge, data root under the state directory so images and layers survive StopServices.
    /// </summary>
    private ServiceSpec DockerSpec()
    {
        var runtime = Directory.CreateDirectory(DockerRuntimeDirectory).FullName;
        var socket = Path.Combine(runtime, "docker.sock");
        var host = new Uri("unix://" + socket);
        return new ServiceSpec(DockerService, "dockerd", 0, host.AbsoluteUri,
            ["--iptables=false", "--ip6tables=false", "--bridge=none", "--ip-forward=false", "--ip-masq=false",
             $"--data-root={Path.Combine(_stateDirectory, "docker")}", $"--exec-root={Path.Combine(runtime, "exec")}",
             $"--pidfile={Path.Combine(runtime, "docker.pid")}", $"--host={host.AbsoluteUri}"],
            () => Docker.DockerEngine.AnswersAsync(host, TimeSpan.FromSeconds(2)));
    }

    /// <summary>After its engine stopped: the network namespace mount dockerd leaves behind (nothing else may hold it).</summary>
    private void ReleaseDockerRuntime()
    {
        var netns = Path.Combine(DockerRuntimeDirectory, "exec", "netns", "default");
        if (!File.Exists(netns))
        {
            return;
        }

        using var umount = Process.Start(new ProcessStartInfo("umount", ["-l", netns]) { UseShellExecute = false, RedirectStandardError = true });
        umount?.WaitForExit(TimeSpan.FromSeconds(10));
    }

    /// <summary>Starts one service and records it in state.json beside <paramref name="others"/> as soon as it runs.</summary>
    private async Task<LocalServiceProcess> LaunchAsync(ServiceSpec spec, IReadOnlyList<LocalServiceProcess> others, CancellationToken cancellationToken)
    {
        var (name, tool, port, url, arguments, ready, portFix) = spec;
        var executable = Locate(tool);
        EnsurePortFree(name, port, portFix ?? "stop what listens there or pick another port");
        var log = Path.Combine(_stateDirectory, "logs", name + ".log");
        Directory.CreateDirectory(Path.GetDirectoryName(log)!);
        // setsid: own session, so the build's Ctrl-C does not reach it; exec keeps the pid, the shell only redirects output.
        var info = new ProcessStartInfo("setsid") { UseShellExecute = false };
        foreach (var argument in (string[])["sh", "-c", $"exec \"$0\" \"$@\" >>\"${LogVariable}\" 2>&1 </dev/null", executable, .. arguments])
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment[LogVariable] = log;
        int pid;
        try
        {
            using var process = Process.Start(info) ?? throw new LocalServicesException($"{name} could not be started");
            pid = process.Id;
        }
        catch (Win32Exception e)
        {
            throw new LocalServicesException($"{name} could not be started ({e.Message}): setsid (util-linux) is required", e);
        }

        var service = new LocalServiceProcess(name, executable, pid, port, url, log, _time.GetUtcNow());
        new LocalServicesState([.. others, service]).Write(StatePath);
        var isReady = await WaitAsync(async () =>
        {
            if (!IsRunning(service) && _time.GetUtcNow() - service.StartedAt > TimeSpan.FromSeconds(1))
            {
                throw new LocalServicesException($"{name} exited during start: {LastLines(log)}");
            }

            return IsRunning(service) && await ready();
        }, _options.StartTimeout, cancellationToken);
        if (!isReady)
        {
            throw new LocalServicesException($"{name} (pid {pid}) not ready on port {port} within {_options.StartTimeout.TotalSeconds:0} s: {LastLines(log)}");
        }

        return service;
    }

    /// <summary>
    /// Fails before launching when something already listens on the port: otherwise the readiness probe could reach
    /// that other process while ours is still failing to bind, and report it ready.
    /// </summary>
    private static void EnsurePortFree(string name, int port, string fix)
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
        try
        {
            listener.Start();
        }
        catch (SocketException e)
        {
            throw new LocalServicesException($"{name}: port {port} on 127.0.0.1 is already in use ({e.SocketErrorCode}); {fix}", e);
        }
        finally
        {
            listener.Stop();
        }
    }

    private async Task<bool> WaitAsync(Func<Task<bool>> condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + timeout;
        while (true)
        {
            try
            {
                if (await condition())
                {
                    return true;
                }
            }
            catch (Exception e) when (e is HttpRequestException or SocketException or IOException or TaskCanceledException)
            {
                // not listening yet
            }

            if (_time.GetUtcNow() >= deadline)
            {
                return false;
            }

            await Task.Delay(PollInterval, _time, cancellationToken);
        }
    }

    private static async Task<bool> RedisPingAsync(int port)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        var stream = client.GetStream();
        await stream.WriteAsync("PING\r\n"u8.ToArray());
        var buffer = new byte[16];
        var read = await stream.ReadAsync(buffer);
        return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
    }

    private static async Task<bool> HttpReadyAsync(string url)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        using var response = await http.GetAsync(new Uri(url));
        return response.IsSuccessStatusCode;
    }

    private static string Locate(string tool)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var dir in path.Split(':', StringSplitOptions.RemoveEmptyEntries).Append("/usr/sbin").Append("/usr/bin"))
        {
            var candidate = Path.Combine(dir, tool);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new LocalServicesException($"'{tool}' is not installed: run 'sudo bash scripts/install-deps.sh'");
    }

    private static string LastLines(string log)
    {
        try
        {
            return string.Join(" | ", File.ReadAllLines(log).Where(l => l.Trim().Length > 0).TakeLast(3));
        }
        catch (IOException)
        {
            return "(no log)";
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>How to start one service and how to tell it is ready.</summary>
    /// <param name="PortFix">What to do when the port is taken (default: stop what listens there or pick another port).</param>
    private sealed record ServiceSpec(string Name, string Tool, int Port, string Url, IReadOnlyList<string> Arguments, Func<Task<bool>> Ready, string? PortFix = null);
}

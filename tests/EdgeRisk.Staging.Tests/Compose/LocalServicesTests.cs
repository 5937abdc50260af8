using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using EdgeRisk.Release.Staging;

namespace EdgeRisk.Staging.Tests.Compose;

/// <summary>The local profile's real image registry, Redis, Alertmanager and Prometheus processes, started and stopped by pid.</summary>
public sealed class LocalServicesTests
{
    [Fact]
    public async Task StartAsync_FreePorts_RecordsPidsThatStopAsyncStops()
    {
        using var state = new TempDirectory("services");
        var services = new LocalServices(Options(state), TimeProvider.System);
        LocalServicesState started;
        try
        {
            started = (await services.StartAsync()).State;

            Assert.Equal(["registry", "redis", "alertmanager", "prometheus"], started.Services.Select(s => s.Name));
            Assert.All(started.Services, s => Assert.True(LocalServices.IsRunning(s), s.Name));
            Assert.Equal(started, LocalServicesState.Read(services.StatePath), new StateComparer());
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var prometheus = started.Services.Single(s => s.Name == "prometheus");
            var loadedConfig = await http.GetStringAsync(new Uri(prometheus.Url + "/api/v1/status/config"));
            Assert.Contains($"127.0.0.1:{started.Services.Single(s => s.Name == "alertmanager").Port}", loadedConfig, StringComparison.Ordinal);
            var rules = await http.GetStringAsync(new Uri(prometheus.Url + "/api/v1/rules"));
            Assert.Contains("ModelSwitchStorm", rules, StringComparison.Ordinal);
            // The image registry BuildImages pushes to: the registry HTTP API v2 on its port.
            var registry = started.Services.Single(s => s.Name == "registry");
            Assert.Equal("{\"repositories\":[]}", (await http.GetStringAsync(new Uri(registry.Url + "/v2/_catalog"))).Trim());

        }
        finally
        {
            await services.StopAsync();
        }

        Assert.All(started.Services, s => Assert.False(LocalServices.IsRunning(s), s.Name));
        Assert.False(File.Exists(services.StatePath));
        Assert.Empty(await services.StopAsync());
    }

    [RootFact]
    public async Task StartAsync_DockerEngine_StartsAnOwnEngineThatAnswersAndStopAsyncStopsIt()
    {
        using var state = new TempDirectory("services");
        var services = new LocalServices(Options(state) with { DockerEngine = true }, TimeProvider.System);
        LocalServiceProcess docker;
        try
        {
            var start = await services.StartAsync();
            docker = start.Services.Single(s => s.Name == LocalServices.DockerService);
            var host = LocalServices.DockerHostOf(start.State);

            Assert.NotNull(host);
            Assert.True(await DockerEngine.AnswersAsync(host, TimeSpan.FromSeconds(10)), $"{host} does not answer");
            // Its images and layers live under the state directory, so they survive StopServices.
            Assert.True(Directory.Exists(Path.Combine(state.Path, "docker", "image")), "no data root under the state directory");
        }
        finally
        {
            await services.StopAsync();
        }

        Assert.False(LocalServices.IsRunning(docker));
        Assert.False(await DockerEngine.AnswersAsync(new Uri(docker.Url), TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public async Task StartAsync_AllAlreadyRunningAndHealthy_KeepsThemAndStartsNothing()
    {
        using var state = new TempDirectory("services");
        await WithStartedServicesAsync(state, async (services, first) =>
        {
            var second = await services.StartAsync();

            Assert.True(second.AllAlreadyRunning);
            Assert.Equal(first.Services, second.Services);
            Assert.Equal(first.Services, LocalServicesState.Read(services.StatePath)!.Services);
            Assert.All(second.Services, s => Assert.True(LocalServices.IsRunning(s), s.Name));
        });
    }

    [Fact]
    public async Task StartAsync_OneServiceDied_RestartsOnlyThatOneOnItsPort()
    {
        using var state = new TempDirectory("services");
        var stopped = await WithStartedServicesAsync(state, async (services, first) =>
        {
            var redis = Kill(first, "redis");

            var second = await services.StartAsync();

            Assert.Equal(["redis"], second.Started);
            var restarted = second.Services.Single(s => s.Name == "redis");
            Assert.NotEqual(redis.Pid, restarted.Pid);
            Assert.Equal(redis.Port, restarted.Port);
            Assert.True(LocalServices.IsRunning(restarted));
            Assert.Equal(first.Services.Where(s => s.Name != "redis"), second.Services.Where(s => s.Name != "redis"));
            Assert.Equal(second.Services, LocalServicesState.Read(services.StatePath)!.Services);
        });

        Assert.False(File.Exists(stopped.StatePath));
    }

    [Fact]
    public async Task StartAsync_DeadServicePortTakenMeanwhile_SaysWhatToDoAndLeavesTheOthersRunning()
    {
        using var state = new TempDirectory("services");
        await WithStartedServicesAsync(state, async (services, first) =>
        {
            var redis = Kill(first, "redis");
            var squatter = new TcpListener(IPAddress.Loopback, redis.Port);
            squatter.Start();
            try
            {
                var e = await Assert.ThrowsAsync<LocalServicesException>(() => services.StartAsync());

                Assert.StartsWith($"redis: port {redis.Port} on 127.0.0.1 is already in use", e.Message, StringComparison.Ordinal);
                Assert.Contains("StopServices then StartServices", e.Message, StringComparison.Ordinal);
                Assert.DoesNotContain('\n', e.Message);
            }
            finally
            {
                squatter.Stop();
            }

            var others = first.Services.Where(s => s.Name != "redis").ToList();
            Assert.All(others, s => Assert.True(LocalServices.IsRunning(s), s.Name));
            Assert.Equal(others, LocalServicesState.Read(services.StatePath)!.Services.Where(LocalServices.IsRunning));
        }, options => options with { StartTimeout = TimeSpan.FromSeconds(10) });
    }

    [Fact]
    public async Task StartAsync_MissingAlertmanagerConfig_ThrowsBeforeStartingAnything()
    {
        using var state = new TempDirectory("services");
        var services = new LocalServices(Options(state) with { AlertmanagerConfig = "alertmanager/missing.yml" }, TimeProvider.System);

        var e = await Assert.ThrowsAsync<LocalServicesException>(() => services.StartAsync());

        Assert.Contains("alertmanager/missing.yml", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(services.StatePath));
    }

    [Fact]
    public async Task StartAsync_PortTaken_FailsAndLeavesNothingRunning()
    {
        using var state = new TempDirectory("services");
        await using var redis = await RedisServer.StartAsync();
        var services = new LocalServices(Options(state) with { RedisPort = redis.Port, StartTimeout = TimeSpan.FromSeconds(10) }, TimeProvider.System);

        var e = await Assert.ThrowsAsync<LocalServicesException>(() => services.StartAsync());

        Assert.StartsWith($"redis: port {redis.Port} on 127.0.0.1 is already in use", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(services.StatePath));
    }

    [Fact]
    public async Task StartAsync_RegistryPortTaken_FailsNamingPortAndEdgeriskRegistryBeforeStartingAnything()
    {
        using var state = new TempDirectory("services");
        var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            var port = ((IPEndPoint)taken.LocalEndpoint).Port;
            var services = new LocalServices(Options(state) with { RegistryPort = port }, TimeProvider.System);

            var e = await Assert.ThrowsAsync<LocalServicesException>(() => services.StartAsync());

            Assert.Equal(
                $"registry: port {port} on 127.0.0.1 is already in use (AddressAlreadyInUse); stop what listens there, or give the local registry a free port: " +
                "set EDGERISK_REGISTRY=127.0.0.1:<port> in .env or the environment",
                e.Message);
            Assert.False(File.Exists(services.StatePath));
            Assert.False(Directory.Exists(Path.Combine(state.Path, "logs")), "a service was launched");
        }
        finally
        {
            taken.Stop();
            await new LocalServices(Options(state), TimeProvider.System).StopAsync();
        }
    }

    [Fact]
    public void Render_StagingConfig_MovesTargetsAndAnchorsRuleFiles()
    {
        var yaml = PrometheusConfigRenderer.Render(RepositoryRoot.Combine("prometheus", "prometheus.yml"),
            new Dictionary<string, int> { ["edgerisk-crypto"] = 19101, ["prometheus"] = 19090 }, 19093);

        Assert.Contains("127.0.0.1:19101", yaml, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:19090", yaml, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:19093", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1:9101'", yaml, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:9102", yaml, StringComparison.Ordinal);
        Assert.Contains(RepositoryRoot.Combine("prometheus", "rules") + "/*.yml", yaml, StringComparison.Ordinal);
    }

    /// <summary>Starts the services with their state in <paramref name="state"/>, runs <paramref name="body"/> and stops them whatever happens.</summary>
    private static async Task<LocalServices> WithStartedServicesAsync(TempDirectory state, Func<LocalServices, LocalServicesStart, Task> body,
        Func<LocalServicesOptions, LocalServicesOptions>? adjust = null)
    {
        var services = new LocalServices(adjust is null ? Options(state) : adjust(Options(state)), TimeProvider.System);
        try
        {
            await body(services, await services.StartAsync());
        }
        finally
        {
            await services.StopAsync();
        }

        return services;
    }

    /// <summary>SIGKILLs the named service (nothing flushed) and waits until it is gone.</summary>
    private static LocalServiceProcess Kill(LocalServicesStart started, string name)
    {
        var service = started.Services.Single(s => s.Name == name);
        using var process = Process.GetProcessById(service.Pid);
        process.Kill();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), $"{name} did not exit after SIGKILL");
        return service;
    }

    // Every port free, the registry's included (its default, .env's 5057, may be taken on a shared machine).
    private static LocalServicesOptions Options(TempDirectory state) => new()
    {
        RepositoryRoot = RepositoryRoot.Path,
        StateDirectory = state.Path,
        RegistryPort = 0,
    };

    private sealed class StateComparer : IEqualityComparer<LocalServicesState?>
    {
        public bool Equals(LocalServicesState? x, LocalServicesState? y) =>
            x is not null && y is not null && x.Services.SequenceEqual(y.Services);

        public int GetHashCode(LocalServicesState obj) => obj.Services.Count;
    }
}

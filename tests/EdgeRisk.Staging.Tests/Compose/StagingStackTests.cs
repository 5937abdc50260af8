using Docker.DotNet.Models;
using EdgeRisk.Evidence.Prometheus;
using EdgeRisk.Release.Staging;

namespace EdgeRisk.Staging.Tests.Compose;

/// <summary>
/// The real staging stack on an isolated dockerd: images built and pushed to the test registry (the published trading
/// core), deployed as StageDeploy does it (checked in the registry, pulled, up) with docker-compose.staging.yml and every
/// port moved to a free one; health, metrics, a crash, the runbook's
/// <c>docker exec trading-core python scripts/report_pnl.py</c>, and a clean teardown.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class StagingStackTests(DockerEngineFixture engine)
{
    private static readonly string[] Services = ["edgerisk-crypto", "edgerisk-stocks", "redis", "prometheus", "alertmanager"];

    [Fact]
    public async Task UpAsync_StagingStack_HealthyScrapedRestartedReportedAndRemoved()
    {
        await engine.EnsureAllImagesAsync();
        using var config = new TempDirectory("stack");
        var ports = StagingConfiguration.FreePorts();
        var environment = StagingConfiguration.Write(config, ports, engine.Registry.Address);
        environment["DOCKER_HOST"] = engine.Daemon.DockerHost;
        var project = "edgerisk-it-" + Guid.NewGuid().ToString("N")[..8];
        var stack = new ComposeStack(new ComposeOptions
        {
            ProjectName = project,
            WorkingDirectory = RepositoryRoot.Path,
            Environment = environment,
            CommandTimeout = TimeSpan.FromMinutes(3),
        });
        using var health = StackHealth.Connect(project, TimeProvider.System, engine.Daemon.DockerHost);
        using var docker = engine.CreateClient();
        try
        {
            var images = await stack.DeployAsync(engine.ReleaseImages, DockerEngineFixture.Version);
            Assert.True(images.Passed, images.Problem);
            var healthy = await health.WaitUntilHealthyAsync(Services, TimeSpan.FromSeconds(90));
            Assert.All(healthy, s => Assert.Equal(0, s.RestartCount));

            var metrics = await ScrapeUntilAsync(ports["CRYPTO_METRICS_PORT"], ["var_pct", "pnl_usd"], TimeSpan.FromSeconds(60));
            Assert.Contains("\nvar_pct ", "\n" + metrics, StringComparison.Ordinal);
            Assert.Contains("\npnl_usd{", "\n" + metrics, StringComparison.Ordinal);

            // A crash as the engine sees one: the app process (child of the container's init) dies of SIGKILL.
            // (`docker kill` would be a manual stop, which restart policies deliberately ignore.)
            var before = await docker.Containers.InspectContainerAsync("trading-core");
            KillAppProcess(before.State.Pid);
            var after = await WaitForRestartAsync(docker, "trading-core", TimeSpan.FromSeconds(60));
            Assert.Equal(1, after.RestartCount);
            Assert.False(after.State.OOMKilled);
            await health.WaitUntilHealthyAsync(["edgerisk-crypto"], TimeSpan.FromSeconds(60));

            var api = PrometheusClientFactory.Create(new Uri($"http://127.0.0.1:{ports["PROMETHEUS_PORT"].ToString(CultureInfo.InvariantCulture)}/"), timeout: TimeSpan.FromSeconds(5));
            using var http = api.Client;
            var prometheus = new PrometheusQueryClient(api);
            var queries = DashboardPanels.ReadQueries(RepositoryRoot.Combine("grafana", "edge_risk.json"));
            var checks = await new DashboardQueryChecker(prometheus, TimeProvider.System).CheckAsync(queries);
            Assert.All(checks, c => Assert.True(c.Succeeded, $"{c.ExecutedExpr}: {c.Error}"));

            var (exitCode, stdout, stderr) = await engine.DockerAsync("exec", "trading-core", "python", "scripts/report_pnl.py");
            var line = Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.True((exitCode == 0 && (line.StartsWith("OK ", StringComparison.Ordinal) || line.StartsWith("WAITING ", StringComparison.Ordinal)))
                || (exitCode == 1 && line.StartsWith("FAIL ", StringComparison.Ordinal)),
                $"exit {exitCode}: {stdout}{stderr}");
        }
        finally
        {
            await stack.DownAsync(removeVolumes: true);
        }

        Assert.Empty(await health.GetStatusAsync());
        var left = await docker.Containers.ListContainersAsync(new ContainersListParameters { All = true });
        Assert.Empty(left);
        var volumes = await docker.Volumes.ListAsync();
        Assert.DoesNotContain(volumes.Volumes ?? [], v => v.Name.StartsWith(project, StringComparison.Ordinal));
    }

    private static async Task<string> ScrapeUntilAsync(int port, string[] names, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTimeOffset.UtcNow + timeout;
        var text = string.Empty;
        while (DateTimeOffset.UtcNow < deadline)
        {
            text = await http.GetStringAsync(new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/metrics"));
            if (names.All(n => text.Contains("\n" + n, StringComparison.Ordinal) || text.StartsWith(n, StringComparison.Ordinal)))
            {
                return text;
            }

            await Task.Delay(250);
        }

        return text;
    }

    private static void KillAppProcess(long initPid)
    {
        var pid = initPid.ToString(CultureInfo.InvariantCulture);
        var children = File.ReadAllText($"/proc/{pid}/task/{pid}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var app = int.Parse(Assert.Single(children), CultureInfo.InvariantCulture);
        System.Diagnostics.Process.GetProcessById(app).Kill();
    }

    private static async Task<ContainerInspectResponse> WaitForRestartAsync(Docker.DotNet.DockerClient docker, string container, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var inspect = await docker.Containers.InspectContainerAsync(container);
            if ((inspect.RestartCount > 0 && inspect.State.Running) || DateTimeOffset.UtcNow > deadline)
            {
                return inspect;
            }

            await Task.Delay(200);
        }
    }
}

using EdgeRisk.Nuke;
using EdgeRisk.Release.DryRun;
using EdgeRisk.Release.Git;
using EdgeRisk.Release.Images;
using EdgeRisk.Release.Staging;
using Spectre.Console;

namespace EdgeRisk.Build;

// Runbook §2: the stack up and healthy — local services as processes, or the staging compose stack.
partial class Build
{
    static readonly string[] StagingServices = ["edgerisk-crypto", "edgerisk-stocks", "redis", "prometheus", "alertmanager"];

    Target StartServices => _ => _
        .Requires(() => RegistryGiven())
        .Description("Starts Redis, Prometheus and Alertmanager (local profile: processes on 127.0.0.1, with the image registry of EDGERISK_REGISTRY; staging: those compose services)")
        .DependsOn(InstallDeps)
        .Executes(async () =>
        {
            if (!IsLocalProfile)
            {
                string[] services = ["redis", "prometheus", "alertmanager"];
                await StagingStack().UpAsync(services);
                using var health = StackHealth.Connect("edgerisk", TimeProvider);
                AnsiConsole.Write(StackHealth.RenderTable(await health.WaitUntilHealthyAsync(services, TimeSpan.FromMinutes(5))));
                Log.Information(LocalServices.GrafanaSource(localProfile: false));
                return;
            }

            var start = await new LocalServices(LocalServicesSettings, TimeProvider).StartAsync();
            foreach (var service in start.Services)
            {
                Log.Information($"{service.Name,-13} pid {service.Pid,-7} {service.Url}  {(start.WasStarted(service) ? "started" : "already running, ready")}");
            }

            Log.Information(start.AllAlreadyRunning ? "Local services are up (started earlier, e.g. by StageDeploy): nothing to start" : $"Started {string.Join(", ", start.Started)}");
            Log.Information(LocalServices.GrafanaSource(localProfile: true));
        });

    Target StopServices => _ => _
        .Description("Stops the services (the local registry included; its images stay) and the dry-run Prometheus that this build started (by pid)")
        .AssuredAfterFailure()
        .Executes(async () =>
        {
            // By the pids in state.json only: a bad EDGERISK_REGISTRY must not keep anything running.
            var stopped = await new LocalServices(new LocalServicesOptions { RepositoryRoot = RootDirectory }, TimeProvider).StopAsync();
            Log.Information($"Stopped {stopped.Count} local services");
            if (await LocalDryRun.StopPrometheusAsync(DryRunDirectory, TimeProvider))
            {
                Log.Information("Stopped the dry-run Prometheus");
            }
        });

    Target StageDeploy => _ => _
        .Description("§2: the stack up and healthy (local: services as processes and the image registry; staging: the images checked in EDGERISK_REGISTRY, then docker-compose pull and up on the engine)")
        .DependsOn(InstallDeps, Tag)
        .DependsOn<ICompile>(x => x.Compile)
        .Requires(() => RegistryGiven())
        .Requires(() => ReleaseVersion, ReleaseVersionProblem)
        .OnlyWhenDynamic(() => !AlreadyPromoted)
        .Executes(async () =>
        {
            if (!IsLocalProfile)
            {
                // Every image checked in the registry first: a missing one stops here, before anything is pulled or started.
                var images = await StagingStack().DeployAsync(StackImages(), Release.Core);
                Log.Information(images.Line());
                using var health = StackHealth.Connect("edgerisk", TimeProvider);
                AnsiConsole.Write(StackHealth.RenderTable(await health.WaitUntilHealthyAsync(StagingServices, TimeSpan.FromMinutes(5))));
                return;
            }

            var start = await new LocalServices(LocalServicesSettings, TimeProvider).StartAsync();
            var started = start.AllAlreadyRunning ? "already running" : $"started {string.Join(", ", start.Started)}";
            Log.Information($"Local stack up ({started}): {string.Join(", ", start.Services.Select(s => $"{s.Name} {s.Url}"))}");
        });

    /// <summary>The local services, with the image registry on EDGERISK_REGISTRY's port when that registry is on this machine.</summary>
    LocalServicesOptions LocalServicesSettings => new()
    {
        RepositoryRoot = RootDirectory,
        RegistryPort = StackRegistry.IsLoopback ? StackRegistry.Port ?? 80 : null,
        DockerEngine = OwnDockerEngineNeeded(),
    };

    /// <summary>
    /// The local profile's image builds need a Docker engine: when DOCKER_HOST names none and the default one does not
    /// answer, the local services include an own one (dockerd needs root; otherwise BuildImages names the fix).
    /// </summary>
    bool OwnDockerEngineNeeded() =>
        IsLocalProfile && Environment.UserName == "root" && Environment.GetEnvironmentVariable(DockerEngine.HostVariable) is not { Length: > 0 }
        && !DockerEngine.AnswersAsync(DockerEngine.DefaultHost, TimeSpan.FromSeconds(2)).GetAwaiter().GetResult();

    /// <summary>The staging stack on this engine, its images from EDGERISK_REGISTRY at the release version.</summary>
    ComposeStack StagingStack() =>
        new(new ComposeOptions
        {
            ProjectName = "edgerisk",
            ComposeFile = RootDirectory / "docker-compose.staging.yml",
            WorkingDirectory = RootDirectory,
            Environment = new Dictionary<string, string>
            {
                [ImageRegistry.Variable] = StackRegistry.ToString(),
                [ComposeStack.VersionVariable] = Release.Core,
            },
        });
}

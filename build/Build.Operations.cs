using EdgeRisk.Nuke;
using EdgeRisk.Release.Dashboards;
using EdgeRisk.Release.Docker;
using EdgeRisk.Release.GitHub;
using EdgeRisk.Release.Grafana;
using EdgeRisk.Release.Images;
using EdgeRisk.Release.Outbox;
using EdgeRisk.Release.Promotion;
using EdgeRisk.Release.Staging;
using Spectre.Console;
using static EdgeRisk.Nuke.Tooling.DotNetTasks;

namespace EdgeRisk.Build;

// Runbook §2–§4 operations a release engineer runs by hand (make live-crypto, make verify-dashboards, make install-cron).
partial class Build
{
    [Parameter("Metrics port of a LiveCrypto/LiveStocks run (default 9101/9102, the ports the local Prometheus scrapes; 0: a free port the OS chooses, logged by the process)")]
    public int? MetricsPort { get; set; }

    [Parameter("LiveCrypto/LiveStocks: resume the books from the Redis journal (resume) or start a new run flat (fresh)")]
    public string Journal { get; set; } = "resume";

    Target LiveCrypto => _ => _
        .Description("§3: the crypto trading process (BTC-USD, ETH-USD); local: replay on a virtual clock (--speed, --duration)")
        .DependsOn(Compile)
        .Requires(() => Configuration, ConfigurationProblem)
        .Requires(() => Speed, SpeedProblem)
        .Requires(() => Duration, DurationProblem)
        .Requires(() => MetricsPort, MetricsPortProblem)
        .Requires(() => Journal, JournalProblem)
        .Requires(() => Config, _ => TradingConfigProblem())
        .Executes(() => RunTradingProcess("edgerisk-crypto", "BTC-USD,ETH-USD", MetricsPort ?? 9101));

    Target LiveStocks => _ => _
        .Description("§3: the stocks trading process (NVDA, synthetic replay tape)")
        .DependsOn(Compile)
        .Requires(() => Configuration, ConfigurationProblem)
        .Requires(() => Speed, SpeedProblem)
        .Requires(() => Duration, DurationProblem)
        .Requires(() => MetricsPort, MetricsPortProblem)
        .Requires(() => Journal, JournalProblem)
        .Requires(() => Config, _ => TradingConfigProblem())
        .Executes(() => RunTradingProcess("edgerisk-stocks", "NVDA", MetricsPort ?? 9102));

    [Parameter("Grafana datasource uid the dashboards' ${datasource} resolves to (VerifyDashboards in staging)")]
    public string GrafanaDatasourceUid { get; set; } = "prometheus";

    Target VerifyDashboards => _ => _
        .Description("§2: every Edge-Risk panel's newest sample is < 2 s behind now — locally on the StartServices Prometheus or --prometheus-url, in staging " +
            "through Grafana's data source proxy, where the dashboard must also be the file's and every panel query return data")
        .Requires(() => DashboardSourceGiven())
        .Requires(() => PrometheusUrl, url => HttpUrlProblem(url, "http://127.0.0.1:9090"))
        .Requires(() => Dashboard, dashboard => FileProblem(dashboard, "grafana/edge_risk.json"))
        .Requires(() => GrafanaDatasourceUid, uid => NotEmptyProblem(uid, "prometheus"))
        .Requires(() => GrafanaUrl, url => HttpUrlProblem(url, "https://grafana.example.com"))
        .Executes(async () =>
        {
            // Staging without --prometheus-url: the same freshness queries, asked through Grafana (its credentials,
            // its network path to the datasource), so what is checked is what the dashboards see.
            var grafana = IsLocalProfile ? null : Settings.Grafana();
            using var http = grafana is null ? new HttpClient { Timeout = TimeSpan.FromSeconds(10) } : GrafanaClientFactory.CreateHttpClient(grafana);
            var source = PrometheusUrl is not null ? new Uri(PrometheusUrl)
                : grafana is null ? new Uri(LocalServicesPrometheus()!)
                : GrafanaClientFactory.DatasourceProxyUrl(grafana, GrafanaDatasourceUid);
            var verifier = new DashboardVerifier(new PrometheusQueryClient(http, source), TimeProvider);
            var report = await verifier.VerifyAsync([RootDirectory / Dashboard]);
            AnsiConsole.Write(report.ToTable());
            if (!report.Passed)
            {
                throw new InvalidOperationException("Dashboards do not refresh within 2 s: see the lag table above.");
            }

            if (grafana is not null)
            {
                await VerifyInGrafanaAsync(grafana);
            }
        });

    bool DashboardSourceGiven()
    {
        if (!IsLocalProfile)
        {
            return Configured(ReleaseService.Grafana);
        }

        return PrometheusUrl is not null || LocalServicesPrometheus() is not null
            ? true
            : throw new BuildConfigurationException("VerifyDashboards needs the Prometheus behind the dashboards: run 'make start-services' (and 'make live-crypto' for data) or pass --prometheus-url URL.");
    }

    /// <summary>The local profile's Prometheus (make start-services), which scrapes LiveCrypto/LiveStocks; null when not running.</summary>
    string? LocalServicesPrometheus() =>
        LocalServicesState.Read(ServicesState)?.Services.FirstOrDefault(s => s.Name == "prometheus" && LocalServices.IsRunning(s))?.Url;

    /// <summary>Staging: the imported dashboard is the file's, and each panel query returns data through Grafana's /api/ds/query.</summary>
    async Task VerifyInGrafanaAsync(GrafanaOptions options)
    {
        var grafana = GrafanaClientFactory.Create(options);
        var verification = await new GrafanaDashboardVerifier(grafana, new DashboardVerifierOptions { DatasourceUid = GrafanaDatasourceUid })
            .VerifyAsync(RootDirectory / Dashboard);
        var table = new Table().AddColumns("panel", "query", "status", "points", "reason");
        foreach (var q in verification.Queries)
        {
            table.AddRow(Markup.Escape(q.Panel), Markup.Escape(q.RefId), q.Status.ToString(), q.Points.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(q.Reason ?? string.Empty));
        }

        AnsiConsole.Write(table);
        Log.Information($"Grafana dashboard {verification.Uid}: present {verification.Present}, matches {Dashboard} {verification.MatchesFile}, verdict {verification.Status}");
        if (verification.Status != VerificationStatus.Pass)
        {
            throw new InvalidOperationException($"Grafana dashboard {verification.Uid} verification {verification.Status}: " +
                (!verification.Present ? "not imported — run ./build.sh ImportDashboards" : !verification.MatchesFile ? $"it differs from {Dashboard} — run ./build.sh ImportDashboards" : "a panel query returned no data (table above)"));
        }
    }

    [Parameter("GitHub token (staging: release PR, workflow check, GitHub release)"), Secret]
    public string? GitHubToken { get; set; }

    [Parameter("Grafana service-account token (staging)"), Secret]
    public string? GrafanaToken { get; set; }

    [Parameter("PagerDuty Events v2 routing key: the staging dry run's health watchdog pages with it (staging)"), Secret]
    public string? PagerdutyRoutingKey { get; set; }

    [Parameter("Jira API token of --jira-email (staging status updates)"), Secret]
    public string? JiraApiToken { get; set; }

    [Parameter("Registry of the stack's images, host[:port][/namespace] (default: EDGERISK_REGISTRY in .env, the local registry)", Name = "EdgeriskRegistry")]
    public string? Registry { get; set; }

    static readonly HttpClient RegistryHttp = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>EDGERISK_REGISTRY (--edgerisk-registry or the environment), else the value .env gives compose.</summary>
    ImageRegistry StackRegistry => ImageRegistry.Parse(Registry ?? DotEnvFile.Read(RootDirectory / ".env").GetValueOrDefault(ImageRegistry.Variable));

    /// <summary>A Requires() check: EDGERISK_REGISTRY (flag, environment or .env) names a registry; otherwise exit 2 naming it and the valid form.</summary>
    bool RegistryGiven()
    {
        try
        {
            _ = StackRegistry;
            return true;
        }
        catch (ArgumentException e)
        {
            throw new BuildConfigurationException($"{e.Message} (set it with --edgerisk-registry, in the environment or in .env)", e);
        }
    }

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

    /// <summary>The engine BuildImages builds on: DOCKER_HOST, else the local services' own engine, else the default one — and it must answer.</summary>
    async Task<Uri> ImageBuildEngineAsync()
    {
        var engine = Environment.GetEnvironmentVariable(DockerEngine.HostVariable) is { Length: > 0 } given ? new Uri(given)
            : LocalServices.DockerHostOf(LocalServicesState.Read(ServicesState)) ?? DockerEngine.DefaultHost;
        return await DockerEngine.AnswersAsync(engine, TimeSpan.FromSeconds(10), Cancellation)
            ? engine
            : throw new InvalidOperationException(
                $"No Docker engine answers at {engine}: run ./build.sh StartServices (as root it starts one for the image builds), start Docker, or set DOCKER_HOST.");
    }

    /// <summary>The stack's images in EDGERISK_REGISTRY; ghcr.io is read with GITHUB_TOKEN.</summary>
    ReleaseImages StackImages() => new(StackRegistryClient(), StackRegistry);

    RegistryClient StackRegistryClient() =>
        new(RegistryHttp, !StackRegistry.IsLoopback && Settings.Get(GitHubOptions.TokenVariable) is { } token
            ? new RegistryCredentials(Environment.GetEnvironmentVariable("GITHUB_ACTOR") ?? "edgerisk", new Secret(token))
            : null);

    Target BuildImages => _ => _
        .Description("Builds the stack's images, labelled with the commit, and pushes them to EDGERISK_REGISTRY (local: the registry of StartServices; " +
            "the docker.yml workflow: ghcr.io/<owner>); staging runs it there, not here")
        .DependsOn(InstallDeps)
        .After(Tag, StageDeploy)
        .Requires(() => RegistryGiven())
        .OnlyWhenDynamic(() => IsLocalProfile)
        .Executes(async () =>
        {
            var options = new ImagePublisherOptions
            {
                RepositoryRoot = RootDirectory,
                Registry = StackRegistry,
                Version = Release.Core,
                Revision = await Repository.HeadCommitAsync(),
                Environment = new Dictionary<string, string> { [DockerEngine.HostVariable] = (await ImageBuildEngineAsync()).AbsoluteUri },
            };
            var images = await new ImagePublisher(options, StackRegistryClient()).PublishAsync(line => Log.Information(line));
            Log.Information(images.Line());
        });

    Target InstallCron => _ => _
        .Description("§4: installs deploy/crontab (12-hourly PnL and memory reports) into the user's crontab, idempotently")
        .DependsOn(InstallDeps)
        .Executes(() => EdgeRisk.Nuke.Tooling.ProcessTasks.StartProcess("bash", $"\"{RootDirectory / "scripts" / "install-cron.sh"}\"", RootDirectory).AssertZeroExitCode());

    void RunTradingProcess(string job, string symbols, int metricsPort)
    {
        var redis = LocalServicesState.Read(ServicesState)?.Services.SingleOrDefault(s => s.Name == "redis")
            ?? throw new InvalidOperationException("Redis is not running: run 'make start-services' first.");
        DotNet($"\"{TradingHost}\" live --profile {Profile} --symbols {symbols} --speed {Speed} --duration {DurationText.Format(Duration)} " +
               $"--metrics-port {metricsPort} --redis 127.0.0.1:{redis.Port} --job {job} --journal {Journal} --config \"{ConfigDirectory}\" {string.Join(' ', SkipBadFilesArguments)}", RootDirectory);
    }
}

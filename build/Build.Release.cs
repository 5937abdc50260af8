using System.Text.Json;
using EdgeRisk.Nuke;
using EdgeRisk.Nuke.IO;
using EdgeRisk.Release.DryRun;
using EdgeRisk.Release.Gates;
using EdgeRisk.Release.Git;
using EdgeRisk.Release.GitHub;
using EdgeRisk.Release.Grafana;
using EdgeRisk.Release.Images;
using EdgeRisk.Release.Jira;
using EdgeRisk.Release.Outbox;
using EdgeRisk.Release.PagerDuty;
using EdgeRisk.Release.Promotion;
using EdgeRisk.Release.Staging;
using Octokit;
using Spectre.Console;
using static EdgeRisk.Nuke.Tooling.DotNetTasks;

namespace EdgeRisk.Build;

// The release work order: Tag → ReleasePr, StageDeploy → ImportDashboards → DryRun → EvaluateGates → Promote.
// Local profile (default): bare repository under artifacts/ as the remote, services as local processes,
// replay on a virtual clock, SaaS calls recorded to artifacts/release/outbox/.
// Staging: every staging-only step names the variables it is missing in one error (exit 2) before anything runs.
partial class Build
{
    [Parameter("Release version, leading v optional: 0.4.0 tags the next free rc v0.4.0-rcN (a re-run reuses it), 0.4.0-rc3 tags that rc; the GA tag is v0.4.0")]
    public string ReleaseVersion { get; set; } = "0.4.0";

    [Parameter("Dry-run length in (virtual, in the local profile) time")]
    public TimeSpan Duration { get; set; } = TimeSpan.FromHours(48);

    [Parameter("Grafana dashboard to import")]
    public string Dashboard { get; set; } = "grafana/edge_risk.json";

    [Parameter("Grafana alert rule group to import")]
    public string? AlertRules { get; set; } = "grafana/model_switch_alert.json";

    [Parameter("GitHub logins of the release PR's PM and QA reviewers (staging: required; local: pm, qa)")]
    public string[] Reviewers { get; set; } = [];

    [Parameter("Jira issue that gets the release status comment (the release-v0.4.0 ticket)")]
    public string JiraIssue { get; set; } = PromotionOptions.DefaultJiraIssue;

    [Parameter("GitHub repository owner/name (staging)")]
    public string? GitHubRepository { get; set; }

    [Parameter("Grafana URL (staging), e.g. https://grafana.example.com")]
    public string? GrafanaUrl { get; set; }

    [Parameter("Jira site URL (staging), e.g. https://yourteam.atlassian.net")]
    public string? JiraUrl { get; set; }

    [Parameter("Jira account email that owns --jira-api-token (staging)")]
    public string? JiraEmail { get; set; }

    [Parameter("Docker engine of production for the GA deploy (staging), e.g. ssh://deploy@prod-host")]
    public string? ProductionDockerHost { get; set; }

    [Parameter("Exchange API key for production, passed to compose as EDGERISK_EXCHANGE_API_KEY (staging)"), Secret]
    public string? ExchangeApiKey { get; set; }

    [Parameter("Exchange API secret for production, passed to compose as EDGERISK_EXCHANGE_API_SECRET (staging)"), Secret]
    public string? ExchangeApiSecret { get; set; }

    [Parameter("ReportStatus: also post the status as the Jira comment (updated in place)")]
    public bool Post { get; set; }

    static readonly string[] LocalReviewers = ["pm", "qa"];
    static readonly string[] StagingServices = ["edgerisk-crypto", "edgerisk-stocks", "redis", "prometheus", "alertmanager"];

    /// <summary>--release-version as a release; bad text stops the target with one line naming the flag (exit 2).</summary>
    EdgeRisk.Release.Git.ReleaseVersion Release =>
        EdgeRisk.Release.Git.ReleaseVersion.TryParse(ReleaseVersion, out var version)
            ? version
            : throw new BuildConfigurationException($"--release-version '{ReleaseVersion}' is not a release version: use {EdgeRisk.Release.Git.ReleaseVersion.Expected}");

    AbsolutePath ReleaseDirectory => new(PromotionOptions.ReleaseDirectoryOf(ArtifactsDirectory, Release));
    AbsolutePath OutboxDirectory => ArtifactsDirectory / "release" / "outbox";
    AbsolutePath ServicesState => ArtifactsDirectory / "services" / "state.json";
    AbsolutePath PnlStats => ArtifactsDirectory / "sim" / "pnl_stats.json";
    AbsolutePath TradingHost => RootDirectory / "src" / "EdgeRisk.Trading.Host" / "bin" / Configuration / "net10.0" / "edgerisk-trading.dll";
    bool IsLocalProfile => Profile == "local";
    string GaTag => Release.GaTag;
    bool AlreadyPromoted => PromotionService.IsPromotedAsync(Repository, PromotionOptions).GetAwaiter().GetResult();
    GitRepository Repository => new(RootDirectory);
    string ReleaseRemote => IsLocalProfile ? "edgerisk-local" : "origin";

    PromotionOptions PromotionOptions => new()
    {
        Version = Release,
        ReleaseDirectory = ReleaseDirectory,
        GatesDirectory = GatesDirectory,
        Profile = Profile,
        // Promote and ReportStatus check the --gates file before any target runs; the targets that only ask whether the
        // release is promoted do not read the verdict.
        GatesFileSha256 = GatesFileChecked ? GateSettings.Source.Sha256 : null,
        RecordedToOutbox = IsLocalProfile,
        Remote = ReleaseRemote,
        LocalRemoteDirectory = IsLocalProfile ? (string)(ArtifactsDirectory / "origin.git") : null,
        JiraIssue = JiraIssue,
    };

    /// <summary>Staging settings: the environment, overridden by the parameters that stand for the same variables.</summary>
    ReleaseSettings Settings => new(Environment.GetEnvironmentVariable, new Dictionary<string, string?>
    {
        [GitHubOptions.TokenVariable] = GitHubToken,
        [GitHubOptions.RepositoryVariable] = GitHubRepository,
        [GrafanaOptions.UrlVariable] = GrafanaUrl,
        [GrafanaOptions.TokenVariable] = GrafanaToken,
        [JiraOptions.UrlVariable] = JiraUrl,
        [JiraOptions.EmailVariable] = JiraEmail,
        [JiraOptions.TokenVariable] = JiraApiToken,
        [PagerDutyOptions.RoutingKeyVariable] = PagerdutyRoutingKey,
        [ReleaseSettings.ProductionDockerHostVariable] = ProductionDockerHost,
    });

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
            if (await StopDryRunPrometheusAsync())
            {
                Log.Information("Stopped the dry-run Prometheus");
            }
        });

    Target Tag => _ => _
        .Description("§1: local main fast-forwarded to develop, annotated rc tag, only the tag pushed (local: bare repo under artifacts/)")
        .Requires(() => ReleaseVersion, ReleaseVersionProblem)
        .OnlyWhenDynamic(() => !AlreadyPromoted)
        .Executes(async () =>
        {
            var repository = Repository;
            if (IsLocalProfile && await repository.ResolveCommitAsync("refs/heads/develop") is null)
            {
                // A fresh clone has only main: locally the release candidate is the commit at hand.
                await repository.RunCheckedAsync(["branch", "develop", "HEAD"]);
                Log.Information("Local profile: created branch develop at HEAD (the release candidate)");
            }

            var options = new TagReleaseOptions
            {
                Version = Release,
                Remote = ReleaseRemote,
                LocalRemoteDirectory = IsLocalProfile ? (string)(ArtifactsDirectory / "origin.git") : null,
            };
            var result = await new TagService(repository).TagReleaseAsync(options);
            Log.Information($"{result.Tag} on {result.Commit[..12]}: {result.Outcome} (remote {result.Remote})");
            WriteEvidence("tag.json", JsonSerializer.Serialize(new { result.Tag, result.Commit, Outcome = result.Outcome.ToString(), result.Remote }));
        });

    Target StageDeploy => _ => _
        .Description("§2: the stack up and healthy (local: services as processes and the image registry; staging: the images checked in EDGERISK_REGISTRY, then docker-compose pull and up on the engine)")
        .DependsOn(InstallDeps, Tag, Compile)
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

    Target ImportDashboards => _ => _
        .Description("§2: Grafana dashboard and alert rules imported idempotently (local: recorded to the outbox)")
        .DependsOn(StageDeploy)
        .Requires(() => Configured(ReleaseService.Grafana))
        .Requires(() => ReleaseVersion, ReleaseVersionProblem)
        .Requires(() => Dashboard, dashboard => FileProblem(dashboard, "grafana/edge_risk.json"))
        .Requires(() => AlertRules, rules => FileProblem(rules, "grafana/model_switch_alert.json"))
        .Requires(() => GrafanaUrl, url => HttpUrlProblem(url, "https://grafana.example.com"))
        .OnlyWhenDynamic(() => !AlreadyPromoted)
        .Executes(async () =>
        {
            var (grafana, transport) = Grafana();
            using (transport)
            {
                var importer = new DashboardImporter(grafana, new DashboardImportOptions());
                var result = await importer.ImportAsync(RootDirectory / Dashboard, AlertRules is null ? null : (string)(RootDirectory / AlertRules));
                foreach (var item in result.Items)
                {
                    Log.Information($"{item.Kind,-15} {item.Status}");
                }

                Log.Information(result.ChangedAnything ? "Dashboards imported" : "Dashboards unchanged: nothing to do");
                if (IsLocalProfile)
                {
                    Log.Information($"Local profile: the Grafana calls were recorded to {OutboxDirectory}, not sent.");
                }
            }
        });

    /// <summary>The Grafana client: over real HTTP in staging, recorded to the outbox locally (dispose the transport).</summary>
    (IGrafanaApi Api, IDisposable? Transport) Grafana()
    {
        var options = IsLocalProfile
            ? new GrafanaOptions(new Uri("http://grafana.local/"), new Secret("local-profile"), null, null)
            : Settings.Grafana();
        var transport = IsLocalProfile ? new OutboxHandler(new OutboxRecorder(OutboxDirectory), new GrafanaOutboxResponder()) : null;
        return (GrafanaClientFactory.Create(options, transport), transport);
    }

    Target ReleasePr => _ => _
        .Description("§1: the release PR 'Promote v<version>-rcN to main' with the PM and QA reviewers (--reviewers); reuses an open one")
        .DependsOn(Tag)
        .Requires(() => Configured(ReleaseService.GitHub), () => ReviewersGiven())
        .Requires(() => ReleaseVersion, ReleaseVersionProblem)
        .Requires(() => GitHubRepository, GitHubRepositoryProblem)
        .OnlyWhenDynamic(() => !AlreadyPromoted)
        .Executes(async () =>
        {
            var repository = Repository;
            var head = await repository.ResolveCommitAsync("refs/heads/develop") ?? await repository.HeadCommitAsync();
            var candidate = await ReleaseStatusReporter.FindCandidateTagAsync(repository, Release, head)
                ?? throw new InvalidOperationException($"No release candidate tag {PromotionOptions.CandidateTagText} on develop head: run ./build.sh Tag first.");
            if (await PromotionService.IsOnMainAsync(repository, PromotionOptions, head))
            {
                // A resumed Promote: the promotion push already carried develop to main and merged the PR.
                Log.Information($"{GaTag} is already pushed to main at {head[..12]}: the release PR was merged by that push, nothing to open");
                return;
            }

            var request = new ReleasePullRequestOptions(candidate)
            {
                Reviewers = Reviewers.Length > 0 ? Reviewers : LocalReviewers,
                Body = $"Release candidate {candidate} ({head[..12]}): dry run, gates and GA promotion follow docs/runbook.md.",
            };
            var (github, options, transport) = GitHub();
            using (transport)
            {
                // Tag pushes only the rc tag, so develop carries the release's commits; if main already contains
                // develop, GitHub refuses the PR and the service says there is nothing to review.
                var result = await new ReleasePullRequestService(github, options).OpenAsync(request);
                PullRequestEvidence.Write(ReleaseDirectory, request, result, IsLocalProfile);
                var requested = result.ReviewersRequested.Count == 0 ? "reviewers already requested" : $"requested {string.Join(", ", result.ReviewersRequested)}";
                Log.Information($"'{request.Title}' #{result.Number} {(result.Created ? "opened" : "reused")}, {requested}: {result.Url}{NotSent("GitHub")}");
            }
        });

    Target Promote => _ => _
        .Description("§5: preflight (tokens, image build, the rc's images in the registry by digest, PASS verdict), then GA tag and main pushed in one atomic push, production deploy, GitHub release and Jira status; evidence in artifacts/release/v<version>/")
        .DependsOn(ReleasePr, BuildImages, DryRun, EvaluateGates)
        .Requires(
            () => RegistryGiven(),
            () => Configured(ReleaseService.GitHub),
            () => Configured(ReleaseService.Grafana),
            () => Configured(ReleaseService.Jira),
            () => Configured(ReleaseService.Production))
        .Requires(() => ReleaseVersion, ReleaseVersionProblem)
        .Requires(() => JiraIssue, JiraIssueProblem)
        .Requires(() => GitHubRepository, GitHubRepositoryProblem)
        .Requires(() => GrafanaUrl, url => HttpUrlProblem(url, "https://grafana.example.com"))
        .Requires(() => JiraUrl, url => HttpUrlProblem(url, "https://yourteam.atlassian.net"))
        .Requires(() => JiraEmail, EmailProblem)
        .Requires(() => ProductionDockerHost, DockerHostProblem)
        .Requires(() => GatesFileUsable())
        .Triggers(StopServices)
        .Executes(async () =>
        {
            var (github, gitHubOptions, githubTransport) = GitHub();
            var (jira, jiraTransport) = Jira();
            var (grafana, grafanaTransport) = Grafana();
            using (githubTransport)
            using (jiraTransport)
            using (grafanaTransport)
            {
                var annotator = new DeployAnnotator(grafana, GrafanaImportFiles.LoadDashboard(RootDirectory / Dashboard)["uid"]!.GetValue<string>());
                var integrations = new PromotionIntegrations(github, gitHubOptions, jira, Deployer(), StackImages()) { Pinger = Pinger(), Annotator = annotator };
                var result = await new PromotionService(Repository, integrations, PromotionOptions, TimeProvider, message => Log.Information(message))
                    .PromoteAsync();
                if (result.Outcome == PromotionOutcome.Promoted)
                {
                    foreach (var step in result.Steps)
                    {
                        Log.Information($"{step.Name,-18} {step.Duration.TotalSeconds,7:0.00} s  {step.Outcome}");
                    }

                    Log.Success($"Promoted {result.Tag}: {result.SummaryPath}");
                }
            }
        });

    Target ReportStatus => _ => _
        .Description("The release status (rc tag, image build, gates, GA tag, deploy, GitHub release, PR) as posted to Jira; --post updates the Jira comment")
        .Requires(() => RegistryGiven(), () => Configured(ReleaseService.GitHub), () => !Post || Configured(ReleaseService.Jira))
        .Requires(() => GatesFileUsable())
        .Requires(() => ReleaseVersion, ReleaseVersionProblem)
        .Requires(() => JiraIssue, JiraIssueProblem)
        .Requires(() => GitHubRepository, GitHubRepositoryProblem)
        .Requires(() => JiraUrl, url => HttpUrlProblem(url, "https://yourteam.atlassian.net"))
        .Requires(() => JiraEmail, EmailProblem)
        .Executes(async () =>
        {
            var (github, gitHubOptions, githubTransport) = GitHub();
            using (githubTransport)
            {
                var options = PromotionOptions;
                options.Validate();
                var status = await new ReleaseStatusReporter(Repository, github, gitHubOptions, options, StackImages()).CollectAsync();
                if (!Post)
                {
                    Console.Out.Write(status.Render());
                    return;
                }

                status = (await ReleaseStatusReporter.PingAsync(status, Pinger())).Status;
                Console.Out.Write(status.Render());

                var (jira, jiraTransport) = Jira();
                using (jiraTransport)
                {
                    var comment = await new JiraStatusCommenter(jira).UpsertAsync(options.JiraIssue, JiraStatusCommenter.Marker(GaTag, "status"), status.Render());
                    Log.Information($"Jira {options.JiraIssue}: status comment {comment.Status} (id {comment.CommentId}){NotSent("Jira")}");
                }
            }
        });

    /// <summary>
    /// A Requires() check: true in the local profile; in staging, throws naming every missing variable of the service. Missing
    /// Grafana variables also page a PagerDuty warning (once per release), and the error says whether it was sent.
    /// </summary>
    bool Configured(ReleaseService service)
    {
        if (IsLocalProfile || Settings.Problem(service) is not { } problem)
        {
            return true;
        }

        // --plan only looks: it pages nobody.
        if (service == ReleaseService.Grafana && !IsPlanOnly && EdgeRisk.Release.Git.ReleaseVersion.TryParse(ReleaseVersion, out var version))
        {
            problem = ReleasePing.RefuseMissingGrafanaAsync(version.GaTag, problem, Pinger()).GetAwaiter().GetResult();
        }

        throw new BuildConfigurationException(problem);
    }

    /// <summary>Release pings: PagerDuty in staging (a line naming the missing routing key without one), the outbox locally.</summary>
    IReleasePinger Pinger() => PagerDutyReleasePinger.Create(IsLocalProfile, Settings, OutboxDirectory, ReleaseDirectory);

    bool ReviewersGiven() =>
        IsLocalProfile || Reviewers.Length > 0
            ? true
            : throw new BuildConfigurationException("ReleasePr in staging needs the PM and QA reviewers: pass --reviewers <pm-login> <qa-login> or set REVIEWERS");

    string NotSent(string service) => IsLocalProfile ? $" ({service} call recorded to {OutboxDirectory}, not sent)" : "";

    (IGitHubClient Client, GitHubOptions Options, OutboxHandler? Transport) GitHub()
    {
        if (!IsLocalProfile)
        {
            var options = Settings.GitHub();
            return (GitHubClientFactory.Create(options), options, null);
        }

        var local = new GitHubOptions("edgerisk", "edgerisk", new Secret("local-profile"));
        var transport = new OutboxHandler(new OutboxRecorder(OutboxDirectory), new GitHubOutboxResponder());
        return (GitHubClientFactory.Create(local, transport), local, transport);
    }

    (IJiraApi Client, OutboxHandler? Transport) Jira()
    {
        if (!IsLocalProfile)
        {
            return (JiraClientFactory.Create(Settings.Jira()), null);
        }

        var transport = new OutboxHandler(new OutboxRecorder(OutboxDirectory), new JiraOutboxResponder());
        return (JiraClientFactory.Create(new JiraOptions(new Uri("http://jira.local/"), "release@edgerisk.local", new Secret("local-profile")), transport), transport);
    }

    /// <summary>Staging: the staging compose file as project edgerisk-prod on production's engine, live keys in its environment only.</summary>
    IProductionDeployer Deployer()
    {
        if (IsLocalProfile)
        {
            return new LocalProfileDeployer();
        }

        var environment = new Dictionary<string, string>
        {
            ["DOCKER_HOST"] = Settings.ProductionDockerHost().ToString(),
            ["EDGERISK_VERSION"] = Release.Core,
            ["CRYPTO_PROFILE"] = "staging",
        };
        if (ExchangeApiKey is not null)
        {
            environment["EDGERISK_EXCHANGE_API_KEY"] = ExchangeApiKey;
        }

        if (ExchangeApiSecret is not null)
        {
            environment["EDGERISK_EXCHANGE_API_SECRET"] = ExchangeApiSecret;
        }

        return new ComposeProductionDeployer(new ComposeOptions
        {
            ProjectName = ComposeProductionDeployer.ProjectName,
            ComposeFile = RootDirectory / ComposeOptions.DefaultComposeFile,
            WorkingDirectory = RootDirectory,
            Environment = environment,
        }, StackImages());
    }

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

    void WriteEvidence(string name, string content)
    {
        ReleaseDirectory.CreateDirectory();
        (ReleaseDirectory / name).WriteAllText(content);
    }
}

using EdgeRisk.Nuke;
using EdgeRisk.Release.Git;
using EdgeRisk.Release.Grafana;
using EdgeRisk.Release.Jira;
using EdgeRisk.Release.Promotion;
using EdgeRisk.Release.Staging;

namespace EdgeRisk.Build;

// Runbook §5: the GA promotion, and the release status as posted to Jira.
partial class Build
{
    [Parameter("ReportStatus: also post the status as the Jira comment (updated in place)")]
    public bool Post { get; set; }

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
}

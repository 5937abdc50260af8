using EdgeRisk.Evidence.Gates;
using EdgeRisk.Nuke;
using EdgeRisk.Nuke.IO;
using EdgeRisk.Release.Git;
using EdgeRisk.Release.GitHub;
using EdgeRisk.Release.Grafana;
using EdgeRisk.Release.Jira;
using EdgeRisk.Release.Outbox;
using EdgeRisk.Release.PagerDuty;
using EdgeRisk.Release.Promotion;
using Octokit;

namespace EdgeRisk.Build;

// The release work order, one partial per step: Tag → ReleasePr (Build.Tag.cs), StageDeploy (Build.Stage.cs) →
// ImportDashboards (Build.Dashboards.cs) → DryRun (Build.DryRun.cs) → EvaluateGates (Build.Gates.cs) → Promote (Build.Promote.cs).
// This part holds what the steps share: the release, its directories and the staging settings and clients.
// Local profile (default): bare repository under artifacts/ as the remote, services as local processes,
// replay on a virtual clock, SaaS calls recorded to artifacts/release/outbox/.
// Staging: every staging-only step names the variables it is missing in one error (exit 2) before anything runs.
partial class Build
{
    [Parameter("Release version, leading v optional: 0.4.0 tags the next free rc v0.4.0-rcN (a re-run reuses it), 0.4.0-rc3 tags that rc; the GA tag is v0.4.0")]
    public string ReleaseVersion { get; set; } = "0.4.0";

    [Parameter("Dry-run length in (virtual, in the local profile) time")]
    public TimeSpan Duration { get; set; } = TimeSpan.FromHours(48);

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

    void WriteEvidence(string name, string content)
    {
        ReleaseDirectory.CreateDirectory();
        (ReleaseDirectory / name).WriteAllText(content);
    }
}

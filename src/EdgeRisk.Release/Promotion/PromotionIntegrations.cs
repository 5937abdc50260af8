using EdgeRisk.Release.GitHub;
using EdgeRisk.Release.Grafana;
using EdgeRisk.Release.Images;
using EdgeRisk.Release.Jira;
using Octokit;

namespace EdgeRisk.Release.Promotion;

/// <summary>
/// The services a promotion talks to: over real HTTP in staging, over the outbox in the local profile; <see cref="Images"/>
/// is the image registry (the loopback one locally, ghcr.io in staging), always read for real. <see cref="Pinger"/> pages
/// a failed CI Docker build (PagerDuty in staging, the outbox locally); <see cref="Annotator"/> marks the promotion on the dashboard.
/// </summary>
public sealed record PromotionIntegrations(IGitHubClient GitHub, GitHubOptions GitHubOptions, IJiraApi Jira, IProductionDeployer Deployer, ReleaseImages Images)
{
    public IReleasePinger? Pinger { get; init; }

    /// <summary>Optional: the deploy annotation on the Edge-Risk Grafana dashboard (Grafana in staging, the outbox locally).</summary>
    public DeployAnnotator? Annotator { get; init; }
}

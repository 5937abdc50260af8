using EdgeRisk.Release.GitHub;
using EdgeRisk.Release.Jira;
using Octokit;

namespace EdgeRisk.Release.Promotion;

/// <summary>The services a promotion talks to: over real HTTP in staging, over the outbox in the local profile.</summary>
public sealed record PromotionIntegrations(IGitHubClient GitHub, GitHubOptions GitHubOptions, IJiraApi Jira, IProductionDeployer Deployer);

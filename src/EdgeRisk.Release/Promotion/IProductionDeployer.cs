namespace EdgeRisk.Release.Promotion;

public enum DeploymentStatus
{
    Deployed,
    Skipped,
}

/// <summary>What the production deploy did, in one line (never a credential).</summary>
public sealed record DeploymentResult(DeploymentStatus Status, string Detail);

/// <summary>Deploys the GA release to production.</summary>
public interface IProductionDeployer
{
    Task<DeploymentResult> DeployAsync(string tag, string commit, CancellationToken cancellationToken = default);
}

/// <summary>Local profile: nothing leaves the machine, so there is no production to deploy to; says so.</summary>
public sealed class LocalProfileDeployer : IProductionDeployer
{
    public const string Reason = "skipped in the local profile: nothing leaves the machine (staging runs docker-compose -p edgerisk-prod with the staging compose file)";

    public Task<DeploymentResult> DeployAsync(string tag, string commit, CancellationToken cancellationToken = default) =>
        Task.FromResult(new DeploymentResult(DeploymentStatus.Skipped, Reason));
}

using EdgeRisk.Release.Images;
using EdgeRisk.Release.Staging;

namespace EdgeRisk.Release.Promotion;

/// <summary>
/// Production deploy with the staging compose file as its own project (<c>edgerisk-prod</c>): <c>config -q</c>, every image
/// of the release checked in the registry (a missing one stops the deploy before anything is pulled), <c>pull</c>,
/// <c>up -d</c>. Live API keys travel in <see cref="ComposeOptions.Environment"/> only, never in arguments or messages.
/// </summary>
public sealed class ComposeProductionDeployer(ComposeOptions options, ReleaseImages images) : IProductionDeployer
{
    public const string ProjectName = "edgerisk-prod";

    public async Task<DeploymentResult> DeployAsync(string tag, string commit, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tag);
        ArgumentException.ThrowIfNullOrWhiteSpace(commit);
        var imageTag = tag.TrimStart('v');
        var environment = new Dictionary<string, string>(options.Environment)
        {
            [ImageRegistry.Variable] = images.Registry.ToString(),
            [ComposeStack.VersionVariable] = imageTag,
        };
        var stack = new ComposeStack(options with { Environment = environment });
        await stack.ValidateAsync(cancellationToken);
        await stack.DeployAsync(images, imageTag, cancellationToken);
        var host = options.Environment.TryGetValue("DOCKER_HOST", out var dockerHost) ? dockerHost : "the default Docker engine";
        return new DeploymentResult(
            DeploymentStatus.Deployed,
            $"{tag} ({commit[..Math.Min(12, commit.Length)]}) up as compose project {options.ProjectName} ({Path.GetFileName(options.ComposeFile)}) on {host}, images {imageTag} from {images.Registry}");
    }
}

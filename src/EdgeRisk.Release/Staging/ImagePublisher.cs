using EdgeRisk.Release.Images;

namespace EdgeRisk.Release.Staging;

/// <summary>
/// BuildImages: the registry is checked first (nothing is built for a registry that does not answer), then
/// scripts/build-images.sh builds every image of the stack, labelled with the commit, and pushes it; finally each pushed
/// image is read back from the registry by digest.
/// </summary>
public sealed class ImagePublisher(ImagePublisherOptions options, RegistryClient registry)
{
    /// <param name="onLine">The script's progress lines as they come.</param>
    /// <exception cref="RegistryException">The registry does not answer, or an image is not there after the push.</exception>
    /// <exception cref="ImageBuildException">The build or push failed or did not finish in time.</exception>
    public async Task<ReleaseImagesCheck> PublishAsync(Action<string>? onLine = null, CancellationToken cancellationToken = default)
    {
        await registry.PingAsync(options.Registry, cancellationToken);
        var script = Path.Combine(options.RepositoryRoot, ImagePublisherOptions.Script);
        string[] arguments = [script, "--version", options.Version, "--registry", options.Registry.ToString(), "--revision", options.Revision, "--push"];
        CommandResult result;
        try
        {
            result = await ExternalCommand.RunAsync("bash", arguments, options.RepositoryRoot, options.Environment, options.Timeout, cancellationToken, onLine);
        }
        catch (ComposeException e)
        {
            throw new ImageBuildException($"{ImagePublisherOptions.Script}: {e.Message}", e);
        }

        if (!result.Succeeded)
        {
            throw new ImageBuildException($"{ImagePublisherOptions.Script} failed with exit code {result.ExitCode}: {result.Tail()}");
        }

        var check = await new ReleaseImages(registry, options.Registry).CheckAsync(options.Version, options.Revision, cancellationToken);
        return check.Passed ? check : throw new RegistryException($"pushed, yet {check.Problem}");
    }
}

namespace EdgeRisk.Release.Images;

/// <summary>
/// The images of docker-compose.staging.yml in one registry: what BuildImages pushes, StageDeploy and the production
/// deploy pull, and Promote's preflight verifies (by digest, and by the commit they were built from).
/// </summary>
public sealed class ReleaseImages(IImageRegistryClient client, ImageRegistry registry)
{
    public const string RevisionLabel = "org.opencontainers.image.revision";
    public const string BuildCommand = "./build.sh BuildImages";

    /// <summary>Every repository the staging compose file pulls (both trading services run edgerisk/trading-core).</summary>
    public static IReadOnlyList<string> Repositories { get; } = ["edgerisk/trading-core", "edgerisk/redis", "edgerisk/prometheus", "edgerisk/alertmanager"];

    public ImageRegistry Registry => registry;

    public IReadOnlyList<ImageReference> At(string tag)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tag);
        return [.. Repositories.Select(r => registry.Image(r, tag))];
    }

    /// <param name="expectedRevision">The commit every image must have been built from, or null to accept any.</param>
    public async Task<ReleaseImagesCheck> CheckAsync(string tag, string? expectedRevision = null, CancellationToken cancellationToken = default)
    {
        var checks = new List<ImageCheck>();
        foreach (var image in At(tag))
        {
            checks.Add(await CheckOneAsync(image, expectedRevision, cancellationToken));
        }

        return new ReleaseImagesCheck(registry, tag, expectedRevision, checks);
    }

    /// <summary>Before compose pulls: every image at <paramref name="tag"/> is in the registry.</summary>
    /// <exception cref="RegistryException">One line naming the missing images, the registry and <see cref="BuildCommand"/>.</exception>
    public async Task<ReleaseImagesCheck> RequireAsync(string tag, CancellationToken cancellationToken = default)
    {
        var check = await CheckAsync(tag, null, cancellationToken);
        return check.Passed ? check : throw new RegistryException(check.Problem!);
    }

    private async Task<ImageCheck> CheckOneAsync(ImageReference image, string? expectedRevision, CancellationToken cancellationToken)
    {
        RegistryImage? found;
        try
        {
            found = await client.InspectAsync(image, cancellationToken);
        }
        catch (RegistryException e)
        {
            return new ImageCheck(image, ImageCheckStatus.Unverified, null, null, e.Message);
        }

        if (found is null)
        {
            return new ImageCheck(image, ImageCheckStatus.Missing, null, null);
        }

        var status = expectedRevision is null || string.Equals(found.Revision, expectedRevision, StringComparison.OrdinalIgnoreCase)
            ? ImageCheckStatus.Present
            : ImageCheckStatus.OtherRevision;
        return new ImageCheck(image, status, found.Digest, found.Revision);
    }
}

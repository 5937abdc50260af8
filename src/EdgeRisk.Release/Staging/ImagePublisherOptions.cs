using EdgeRisk.Release.Images;

namespace EdgeRisk.Release.Staging;

/// <summary>What BuildImages builds and where it pushes: scripts/build-images.sh of <see cref="RepositoryRoot"/>.</summary>
public sealed record ImagePublisherOptions
{
    public const string Script = "scripts/build-images.sh";

    public required string RepositoryRoot { get; init; }

    public required ImageRegistry Registry { get; init; }

    /// <summary>The image tag: the release version (EDGERISK_VERSION in compose).</summary>
    public required string Version { get; init; }

    /// <summary>The commit the images are built from: their org.opencontainers.image.revision label.</summary>
    public required string Revision { get; init; }

    /// <summary>Added to the inherited environment (DOCKER_HOST selects the engine).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Cold, the base rootfs (debootstrap) dominates: 91 s on a 2-core machine at load 10 (docs/staging.md); a full cold
    /// build a few minutes. The limit is a wide margin over that.
    /// </summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(30);
}

namespace EdgeRisk.Release.Images;

/// <summary>An image as the registry holds it: its manifest digest and the labels of its configuration.</summary>
public sealed record RegistryImage(ImageReference Image, string Digest, IReadOnlyDictionary<string, string> Labels)
{
    /// <summary>The commit the image was built from (label <c>org.opencontainers.image.revision</c>), or null.</summary>
    public string? Revision => Labels.TryGetValue(ReleaseImages.RevisionLabel, out var revision) && revision.Length > 0 ? revision : null;
}

namespace EdgeRisk.Release.Images;

/// <summary>Reads images from a registry (<see cref="RegistryClient"/> over the HTTP API v2).</summary>
public interface IImageRegistryClient
{
    /// <returns>The image, or null when the registry does not have it (no such repository or tag).</returns>
    /// <exception cref="RegistryException">The registry did not answer, refused access or sent something that is not an image.</exception>
    Task<RegistryImage?> InspectAsync(ImageReference image, CancellationToken cancellationToken = default);
}

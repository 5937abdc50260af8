using System.Security.Cryptography;

namespace EdgeRisk.Release.Tests.Promotion;

/// <summary>Stands in for the image registry: images "pushed" by <see cref="Publish"/>, or a registry that does not answer.</summary>
internal sealed class FakeImageRegistry : IImageRegistryClient
{
    public static readonly ImageRegistry Local = ImageRegistry.Parse("127.0.0.1:5057");

    private readonly Dictionary<string, RegistryImage> images = new(StringComparer.Ordinal);

    public bool Down { get; set; }

    public List<string> Inspected { get; } = [];

    /// <summary>Every image of the stack at <paramref name="tag"/>, built from <paramref name="revision"/>, except <paramref name="without"/>.</summary>
    public void Publish(string tag, string revision, params string[] without)
    {
        foreach (var repository in ReleaseImages.Repositories.Except(without))
        {
            var image = Local.Image(repository, tag);
            var digest = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{image}@{revision}")));
            images[image.ToString()] = new RegistryImage(image, digest, new Dictionary<string, string> { [ReleaseImages.RevisionLabel] = revision });
        }
    }

    public string DigestOf(string repository, string tag) => images[Local.Image(repository, tag).ToString()].Digest;

    public Task<RegistryImage?> InspectAsync(ImageReference image, CancellationToken cancellationToken = default)
    {
        Inspected.Add(image.ToString());
        return Down
            ? throw new RegistryException($"registry {image.Registry} does not answer (Connection refused (127.0.0.1:5057)): {image.Registry.UnreachableFix}")
            : Task.FromResult(images.GetValueOrDefault(image.ToString()));
    }
}

namespace EdgeRisk.Release.Images;

/// <summary>One image in a registry: <c>&lt;registry&gt;/&lt;repository&gt;:&lt;tag&gt;</c>, e.g. <c>127.0.0.1:5057/edgerisk/redis:0.4.0</c>.</summary>
public sealed record ImageReference(ImageRegistry Registry, string Repository, string Tag)
{
    /// <summary>The repository name in the HTTP API's paths (<c>/v2/&lt;name&gt;/manifests/&lt;tag&gt;</c>): namespace included.</summary>
    public string Name => Registry.Path.Length == 0 ? Repository : $"{Registry.Path}/{Repository}";

    public override string ToString() => $"{Registry}/{Repository}:{Tag}";
}

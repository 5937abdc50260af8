using System.Net;
using System.Text.RegularExpressions;

namespace EdgeRisk.Release.Images;

/// <summary>
/// Where the stack's images live: <c>EDGERISK_REGISTRY</c>, a registry host with an optional port and namespace
/// (<c>127.0.0.1:5057</c>, the local profile's loopback registry; <c>ghcr.io/&lt;owner&gt;</c> for staging and production).
/// Image names are <c>&lt;registry&gt;/edgerisk/&lt;name&gt;:&lt;version&gt;</c>.
/// </summary>
public sealed partial record ImageRegistry
{
    public const string Variable = "EDGERISK_REGISTRY";

    /// <summary>The local registry's port (in .env): not 5000, which other registries and dev servers like to take.</summary>
    public const int LocalDefaultPort = 5057;

    private ImageRegistry(string host, string path)
    {
        Host = host;
        Path = path;
    }

    /// <summary>host[:port], e.g. <c>127.0.0.1:5057</c> or <c>ghcr.io</c>.</summary>
    public string Host { get; }

    /// <summary>The namespace in front of <c>edgerisk/...</c> (the owner on ghcr.io), or empty.</summary>
    public string Path { get; }

    /// <summary>A registry on 127.0.0.0/8 or localhost: plain HTTP, as docker allows it there without TLS.</summary>
    public bool IsLoopback
    {
        get
        {
            var name = HostName;
            return name == "localhost" || (IPAddress.TryParse(name, out var address) && IPAddress.IsLoopback(address));
        }
    }

    /// <summary>The port of a loopback registry (null when the value names none).</summary>
    public int? Port => Host.LastIndexOf(':') is var colon and > 0 && int.TryParse(Host[(colon + 1)..], out var port) ? port : null;

    /// <summary>Base address of the HTTP API v2: http for loopback, https otherwise.</summary>
    public Uri ApiBase => new($"{(IsLoopback ? "http" : "https")}://{Host}/");

    private string HostName => Host.LastIndexOf(':') is var colon and > 0 ? Host[..colon] : Host;

    /// <exception cref="ArgumentException">One line naming the variable, the bad value and the valid form.</exception>
    public static ImageRegistry Parse(string? value)
    {
        var text = value?.Trim().TrimEnd('/') ?? "";
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var host = slash < 0 ? text : text[..slash];
        var path = slash < 0 ? "" : text[(slash + 1)..];
        if (!HostPattern().IsMatch(host) || (path.Length > 0 && !path.Split('/').All(PathComponent().IsMatch)))
        {
            // No parameter name: the message is the one line a user sees, and it names the variable itself.
            throw new ArgumentException(
                $"{Variable} '{value}' is not an image registry: use host[:port][/namespace] in lowercase, e.g. 127.0.0.1:{LocalDefaultPort} (local) or ghcr.io/<owner>");
        }

        return new ImageRegistry(host, path);
    }

    /// <summary>The full reference of one of the stack's repositories (e.g. <c>edgerisk/redis</c>) at <paramref name="tag"/>.</summary>
    public ImageReference Image(string repository, string tag) => new(this, repository, tag);

    /// <summary>What to do when the registry does not answer.</summary>
    public string UnreachableFix => IsLoopback
        ? $"start it with ./build.sh StartServices (local profile) or point {Variable} at a running registry"
        : $"check {Variable} and the network to {Host}";

    public override string ToString() => Path.Length == 0 ? Host : $"{Host}/{Path}";

    [GeneratedRegex(@"^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?$")]
    private static partial Regex HostPattern();

    [GeneratedRegex(@"^[a-z0-9]+([._-][a-z0-9]+)*$")]
    private static partial Regex PathComponent();
}

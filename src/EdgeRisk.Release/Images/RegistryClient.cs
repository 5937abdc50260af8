using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace EdgeRisk.Release.Images;

/// <summary>
/// The registry HTTP API v2 (Docker Distribution, ghcr.io): <c>HEAD</c>/<c>GET /v2/&lt;name&gt;/manifests/&lt;tag&gt;</c> with
/// the Docker v2 and OCI manifest types in Accept, the digest from <c>Docker-Content-Digest</c> (checked against the
/// manifest's own sha256), and the configuration blob for the labels. A <c>401</c> with a Bearer challenge is answered
/// with a token from the challenge's realm (with <see cref="RegistryCredentials"/> when given, anonymously otherwise).
/// Credentials go on the wire only; messages never carry them.
/// </summary>
public sealed partial class RegistryClient(HttpClient http, RegistryCredentials? credentials = null) : IImageRegistryClient
{
    public const string DockerManifestType = "application/vnd.docker.distribution.manifest.v2+json";
    public const string OciManifestType = "application/vnd.oci.image.manifest.v1+json";
    public const string DigestHeader = "Docker-Content-Digest";

    private readonly ConcurrentDictionary<string, string> _tokens = new(StringComparer.Ordinal);

    /// <summary><c>GET /v2/</c>: the registry answers (with or without asking for a login).</summary>
    /// <exception cref="RegistryException">It does not answer, or is not a registry.</exception>
    public async Task PingAsync(ImageRegistry registry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        using var response = await SendAsync(registry, () => new HttpRequestMessage(HttpMethod.Get, new Uri(registry.ApiBase, "v2/")), null, cancellationToken);
        if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.Unauthorized)
        {
            throw new RegistryException($"{registry.ApiBase}v2/ answered {(int)response.StatusCode}: {registry} is not an image registry; {registry.UnreachableFix}");
        }
    }

    /// <summary>The manifest digest by <c>HEAD</c> (the <c>Docker-Content-Digest</c> header), or null when the image is not there.</summary>
    public async Task<string?> GetDigestAsync(ImageReference image, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var response = await SendAsync(image.Registry, () => ManifestRequest(HttpMethod.Head, image), Scope(image), cancellationToken);
        if (IsNotFound(response))
        {
            return null;
        }

        EnsureSuccess(response, image);
        return response.Headers.TryGetValues(DigestHeader, out var values) && values.FirstOrDefault() is { Length: > 0 } digest
            ? digest
            : throw new RegistryException($"{image}: the registry sent no {DigestHeader} header for the manifest; it is not a v2 registry");
    }

    public async Task<RegistryImage?> InspectAsync(ImageReference image, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        var scope = Scope(image);
        string digest;
        string configDigest;
        using (var response = await SendAsync(image.Registry, () => ManifestRequest(HttpMethod.Get, image), scope, cancellationToken))
        {
            if (IsNotFound(response))
            {
                return null;
            }

            EnsureSuccess(response, image);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            digest = Sha256(body);
            if (response.Headers.TryGetValues(DigestHeader, out var values) && values.FirstOrDefault() is { Length: > 0 } header && header != digest)
            {
                throw new RegistryException($"{image}: {DigestHeader} {header} does not match the manifest's sha256 ({digest}); the registry or a proxy altered it");
            }

            configDigest = ConfigDigest(image, response.Content.Headers.ContentType?.MediaType, body);
        }

        using var config = await SendAsync(image.Registry,
            () => new HttpRequestMessage(HttpMethod.Get, new Uri(image.Registry.ApiBase, $"v2/{image.Name}/blobs/{configDigest}")), scope, cancellationToken);
        EnsureSuccess(config, image);
        var blob = await config.Content.ReadAsByteArrayAsync(cancellationToken);
        if (Sha256(blob) != configDigest)
        {
            throw new RegistryException($"{image}: its configuration blob does not match {configDigest}");
        }

        return new RegistryImage(image, digest, Labels(image, blob));
    }

    /// <summary>
    /// Sends; with a <paramref name="scope"/>, a 401 is answered once: a Bearer challenge with a token for that scope, a Basic
    /// one with the credentials. Without a scope (the ping), a 401 is returned as is.
    /// </summary>
    private async Task<HttpResponseMessage> SendAsync(ImageRegistry registry, Func<HttpRequestMessage> create, string? scope,
        CancellationToken cancellationToken)
    {
        var cached = scope is not null && _tokens.TryGetValue(scope, out var known) ? known : null;
        var response = await SendOnceAsync(registry, create, cached, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized || scope is null || response.Headers.WwwAuthenticate.FirstOrDefault() is not { } challenge)
        {
            return response;
        }

        string authorization;
        if (string.Equals(challenge.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            authorization = "Bearer " + await FetchTokenAsync(registry, challenge.Parameter ?? "", scope, cancellationToken);
        }
        else if (string.Equals(challenge.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) && credentials is not null)
        {
            authorization = "Basic " + BasicValue();
        }
        else
        {
            return response;
        }

        response.Dispose();
        _tokens[scope] = authorization;
        return await SendOnceAsync(registry, create, authorization, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendOnceAsync(ImageRegistry registry, Func<HttpRequestMessage> create, string? authorization,
        CancellationToken cancellationToken)
    {
        using var request = create();
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        try
        {
            return await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new RegistryException($"registry {registry} does not answer ({e.Message}): {registry.UnreachableFix}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RegistryException($"registry {registry} did not answer within {http.Timeout.TotalSeconds:0} s: {registry.UnreachableFix}", e);
        }
    }

    /// <summary>The token flow of the Distribution spec: GET realm?service=..&amp;scope=.. answers {"token": ...}.</summary>
    private async Task<string> FetchTokenAsync(ImageRegistry registry, string challenge, string scope, CancellationToken cancellationToken)
    {
        var parameters = ChallengeParameters(challenge);
        if (!parameters.TryGetValue("realm", out var realm) || !Uri.TryCreate(realm, UriKind.Absolute, out var realmUri))
        {
            throw new RegistryException($"registry {registry} asked for a login without a token realm; it is not a v2 registry");
        }

        var query = new List<string>();
        if (parameters.TryGetValue("service", out var service))
        {
            query.Add("service=" + Uri.EscapeDataString(service));
        }

        query.Add("scope=" + Uri.EscapeDataString(scope));

        var builder = new UriBuilder(realmUri) { Query = string.Join('&', query) };
        using var request = new HttpRequestMessage(HttpMethod.Get, builder.Uri);
        if (credentials is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", BasicValue());
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new RegistryException($"the token service of {registry} ({realmUri.Host}) does not answer ({e.Message})", e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new RegistryException(
                    $"the token service of {registry} refused a token ({(int)response.StatusCode}): give a token that may read its packages (GITHUB_TOKEN on ghcr.io)");
            }

            try
            {
                using var json = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken));
                var root = json.RootElement;
                return (root.TryGetProperty("token", out var token) ? token.GetString() : null)
                    ?? (root.TryGetProperty("access_token", out var access) ? access.GetString() : null)
                    ?? throw new RegistryException($"the token service of {registry} answered without a token");
            }
            catch (JsonException e)
            {
                throw new RegistryException($"the token service of {registry} did not answer JSON ({e.Message})", e);
            }
        }
    }

    private string BasicValue() =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials!.Username}:{credentials.Password.Reveal()}"));

    /// <summary>key="value" pairs of a WWW-Authenticate parameter (values may hold commas inside quotes).</summary>
    private static Dictionary<string, string> ChallengeParameters(string parameter)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        while (i < parameter.Length)
        {
            while (i < parameter.Length && (parameter[i] == ',' || parameter[i] == ' '))
            {
                i++;
            }

            var equals = parameter.IndexOf('=', i);
            if (equals < 0)
            {
                break;
            }

            var name = parameter[i..equals].Trim();
            i = equals + 1;
            string value;
            if (i < parameter.Length && parameter[i] == '"')
            {
                var end = parameter.IndexOf('"', i + 1);
                end = end < 0 ? parameter.Length : end;
                value = parameter[(i + 1)..end];
                i = end + 1;
            }
            else
            {
                var end = parameter.IndexOf(',', i);
                end = end < 0 ? parameter.Length : end;
                value = parameter[i..end].Trim();
                i = end;
            }

            result[name] = value;
        }

        return result;
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;

namespace EdgeRisk.Release.Images;

// Manifests and image configs: the requests for them, their digests and the labels read from them.
public sealed partial class RegistryClient
{
    private static HttpRequestMessage ManifestRequest(HttpMethod method, ImageReference image)
    {
        var request = new HttpRequestMessage(method, new Uri(image.Registry.ApiBase, $"v2/{image.Name}/manifests/{image.Tag}"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(DockerManifestType));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(OciManifestType));
        return request;
    }

    private static string Scope(ImageReference image) => $"repository:{image.Name}:pull";

    private static bool IsNotFound(HttpResponseMessage response) => response.StatusCode == HttpStatusCode.NotFound;

    private static void EnsureSuccess(HttpResponseMessage response, ImageReference image)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        throw response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
            ? new RegistryException($"{image.Registry} refused to show {image} ({(int)response.StatusCode}): give a token that may read its packages (GITHUB_TOKEN on ghcr.io)")
            : new RegistryException($"{image.Registry} answered {(int)response.StatusCode} {response.ReasonPhrase} for {image}");
    }

    private static string ConfigDigest(ImageReference image, string? mediaType, byte[] manifest)
    {
        try
        {
            using var json = JsonDocument.Parse(manifest);
            var type = json.RootElement.TryGetProperty("mediaType", out var declared) ? declared.GetString() : mediaType;
            if (type is not (DockerManifestType or OciManifestType) || !json.RootElement.TryGetProperty("config", out var config)
                || !config.TryGetProperty("digest", out var digest) || digest.GetString() is not { Length: > 0 } value)
            {
                throw new RegistryException($"{image}: the manifest is {type ?? "of no type"}, not a single-platform image manifest ({DockerManifestType})");
            }

            return value;
        }
        catch (JsonException e)
        {
            throw new RegistryException($"{image}: the manifest is not JSON ({e.Message})", e);
        }
    }

    private static Dictionary<string, string> Labels(ImageReference image, byte[] config)
    {
        try
        {
            using var json = JsonDocument.Parse(config);
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            if (json.RootElement.TryGetProperty("config", out var settings) && settings.ValueKind == JsonValueKind.Object
                && settings.TryGetProperty("Labels", out var values) && values.ValueKind == JsonValueKind.Object)
            {
                foreach (var label in values.EnumerateObject())
                {
                    labels[label.Name] = label.Value.GetString() ?? "";
                }
            }

            return labels;
        }
        catch (JsonException e)
        {
            throw new RegistryException($"{image}: the image configuration is not JSON ({e.Message})", e);
        }
    }

    private static string Sha256(byte[] content) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));
}

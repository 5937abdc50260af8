using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace EdgeRisk.Testing.Services;

/// <summary>
/// A real image registry (Debian's docker-registry, CNCF Distribution) on 127.0.0.1 with a free port and its own storage.
/// <see cref="PushImageAsync"/> uploads a small image through the HTTP API v2 (config blob, one layer, manifest), so
/// registry clients can be tested without a Docker engine.
/// </summary>
public sealed class RegistryServer : IAsyncDisposable
{
    public const string ManifestType = "application/vnd.docker.distribution.manifest.v2+json";

    private readonly TempDirectory _dir;
    private readonly ManagedProcess _process;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private RegistryServer(TempDirectory dir, int port, ManagedProcess process)
    {
        _dir = dir;
        Port = port;
        _process = process;
    }

    public int Port { get; }

    public int Pid => _process.Pid;

    /// <summary>host:port, the EDGERISK_REGISTRY value that names this registry.</summary>
    public string Address => $"127.0.0.1:{Port.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    public Uri BaseUrl => new($"http://{Address}/");

    public static async Task<RegistryServer> StartAsync()
    {
        var dir = new TempDirectory("registry");
        var port = FreePort.Next();
        var config = dir.Combine("config.yml");
        await File.WriteAllTextAsync(config, $"""
            version: 0.1
            log:
              level: warn
            storage:
              filesystem:
                rootdirectory: {dir.Combine("data")}
            http:
              addr: 127.0.0.1:{port}
            """);
        var process = ManagedProcess.Start("docker-registry", ["serve", config]);
        var server = new RegistryServer(dir, port, process);
        await process.WaitUntilAsync(server.ReadyAsync, TimeSpan.FromSeconds(30), "GET /v2/ answered");
        return server;
    }

    /// <summary>Uploads a one-layer image with these configuration labels as <paramref name="repository"/>:<paramref name="tag"/>.</summary>
    /// <returns>The manifest digest the registry reports (Docker-Content-Digest).</returns>
    public async Task<string> PushImageAsync(string repository, string tag, IReadOnlyDictionary<string, string> labels)
    {
        var layer = Encoding.UTF8.GetBytes($"layer of {repository}:{tag}");
        var layerDigest = await PushBlobAsync(repository, layer);
        var config = JsonSerializer.SerializeToUtf8Bytes(new
        {
            architecture = "amd64",
            os = "linux",
            config = new { Labels = labels },
            rootfs = new { type = "layers", diff_ids = new[] { Digest(layer) } },
        });
        var configDigest = await PushBlobAsync(repository, config);
        var manifest = JsonSerializer.SerializeToUtf8Bytes(new
        {
            schemaVersion = 2,
            mediaType = ManifestType,
            config = new { mediaType = "application/vnd.docker.container.image.v1+json", size = config.Length, digest = configDigest },
            layers = new[] { new { mediaType = "application/vnd.docker.image.rootfs.diff.tar.gzip", size = layer.Length, digest = layerDigest } },
        });
        using var content = new ByteArrayContent(manifest);
        content.Headers.ContentType = new MediaTypeHeaderValue(ManifestType);
        using var response = await _http.PutAsync(new Uri(BaseUrl, $"v2/{repository}/manifests/{tag}"), content);
        response.EnsureSuccessStatusCode();
        return response.Headers.GetValues("Docker-Content-Digest").Single();
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _process.DisposeAsync();
        _dir.Dispose();
    }

    private async Task<string> PushBlobAsync(string repository, byte[] blob)
    {
        using var start = await _http.PostAsync(new Uri(BaseUrl, $"v2/{repository}/blobs/uploads/"), null);
        start.EnsureSuccessStatusCode();
        var location = start.Headers.Location ?? throw new InvalidOperationException("upload without a Location");
        var upload = new UriBuilder(location.IsAbsoluteUri ? location : new Uri(BaseUrl, location));
        var digest = Digest(blob);
        upload.Query = (upload.Query.TrimStart('?') is { Length: > 0 } query ? query + "&" : "") + "digest=" + Uri.EscapeDataString(digest);
        using var content = new ByteArrayContent(blob);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var done = await _http.PutAsync(upload.Uri, content);
        done.EnsureSuccessStatusCode();
        return digest;
    }

    private async Task<bool> ReadyAsync()
    {
        using var response = await _http.GetAsync(new Uri(BaseUrl, "v2/"));
        return response.IsSuccessStatusCode;
    }

    private static string Digest(byte[] content) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));
}

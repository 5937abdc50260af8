using System.Net;
using System.Security.Cryptography;

namespace EdgeRisk.Release.Tests.Integrations;

/// <summary>The registry HTTP API v2 against a real docker-registry (and ghcr.io's token flow against a hand-written fake).</summary>
public sealed class RegistryClientTests
{
    private const string Commit = "0123456789abcdef0123456789abcdef01234567";
    private static readonly Dictionary<string, string> BuiltFromCommit = new() { [ReleaseImages.RevisionLabel] = Commit };

    [Fact]
    public async Task InspectAsync_PushedImage_DigestOfTheManifestAndItsRevisionLabel()
    {
        await using var server = await RegistryServer.StartAsync();
        var pushed = await server.PushImageAsync("edgerisk/redis", "0.4.0", BuiltFromCommit);
        using var http = new HttpClient();
        var client = new RegistryClient(http);
        var image = ImageRegistry.Parse(server.Address).Image("edgerisk/redis", "0.4.0");

        var found = await client.InspectAsync(image);
        var digest = await client.GetDigestAsync(image);

        Assert.NotNull(found);
        Assert.Equal(pushed, found.Digest);
        Assert.Equal(pushed, digest);
        Assert.Equal(Commit, found.Revision);
        Assert.Equal($"{server.Address}/edgerisk/redis:0.4.0", image.ToString());
    }

    [Fact]
    public async Task InspectAsync_UnknownTagOrRepository_Null()
    {
        await using var server = await RegistryServer.StartAsync();
        await server.PushImageAsync("edgerisk/redis", "0.4.0", BuiltFromCommit);
        using var http = new HttpClient();
        var client = new RegistryClient(http);
        var registry = ImageRegistry.Parse(server.Address);

        Assert.Null(await client.InspectAsync(registry.Image("edgerisk/redis", "0.3.9")));
        Assert.Null(await client.InspectAsync(registry.Image("edgerisk/trading-core", "0.4.0")));
        Assert.Null(await client.GetDigestAsync(registry.Image("edgerisk/redis", "0.3.9")));
    }

    [Fact]
    public async Task CheckAsync_OneImageMissing_ProblemNamesImageRegistryAndBuildImages()
    {
        await using var server = await RegistryServer.StartAsync();
        foreach (var repository in ReleaseImages.Repositories.Where(r => r != "edgerisk/prometheus"))
        {
            await server.PushImageAsync(repository, "0.4.0", BuiltFromCommit);
        }

        using var http = new HttpClient();
        var images = new ReleaseImages(new RegistryClient(http), ImageRegistry.Parse(server.Address));

        var check = await images.CheckAsync("0.4.0", Commit);
        var error = await Assert.ThrowsAsync<RegistryException>(() => images.RequireAsync("0.4.0"));

        Assert.False(check.Passed);
        Assert.Equal(ImageCheckStatus.Missing, check.Images.Single(i => i.Image.Repository == "edgerisk/prometheus").Status);
        Assert.Equal(
            $"{server.Address}/edgerisk/prometheus:0.4.0 not in registry {server.Address}: build and push with ./build.sh BuildImages",
            check.Problem);
        Assert.Equal(check.Problem, error.Message);
        Assert.Contains("NOT READY", check.Line(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_ImagesFromAnotherCommit_FailsNamingBothCommits()
    {
        await using var server = await RegistryServer.StartAsync();
        foreach (var repository in ReleaseImages.Repositories)
        {
            await server.PushImageAsync(repository, "0.4.0", BuiltFromCommit);
        }

        using var http = new HttpClient();
        var images = new ReleaseImages(new RegistryClient(http), ImageRegistry.Parse(server.Address));

        var rc = await images.CheckAsync("0.4.0", Commit);
        var other = await images.CheckAsync("0.4.0", "fedcba9876543210fedcba9876543210fedcba98");

        Assert.True(rc.Passed, rc.Problem);
        Assert.All(rc.Images, i => Assert.StartsWith("sha256:", i.Digest, StringComparison.Ordinal));
        Assert.Contains("edgerisk/trading-core@sha256:", rc.Line(), StringComparison.Ordinal);
        Assert.False(other.Passed);
        Assert.Contains("built from 0123456789ab, not from fedcba987654", other.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_RegistryNotRunning_UnverifiedNamingTheRegistryAndStartServices()
    {
        var port = FreePort.Next();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var images = new ReleaseImages(new RegistryClient(http), ImageRegistry.Parse($"127.0.0.1:{port}"));

        var check = await images.CheckAsync("0.4.0", Commit);

        Assert.False(check.Passed);
        Assert.All(check.Images, i => Assert.Equal(ImageCheckStatus.Unverified, i.Status));
        Assert.StartsWith($"registry 127.0.0.1:{port} does not answer", check.Problem, StringComparison.Ordinal);
        Assert.Contains("./build.sh StartServices", check.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', check.Problem!);
    }

    [Fact]
    public async Task InspectAsync_BearerChallenge_FetchesTokenWithCredentialsAndNeverShowsThem()
    {
        using var handler = new TokenRegistryHandler();
        using var http = new HttpClient(handler);
        var image = ImageRegistry.Parse("ghcr.io/edgerisk-owner").Image("edgerisk/redis", "0.4.0");

        var found = await new RegistryClient(http, new RegistryCredentials("release-bot", new Secret(TokenRegistryHandler.Password))).InspectAsync(image);
        var refused = await Assert.ThrowsAsync<RegistryException>(() =>
            new RegistryClient(http, new RegistryCredentials("release-bot", new Secret("ghp_wrongPasswordForTests_000000"))).InspectAsync(image));

        Assert.NotNull(found);
        Assert.Equal(TokenRegistryHandler.ManifestDigest, found.Digest);
        Assert.Equal(Commit, found.Revision);
        Assert.Contains("scope=repository%3Aedgerisk-owner%2Fedgerisk%2Fredis%3Apull", handler.TokenQueries[0], StringComparison.Ordinal);
        Assert.Contains("refused a token (401)", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ghp_", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TokenRegistryHandler.Password, refused.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1:5057", "127.0.0.1:5057", "", true)]
    [InlineData("ghcr.io/edgerisk-owner", "ghcr.io", "edgerisk-owner", false)]
    [InlineData("localhost:5000/", "localhost:5000", "", true)]
    public void Parse_ValidRegistry_HostPathAndScheme(string value, string host, string path, bool loopback)
    {
        var registry = ImageRegistry.Parse(value);

        Assert.Equal(host, registry.Host);
        Assert.Equal(path, registry.Path);
        Assert.Equal(loopback, registry.IsLoopback);
        Assert.Equal(loopback ? "http" : "https", registry.ApiBase.Scheme);
    }

    [Theory]
    [InlineData("")]
    [InlineData("http://127.0.0.1:5057")]
    [InlineData("ghcr.io/EdgeRisk")]
    public void Parse_NotARegistry_OneLineNamingVariableAndValidForm(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => ImageRegistry.Parse(value));

        Assert.StartsWith($"EDGERISK_REGISTRY '{value}' is not an image registry: use host[:port][/namespace] in lowercase", error.Message, StringComparison.Ordinal);
        Assert.Contains("ghcr.io/<owner>", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// ghcr.io's flow: 401 with a Bearer challenge, a token endpoint that wants Basic credentials, then the manifest and
    /// configuration blob for the token.
    /// </summary>
    private sealed class TokenRegistryHandler : HttpMessageHandler
    {
        public const string Password = "ghp_registryPasswordForTests_0123456789";
        private const string Token = "registry-token-for-tests";

        private static readonly byte[] Config = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new { config = new { Labels = BuiltFromCommit } });
        private static readonly string ConfigDigest = Digest(Config);
        private static readonly byte[] Manifest = Encoding.UTF8.GetBytes(
            $$"""{"schemaVersion":2,"mediaType":"{{RegistryClient.DockerManifestType}}","config":{"digest":"{{ConfigDigest}}"},"layers":[]}""");

        public static string ManifestDigest { get; } = Digest(Manifest);

        public List<string> TokenQueries { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            if (path == "/token")
            {
                TokenQueries.Add(request.RequestUri.Query);
                var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("release-bot:" + Password));
                return Task.FromResult(request.Headers.Authorization?.ToString() == expected
                    ? Answer(HttpStatusCode.OK, Encoding.UTF8.GetBytes($$"""{"token":"{{Token}}"}"""))
                    : Answer(HttpStatusCode.Unauthorized, []));
            }

            if (request.Headers.Authorization?.ToString() != "Bearer " + Token)
            {
                var challenge = Answer(HttpStatusCode.Unauthorized, []);
                challenge.Headers.WwwAuthenticate.ParseAdd("Bearer realm=\"https://ghcr.io/token\",service=\"ghcr.io\",scope=\"repository:user/image:pull\"");
                return Task.FromResult(challenge);
            }

            return Task.FromResult(path switch
            {
                "/v2/edgerisk-owner/edgerisk/redis/manifests/0.4.0" => Answer(HttpStatusCode.OK, Manifest, RegistryClient.DockerManifestType, ManifestDigest),
                var blob when blob == $"/v2/edgerisk-owner/edgerisk/redis/blobs/{ConfigDigest}" => Answer(HttpStatusCode.OK, Config),
                _ => Answer(HttpStatusCode.NotFound, []),
            });
        }

        private static HttpResponseMessage Answer(HttpStatusCode status, byte[] body, string? type = null, string? digest = null)
        {
            var response = new HttpResponseMessage(status) { Content = new ByteArrayContent(body) };
            if (type is not null)
            {
                response.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(type);
            }

            if (digest is not null)
            {
                response.Headers.Add(RegistryClient.DigestHeader, digest);
            }

            return response;
        }

        private static string Digest(byte[] content) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));
    }
}

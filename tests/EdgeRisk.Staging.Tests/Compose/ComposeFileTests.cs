using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using EdgeRisk.Release.Staging;

namespace EdgeRisk.Staging.Tests.Compose;

/// <summary>docker-compose.staging.yml and .env as the runbook uses them (no engine needed).</summary>
public sealed partial class ComposeFileTests
{
    private static readonly string[] LocalServices = ["edgerisk-crypto", "edgerisk-stocks", "redis", "prometheus", "alertmanager"];

    private readonly YamlMappingNode _services = (YamlMappingNode)Load()["services"];

    [Fact]
    public void Services_EveryOne_UsesHostNetworkInitRestartAndHealthcheck()
    {
        Assert.Equal([.. LocalServices.Append("grafana").Order()], _services.Children.Keys.Select(k => k.ToString()).Order());
        foreach (var (name, node) in _services.Children)
        {
            var service = (YamlMappingNode)node;
            Assert.True(Scalar(service, "network_mode") == "host", $"{name}: network_mode");
            Assert.True(Scalar(service, "init") == "true", $"{name}: init");
            Assert.True(Scalar(service, "restart") is "on-failure" or "unless-stopped", $"{name}: restart");
            Assert.True(service.Children.ContainsKey("healthcheck"), $"{name}: healthcheck");
        }
    }

    [Fact]
    public void LocalServices_ImageFromEdgeriskRegistryWithVersionTag_NoBuildOnTheHost()
    {
        var expected = new Dictionary<string, string>
        {
            ["edgerisk-crypto"] = "edgerisk/trading-core",
            ["edgerisk-stocks"] = "edgerisk/trading-core",
            ["redis"] = "edgerisk/redis",
            ["prometheus"] = "edgerisk/prometheus",
            ["alertmanager"] = "edgerisk/alertmanager",
        };
        foreach (var (name, repository) in expected)
        {
            var service = (YamlMappingNode)_services[name];
            Assert.False(service.Children.ContainsKey("build"), $"{name} declares build:, so a host without the image would build it instead of pulling");
            var image = Scalar(service, "image");
            Assert.True(image is not null, $"{name} declares no image:, so 'docker-compose pull' skips it");
            var match = RegistryImage().Match(image);
            Assert.True(match.Success, $"{name}: image '{image}' is not ${{EDGERISK_REGISTRY...}}/REPOSITORY:${{EDGERISK_VERSION...}}");
            Assert.Equal(repository, match.Groups["repository"].Value);
        }

        Assert.Equal([.. ReleaseImages.Repositories.Order(StringComparer.Ordinal)], expected.Values.Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ConfigAsync_RegistryAndVersionSet_EveryImageNamesThem()
    {
        var stack = new ComposeStack(new ComposeOptions
        {
            WorkingDirectory = RepositoryRoot.Path,
            ProjectName = "edgerisk-config",
            Environment = new Dictionary<string, string> { ["EDGERISK_REGISTRY"] = "ghcr.io/example", ["EDGERISK_VERSION"] = "9.8.7" },
        });

        var config = (await stack.ConfigAsync()).StandardOutput;

        // Grafana (behind its profile, external to the stack) is the one image from elsewhere.
        var images = config.Split('\n').Select(l => l.Trim())
            .Where(l => l.StartsWith("image: ", StringComparison.Ordinal) && !l.StartsWith("image: grafana/", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, images.Count);
        Assert.All(images, i => Assert.Matches(@"^image: ghcr\.io/example/edgerisk/[a-z-]+:9\.8\.7$", i));
    }

    [Fact]
    public async Task ConfigAsync_NoRegistry_FailsNamingTheVariable()
    {
        using var copy = new TempDirectory("compose");
        File.Copy(RepositoryRoot.Combine("docker-compose.staging.yml"), copy.Combine("docker-compose.staging.yml"));
        // Empty counts as unset, also when the environment running the tests has a registry.
        var stack = new ComposeStack(new ComposeOptions
        {
            WorkingDirectory = copy.Path,
            ProjectName = "edgerisk-config",
            Environment = new Dictionary<string, string> { ["EDGERISK_REGISTRY"] = "" },
        });

        var e = await Assert.ThrowsAsync<ComposeException>(() => stack.ConfigAsync());

        Assert.Contains("set EDGERISK_REGISTRY", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Grafana_IsBehindItsProfile()
    {
        var grafana = (YamlMappingNode)_services["grafana"];

        Assert.Equal(["grafana"], ((YamlSequenceNode)grafana["profiles"]).Children.Select(c => c.ToString()));
        Assert.StartsWith("grafana/grafana:11.", Scalar(grafana, "image"), StringComparison.Ordinal);
    }

    [Fact]
    public void TradingCore_HasRunbookNameAndPrometheusUrl()
    {
        var crypto = (YamlMappingNode)_services["edgerisk-crypto"];

        Assert.Equal("trading-core", Scalar(crypto, "container_name"));
        Assert.Contains(((YamlSequenceNode)crypto["environment"]).Children, e => e.ToString().StartsWith("PROMETHEUS_URL=http://127.0.0.1:${PROMETHEUS_PORT:-9090}", StringComparison.Ordinal));
        Assert.Contains("${CRYPTO_METRICS_PORT:-9101}", ((YamlSequenceNode)crypto["command"]).Children.Select(c => c.ToString()));
    }

    [Fact]
    public void DotEnv_SelectsStagingFileAndProject()
    {
        var lines = File.ReadAllLines(RepositoryRoot.Combine(".env"));

        Assert.Contains("COMPOSE_FILE=docker-compose.staging.yml", lines);
        Assert.Contains("COMPOSE_PROJECT_NAME=edgerisk", lines);
    }

    [Fact]
    public void DotEnv_Registry_IsTheLocalRegistryOnItsDefaultPort()
    {
        var variables = DotEnvFile.Read(RepositoryRoot.Combine(".env"));

        Assert.Equal($"127.0.0.1:{ImageRegistry.LocalDefaultPort}", variables[ImageRegistry.Variable]);
        Assert.True(ImageRegistry.Parse(variables[ImageRegistry.Variable]).IsLoopback);
    }

    [Fact]
    public async Task ValidateAsync_StagingFile_ComposeAcceptsIt()
    {
        var stack = new ComposeStack(new ComposeOptions { WorkingDirectory = RepositoryRoot.Path, ProjectName = "edgerisk-config" });

        var result = await stack.ValidateAsync();

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Constructor_BadProjectName_ThrowsNamingTheRule()
    {
        var e = Assert.Throws<ComposeException>(() => new ComposeStack(new ComposeOptions { WorkingDirectory = RepositoryRoot.Path, ProjectName = "Edge Risk" }));

        Assert.Contains("lowercase", e.Message, StringComparison.Ordinal);
    }

    private static YamlMappingNode Load()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(RepositoryRoot.Combine("docker-compose.staging.yml"));
        // The file shares settings through a YAML anchor merged with `<<:`; resolve it as compose does.
        stream.Load(new MergingParser(new Parser(reader)));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;

    [GeneratedRegex(@"^\$\{EDGERISK_REGISTRY(:\?[^}]*)?\}/(?<repository>edgerisk/[a-z-]+):\$\{EDGERISK_VERSION(:-[^}]*)?\}$")]
    private static partial Regex RegistryImage();
}

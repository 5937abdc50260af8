using EdgeRisk.Release.Staging;
using EdgeRisk.Staging.Tests.Scripts;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EdgeRisk.Staging.Tests.Compose;

/// <summary>docker-compose.staging.yml and .env as the runbook uses them (no engine needed).</summary>
public sealed class ComposeFileTests
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
    public void LocalServices_DeclareBuildOnly_SoPullHasNothingToFetch()
    {
        foreach (var name in LocalServices)
        {
            var service = (YamlMappingNode)_services[name];
            Assert.False(service.Children.ContainsKey("image"), $"{name} declares image:, which 'docker-compose pull' would ask a registry for");
            Assert.Equal("docker/compose", Scalar((YamlMappingNode)service["build"], "context"));
        }
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
}

using Spectre.Console;
using EdgeRisk.Release.Staging;

namespace EdgeRisk.Staging.Tests.Compose;

/// <summary>ComposeStack and StackHealth on the isolated dockerd with the 2 MB busybox image: fast compose mechanics.</summary>
[Collection(DockerCollection.Name)]
public sealed class ComposeMechanicsTests(DockerEngineFixture engine)
{
    private const string ComposeFile = """
        version: "2.4"
        services:
          web:
            image: edgerisk/busybox:local
            network_mode: host
            init: true
            restart: on-failure
            command: ["sh", "-c", "sleep 3600"]
            healthcheck: {test: ["CMD", "true"], interval: 1s, timeout: 1s, retries: 3}
          sick:
            image: edgerisk/busybox:local
            network_mode: host
            init: true
            command: ["sh", "-c", "sleep 3600"]
            healthcheck: {test: ["CMD", "false"], interval: 1s, timeout: 1s, retries: 1}
        """;

    [Fact]
    public async Task DeployAsync_StagingFileImagesNotInRegistry_ThrowsNamingThemAndLeavesTheEngineEmpty()
    {
        await using var empty = await RegistryServer.StartAsync();
        using var http = new HttpClient();
        var stack = new ComposeStack(new ComposeOptions
        {
            ProjectName = "edgerisk-pull",
            WorkingDirectory = RepositoryRoot.Path,
            Environment = new Dictionary<string, string> { ["DOCKER_HOST"] = engine.Daemon.DockerHost },
        });

        var e = await Assert.ThrowsAsync<RegistryException>(() =>
            stack.DeployAsync(new ReleaseImages(new RegistryClient(http), ImageRegistry.Parse(empty.Address)), DockerEngineFixture.Version));

        Assert.StartsWith($"{empty.Address}/edgerisk/trading-core:{DockerEngineFixture.Version}, ", e.Message, StringComparison.Ordinal);
        Assert.EndsWith($"not in registry {empty.Address}: build and push with ./build.sh BuildImages", e.Message, StringComparison.Ordinal);
        using var health = StackHealth.Connect("edgerisk-pull", TimeProvider.System, engine.Daemon.DockerHost);
        Assert.Empty(await health.GetStatusAsync());
    }

    [Fact]
    public async Task WaitUntilHealthyAsync_OneServiceFailsItsHealthcheck_ThrowsNamingItWithStatuses()
    {
        await WithBusyboxStackAsync("mech", async (stack, health) =>
        {
            await stack.UpAsync();

            var healthy = await health.WaitUntilHealthyAsync(["web"], TimeSpan.FromSeconds(30));
            var e = await Assert.ThrowsAsync<StackUnhealthyException>(() => health.WaitUntilHealthyAsync(["web", "sick", "ghost"], TimeSpan.FromSeconds(4)));

            Assert.True(healthy.Single(s => s.Service == "web").IsHealthy);
            Assert.Contains("sick (running/unhealthy)", e.Message, StringComparison.Ordinal);
            Assert.Contains("ghost (no container)", e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("web (", e.Message, StringComparison.Ordinal);
            var web = e.Containers.Single(c => c.Service == "web");
            Assert.Equal("mech_web_1", web.ContainerName);
            Assert.NotNull(web.StartedAt);
            Assert.Equal(0, web.RestartCount);
            Assert.Contains("mech_sick_1", Render(e.Containers), StringComparison.Ordinal);
            Assert.Contains("mech_web_1", await stack.PsAsync(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task UpAsync_ServiceSubset_StartsOnlyThoseServices()
    {
        await WithBusyboxStackAsync("subset", async (stack, health) =>
        {
            var result = await stack.UpAsync(["web"]);

            Assert.True(result.Succeeded, result.StandardError);
            Assert.Equal(["web"], (await health.GetStatusAsync()).Select(c => c.Service));
            await Assert.ThrowsAsync<ArgumentException>(() => stack.UpAsync([]));
        });
    }

    [Fact]
    public async Task UpAsync_MissingLocalImage_ThrowsWithComposeError()
    {
        using var dir = new TempDirectory("compose");
        await File.WriteAllTextAsync(dir.Combine("docker-compose.yml"),
            "version: \"2.4\"\nservices:\n  app:\n    image: edgerisk/not-built:local\n    network_mode: host\n");
        var stack = Stack(dir, "missing");

        var e = await Assert.ThrowsAsync<ComposeException>(() => stack.UpAsync());

        Assert.Contains("docker-compose up", e.Message, StringComparison.Ordinal);
        Assert.Contains("edgerisk/not-built", e.Message, StringComparison.Ordinal);
        await stack.DownAsync();
    }

    /// <summary>The busybox compose file as <paramref name="project"/>: runs <paramref name="body"/>, always takes the stack down, and checks nothing is left.</summary>
    private async Task WithBusyboxStackAsync(string project, Func<ComposeStack, StackHealth, Task> body)
    {
        await engine.EnsureBusyboxAsync();
        using var dir = new TempDirectory("compose");
        await File.WriteAllTextAsync(dir.Combine("docker-compose.yml"), ComposeFile);
        var stack = Stack(dir, project);
        using var health = StackHealth.Connect(project, TimeProvider.System, engine.Daemon.DockerHost);
        try
        {
            await body(stack, health);
        }
        finally
        {
            await stack.DownAsync();
        }

        Assert.Empty(await health.GetStatusAsync());
    }

    private static string Render(IReadOnlyList<ServiceContainerStatus> statuses)
    {
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 240;
        console.Write(StackHealth.RenderTable(statuses));
        return output.ToString();
    }

    /// <summary>The docker-compose.yml in <paramref name="dir"/> as project <paramref name="project"/> on the test engine.</summary>
    private ComposeStack Stack(TempDirectory dir, string project) => new(new ComposeOptions
    {
        ProjectName = project,
        ComposeFile = "docker-compose.yml",
        WorkingDirectory = dir.Path,
        Environment = new Dictionary<string, string> { ["DOCKER_HOST"] = engine.Daemon.DockerHost },
    });
}

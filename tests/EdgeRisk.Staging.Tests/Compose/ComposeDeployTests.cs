using EdgeRisk.Release.Promotion;
using EdgeRisk.Release.Staging;

namespace EdgeRisk.Staging.Tests.Compose;

/// <summary>
/// StageDeploy's and the production deploy's compose steps against a real registry, with a hand-written docker-compose
/// that only records its calls: a missing image stops the deploy before compose pulls or starts anything.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ComposeDeployTests
{
    private const string Commit = "0123456789abcdef0123456789abcdef01234567";

    private static readonly HttpClient Http = new();

    [Fact]
    public async Task DeployAsync_ImageMissingFromRegistry_ThrowsNamingImageRegistryAndBuildImagesBeforeAnyPull()
    {
        await using var registry = await RegistryServer.StartAsync();
        var images = await PushAllAsync(registry, "0.4.0", except: "edgerisk/redis");
        using var dir = new TempDirectory("deploy");

        var e = await Assert.ThrowsAsync<RegistryException>(() => Stack(dir).DeployAsync(images, "0.4.0"));

        Assert.Equal($"{registry.Address}/edgerisk/redis:0.4.0 not in registry {registry.Address}: build and push with ./build.sh BuildImages", e.Message);
        Assert.Empty(Calls(dir));
    }

    [Fact]
    public async Task DeployAsync_AllImagesInRegistry_PullsThenUpsWithTheCheckedRegistryAndVersion()
    {
        await using var registry = await RegistryServer.StartAsync();
        var images = await PushAllAsync(registry, "0.4.1");
        using var dir = new TempDirectory("deploy");

        var check = await Stack(dir).DeployAsync(images, "0.4.1");

        Assert.True(check.Passed, check.Problem);
        Assert.Equal(
        [
            $"{registry.Address} 0.4.1 -p edgerisk-deploy -f docker-compose.staging.yml pull",
            $"{registry.Address} 0.4.1 -p edgerisk-deploy -f docker-compose.staging.yml up -d --remove-orphans",
        ], Calls(dir));
    }

    [Fact]
    public async Task ProductionDeployAsync_ImageMissingFromRegistry_NothingPulledOrStarted()
    {
        await using var registry = await RegistryServer.StartAsync();
        var images = await PushAllAsync(registry, "0.4.0", except: "edgerisk/trading-core");
        using var dir = new TempDirectory("deploy");
        var deployer = new ComposeProductionDeployer(Options(dir) with { ProjectName = ComposeProductionDeployer.ProjectName }, images);

        var e = await Assert.ThrowsAsync<RegistryException>(() => deployer.DeployAsync("v0.4.0", Commit));

        Assert.Contains($"{registry.Address}/edgerisk/trading-core:0.4.0 not in registry {registry.Address}", e.Message, StringComparison.Ordinal);
        Assert.Contains("./build.sh BuildImages", e.Message, StringComparison.Ordinal);
        // Only `config -q` ran: no pull, no up.
        Assert.Equal([$"{registry.Address} 0.4.0 -p edgerisk-prod -f docker-compose.staging.yml config -q"], Calls(dir));
    }

    /// <summary>Pushes every release image (but <paramref name="except"/>) at <paramref name="tag"/>; the images as the deploy checks them.</summary>
    private static async Task<ReleaseImages> PushAllAsync(RegistryServer registry, string tag, string? except = null)
    {
        foreach (var repository in ReleaseImages.Repositories.Where(r => r != except))
        {
            await registry.PushImageAsync(repository, tag, new Dictionary<string, string> { [ReleaseImages.RevisionLabel] = Commit });
        }

        return new ReleaseImages(new RegistryClient(Http), ImageRegistry.Parse(registry.Address));
    }

    private static ComposeStack Stack(TempDirectory dir) => new(Options(dir));

    /// <summary>The repository's compose file, run by a docker-compose that records registry, version and arguments.</summary>
    private static ComposeOptions Options(TempDirectory dir)
    {
        var compose = dir.Combine("docker-compose");
        File.WriteAllText(compose, "#!/bin/sh\necho \"$EDGERISK_REGISTRY $EDGERISK_VERSION $*\" >> \"$COMPOSE_CALLS\"\n");
        File.SetUnixFileMode(compose, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return new ComposeOptions
        {
            ProjectName = "edgerisk-deploy",
            WorkingDirectory = RepositoryRoot.Path,
            DockerComposeExecutable = compose,
            Environment = new Dictionary<string, string> { ["COMPOSE_CALLS"] = dir.Combine("calls.txt") },
        };
    }

    private static string[] Calls(TempDirectory dir) => File.Exists(dir.Combine("calls.txt")) ? File.ReadAllLines(dir.Combine("calls.txt")) : [];
}

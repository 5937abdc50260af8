using EdgeRisk.Nuke;
using EdgeRisk.Release.GitHub;
using EdgeRisk.Release.Images;
using EdgeRisk.Release.Outbox;
using EdgeRisk.Release.Staging;

namespace EdgeRisk.Build;

// The stack's images and EDGERISK_REGISTRY: built and pushed locally (BuildImages), checked by StageDeploy and Promote.
partial class Build
{
    [Parameter("Registry of the stack's images, host[:port][/namespace] (default: EDGERISK_REGISTRY in .env, the local registry)", Name = "EdgeriskRegistry")]
    public string? Registry { get; set; }

    static readonly HttpClient RegistryHttp = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>EDGERISK_REGISTRY (--edgerisk-registry or the environment), else the value .env gives compose.</summary>
    ImageRegistry StackRegistry => ImageRegistry.Parse(Registry ?? DotEnvFile.Read(RootDirectory / ".env").GetValueOrDefault(ImageRegistry.Variable));

    /// <summary>A Requires() check: EDGERISK_REGISTRY (flag, environment or .env) names a registry; otherwise exit 2 naming it and the valid form.</summary>
    bool RegistryGiven()
    {
        try
        {
            _ = StackRegistry;
            return true;
        }
        catch (ArgumentException e)
        {
            throw new BuildConfigurationException($"{e.Message} (set it with --edgerisk-registry, in the environment or in .env)", e);
        }
    }

    /// <summary>The engine BuildImages builds on: DOCKER_HOST, else the local services' own engine, else the default one — and it must answer.</summary>
    async Task<Uri> ImageBuildEngineAsync()
    {
        var engine = Environment.GetEnvironmentVariable(DockerEngine.HostVariable) is { Length: > 0 } given ? new Uri(given)
            : LocalServices.DockerHostOf(LocalServicesState.Read(ServicesState)) ?? DockerEngine.DefaultHost;
        return await DockerEngine.AnswersAsync(engine, TimeSpan.FromSeconds(10), Cancellation)
            ? engine
            : throw new InvalidOperationException(
                $"No Docker engine answers at {engine}: run ./build.sh StartServices (as root it starts one for the image builds), start Docker, or set DOCKER_HOST.");
    }

    /// <summary>The stack's images in EDGERISK_REGISTRY; ghcr.io is read with GITHUB_TOKEN.</summary>
    ReleaseImages StackImages() => new(StackRegistryClient(), StackRegistry);

    RegistryClient StackRegistryClient() =>
        new(RegistryHttp, !StackRegistry.IsLoopback && Settings.Get(GitHubOptions.TokenVariable) is { } token
            ? new RegistryCredentials(Environment.GetEnvironmentVariable("GITHUB_ACTOR") ?? "edgerisk", new Secret(token))
            : null);

    Target BuildImages => _ => _
        .Description("Builds the stack's images, labelled with the commit, and pushes them to EDGERISK_REGISTRY (local: the registry of StartServices; " +
            "the docker.yml workflow: ghcr.io/<owner>); staging runs it there, not here")
        .DependsOn(InstallDeps)
        .After(Tag, StageDeploy)
        .Requires(() => RegistryGiven())
        .OnlyWhenDynamic(() => IsLocalProfile)
        .Executes(async () =>
        {
            var options = new ImagePublisherOptions
            {
                RepositoryRoot = RootDirectory,
                Registry = StackRegistry,
                Version = Release.Core,
                Revision = await Repository.HeadCommitAsync(),
                Environment = new Dictionary<string, string> { [DockerEngine.HostVariable] = (await ImageBuildEngineAsync()).AbsoluteUri },
            };
            var images = await new ImagePublisher(options, StackRegistryClient()).PublishAsync(line => Log.Information(line));
            Log.Information(images.Line());
        });
}

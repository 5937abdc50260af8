using System.Text.RegularExpressions;
using Docker.DotNet;
using EdgeRisk.Release.Git;
using ImagePublisher = EdgeRisk.Release.Staging.ImagePublisher;
using ImagePublisherOptions = EdgeRisk.Release.Staging.ImagePublisherOptions;

namespace EdgeRisk.Staging.Tests.Compose;

/// <summary>
/// One isolated real dockerd for the Docker test collection and a real registry beside it, plus the images built on the
/// engine once: the busybox image on first use, and on first use the full set, built and pushed to the registry the way
/// BuildImages does it (ImagePublisher: scripts/build-images.sh --push, every image read back by digest). The base rootfs
/// comes from the content-keyed tarball cache (~/.cache/edgerisk), so only the first run on a machine pays debootstrap.
/// Other engines (a fresh "staging host") pull from <see cref="Registry"/>.
/// </summary>
public sealed partial class DockerEngineFixture : IAsyncLifetime
{
    /// <summary>
    /// A wide margin over the measured build (docs/staging.md: cold base 91 s, the rest about 190 s at load 20-30 on
    /// 2 cores); a timeout names the step that was running.
    /// </summary>
    public static readonly TimeSpan ImageBuildTimeout = TimeSpan.FromMinutes(25);

    private readonly Lazy<Task> _busybox;
    private readonly Lazy<Task<ReleaseImagesCheck>> _allImages;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private DockerDaemon? _daemon;
    private RegistryServer? _registry;

    public DockerEngineFixture()
    {
        _busybox = new(() => RunScriptAsync("docker/busybox/build-busybox.sh", TimeSpan.FromMinutes(1)));
        _allImages = new(PublishAllImagesAsync);
    }

    public DockerDaemon Daemon => _daemon ?? throw new InvalidOperationException("the daemon is not started");

    /// <summary>The registry the images are pushed to (EDGERISK_REGISTRY = its address).</summary>
    public RegistryServer Registry => _registry ?? throw new InvalidOperationException("the registry is not started");

    public ImageRegistry ImageRegistry => ImageRegistry.Parse(Registry.Address);

    /// <summary>The stack's images in <see cref="Registry"/>.</summary>
    public ReleaseImages ReleaseImages => new(new RegistryClient(_http), ImageRegistry);

    /// <summary>The trading-core image tag: the repository's &lt;Version&gt;.</summary>
    public static string Version { get; } = VersionPattern().Match(File.ReadAllText(RepositoryRoot.Combine("Directory.Build.props"))).Groups[1].Value;

    public Task EnsureBusyboxAsync() => _busybox.Value;

    /// <summary>Every image of the stack built on <see cref="Daemon"/> and pushed to <see cref="Registry"/> (once per run).</summary>
    public Task<ReleaseImagesCheck> EnsureAllImagesAsync() => _allImages.Value;

    public DockerClient CreateClient() => new DockerClientConfiguration(new Uri(Daemon.DockerHost)).CreateClient();

    /// <summary>Runs the docker CLI against this engine.</summary>
    public Task<CommandResult> DockerAsync(params string[] arguments) =>
        CommandRunner.RunAsync("docker", arguments, Daemon.Environment, timeout: TimeSpan.FromMinutes(1));

    public async Task InitializeAsync()
    {
        _registry = await RegistryServer.StartAsync();
        _daemon = await DockerDaemon.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_daemon is not null)
        {
            await _daemon.DisposeAsync();
        }

        if (_registry is not null)
        {
            await _registry.DisposeAsync();
        }

        _http.Dispose();
    }

    private async Task<ReleaseImagesCheck> PublishAllImagesAsync()
    {
        var options = new ImagePublisherOptions
        {
            RepositoryRoot = RepositoryRoot.Path,
            Registry = ImageRegistry,
            Version = Version,
            Revision = await new GitRepository(RepositoryRoot.Path).HeadCommitAsync(),
            Environment = Daemon.Environment,
            Timeout = ImageBuildTimeout,
        };
        return await new ImagePublisher(options, new RegistryClient(_http)).PublishAsync();
    }

    private async Task RunScriptAsync(string script, TimeSpan timeout, params string[] arguments)
    {
        var (exitCode, stdout, stderr) = await CommandRunner.RunAsync("bash", [RepositoryRoot.Combine(script), .. arguments], Daemon.Environment, timeout: timeout);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{script} failed with exit code {exitCode}:\n{stdout}{stderr}");
        }
    }

    [GeneratedRegex("<Version>([^<]+)</Version>")]
    private static partial Regex VersionPattern();
}

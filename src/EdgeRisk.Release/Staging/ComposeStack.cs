using EdgeRisk.Release.Images;

namespace EdgeRisk.Release.Staging;

/// <summary>
/// The staging stack through docker-compose v1: <c>docker-compose -p NAME -f FILE ...</c>. Every call fails with a
/// <see cref="ComposeException"/> carrying compose's own last lines when the command exits non-zero.
/// </summary>
public sealed class ComposeStack
{
    /// <summary>The image tag variable of docker-compose.staging.yml (its registry is <see cref="ImageRegistry.Variable"/>).</summary>
    public const string VersionVariable = "EDGERISK_VERSION";

    private readonly ComposeOptions _options;

    public ComposeStack(ComposeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    public ComposeOptions Options => _options;

    /// <summary><c>config -q</c>: the file parses and interpolates with the current environment.</summary>
    public Task<CommandResult> ValidateAsync(CancellationToken cancellationToken = default) => RunAsync(["config", "-q"], cancellationToken);

    /// <summary><c>config</c>: the file as compose resolves it with the current environment (image names included).</summary>
    public Task<CommandResult> ConfigAsync(CancellationToken cancellationToken = default) => RunAsync(["config"], cancellationToken);

    /// <summary><c>pull</c>: every service's image from the registry (EDGERISK_REGISTRY); nothing is built on the host.</summary>
    public Task<CommandResult> PullAsync(CancellationToken cancellationToken = default) => RunAsync(["pull"], cancellationToken);

    /// <summary><c>up -d</c>: compose waits for <c>depends_on: service_healthy</c> before starting dependants.</summary>
    public Task<CommandResult> UpAsync(CancellationToken cancellationToken = default) =>
        RunAsync(["up", "-d", "--remove-orphans"], cancellationToken);

    /// <summary><c>up -d SERVICE...</c>: only these services (and what they depend on), the rest of the stack untouched.</summary>
    public Task<CommandResult> UpAsync(IReadOnlyList<string> services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.Count == 0
            ? throw new ArgumentException("name at least one compose service", nameof(services))
            : RunAsync(["up", "-d", .. services], cancellationToken);
    }

    /// <summary>
    /// <c>down -t 0 --remove-orphans</c> (+ <c>-v</c>): stops and removes the containers and network; the pulled images
    /// stay, and named volumes (Redis journal, TSDB) go only with <paramref name="removeVolumes"/>.
    /// </summary>
    public Task<CommandResult> DownAsync(bool removeVolumes = false, CancellationToken cancellationToken = default) =>
        RunAsync(removeVolumes ? ["down", "-t", "0", "--remove-orphans", "-v"] : ["down", "-t", "0", "--remove-orphans"], cancellationToken);

    /// <summary>
    /// The deploy of StageDeploy and of production: every image at <paramref name="imageTag"/> checked in the registry
    /// first (nothing pulled or started when one is missing), then <c>pull</c> and <c>up -d</c> with EDGERISK_REGISTRY and
    /// EDGERISK_VERSION set to what was checked.
    /// </summary>
    /// <exception cref="RegistryException">An image is missing: one line naming it, the registry and ./build.sh BuildImages.</exception>
    public async Task<ReleaseImagesCheck> DeployAsync(ReleaseImages images, string imageTag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(images);
        var check = await images.RequireAsync(imageTag, cancellationToken);
        var checkedImages = new Dictionary<string, string>
        {
            [ImageRegistry.Variable] = images.Registry.ToString(),
            [VersionVariable] = imageTag,
        };
        await RunAsync(["pull"], cancellationToken, checkedImages);
        await RunAsync(["up", "-d", "--remove-orphans"], cancellationToken, checkedImages);
        return check;
    }

    /// <summary><c>ps</c> as compose prints it.</summary>
    public async Task<string> PsAsync(CancellationToken cancellationToken = default) => (await RunAsync(["ps"], cancellationToken)).StandardOutput;

    private async Task<CommandResult> RunAsync(IReadOnlyList<string> command, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? overrides = null)
    {
        var arguments = new List<string> { "-p", _options.ProjectName, "-f", _options.ComposeFile };
        foreach (var profile in _options.Profiles)
        {
            arguments.Add("--profile");
            arguments.Add(profile);
        }

        arguments.AddRange(command);
        var environment = new Dictionary<string, string>(_options.Environment);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var result = await ExternalCommand.RunAsync(_options.DockerComposeExecutable, arguments, _options.WorkingDirectory, environment,
            _options.CommandTimeout, cancellationToken);
        if (!result.Succeeded)
        {
            throw new ComposeException($"docker-compose {string.Join(' ', command)} (project {_options.ProjectName}) failed with exit code {result.ExitCode}: {result.Tail()}");
        }

        return result;
    }
}

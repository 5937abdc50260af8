namespace EdgeRisk.Release.Staging;

/// <summary>
/// The staging stack through docker-compose v1: <c>docker-compose -p NAME -f FILE ...</c>. Every call fails with a
/// <see cref="ComposeException"/> carrying compose's own last lines when the command exits non-zero.
/// </summary>
public sealed class ComposeStack
{
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

    /// <summary>Builds the per-service images (thin wrappers over the locally built edgerisk/* images).</summary>
    public Task<CommandResult> BuildAsync(CancellationToken cancellationToken = default) => RunAsync(["build"], cancellationToken);

    /// <summary>Pulls registry images; the locally built services declare no <c>image:</c> and are skipped.</summary>
    public Task<CommandResult> PullAsync(CancellationToken cancellationToken = default) => RunAsync(["pull"], cancellationToken);

    /// <summary>
    /// <c>up -d --build</c>: rebuilding refreshes the wrappers when a base image changed (cached otherwise); compose waits
    /// for <c>depends_on: service_healthy</c> before starting dependants.
    /// </summary>
    public Task<CommandResult> UpAsync(CancellationToken cancellationToken = default) =>
        RunAsync(["up", "-d", "--build", "--remove-orphans"], cancellationToken);

    /// <summary><c>up -d --build SERVICE...</c>: only these services (and what they depend on), the rest of the stack untouched.</summary>
    public Task<CommandResult> UpAsync(IReadOnlyList<string> services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.Count == 0
            ? throw new ArgumentException("name at least one compose service", nameof(services))
            : RunAsync(["up", "-d", "--build", .. services], cancellationToken);
    }

    /// <summary>
    /// <c>down -t 0 --remove-orphans --rmi local</c> (+ <c>-v</c>): stops and removes the containers, network and the
    /// project's wrapper images; named volumes (Redis journal, TSDB) go only with <paramref name="removeVolumes"/>.
    /// </summary>
    public Task<CommandResult> DownAsync(bool removeVolumes = false, CancellationToken cancellationToken = default) =>
        RunAsync(removeVolumes ? ["down", "-t", "0", "--remove-orphans", "--rmi", "local", "-v"] : ["down", "-t", "0", "--remove-orphans", "--rmi", "local"],
            cancellationToken);

    /// <summary><c>ps</c> as compose prints it.</summary>
    public async Task<string> PsAsync(CancellationToken cancellationToken = default) => (await RunAsync(["ps"], cancellationToken)).StandardOutput;

    private async Task<CommandResult> RunAsync(IReadOnlyList<string> command, CancellationToken cancellationToken)
    {
        var arguments = new List<string> { "-p", _options.ProjectName, "-f", _options.ComposeFile };
        foreach (var profile in _options.Profiles)
        {
            arguments.Add("--profile");
            arguments.Add(profile);
        }

        arguments.AddRange(command);
        var environment = new Dictionary<string, string>(_options.Environment)
        {
            // compose v1 would otherwise try the BuildKit CLI, which this engine does not have.
            ["DOCKER_BUILDKIT"] = "0",
            ["COMPOSE_DOCKER_CLI_BUILD"] = "0",
        };
        var result = await ExternalCommand.RunAsync(_options.DockerComposeExecutable, arguments, _options.WorkingDirectory, environment,
            _options.CommandTimeout, cancellationToken);
        if (!result.Succeeded)
        {
            throw new ComposeException($"docker-compose {string.Join(' ', command)} (project {_options.ProjectName}) failed with exit code {result.ExitCode}: {result.Tail()}");
        }

        return result;
    }
}

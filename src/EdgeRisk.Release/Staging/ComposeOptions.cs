using System.Text.RegularExpressions;

namespace EdgeRisk.Release.Staging;

/// <summary>
/// Which compose project to drive: <c>docker-compose -p ProjectName -f ComposeFile</c> run in <see cref="WorkingDirectory"/>
/// (relative paths in the file resolve from there). <see cref="Environment"/> is added to the inherited environment:
/// DOCKER_HOST, port overrides (CRYPTO_METRICS_PORT, REDIS_PORT, ...), EDGERISK_VERSION.
/// </summary>
public sealed partial record ComposeOptions
{
    public const string DefaultProjectName = "edgerisk";
    public const string DefaultComposeFile = "docker-compose.staging.yml";

    public string ProjectName { get; init; } = DefaultProjectName;

    public string ComposeFile { get; init; } = DefaultComposeFile;

    public string WorkingDirectory { get; init; } = ".";

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Compose profiles to enable (e.g. "grafana"); none by default.</summary>
    public IReadOnlyList<string> Profiles { get; init; } = [];

    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromMinutes(5);

    public string DockerComposeExecutable { get; init; } = "docker-compose";

    /// <exception cref="ComposeException">A value compose would reject or misread.</exception>
    public void Validate()
    {
        if (!ProjectNamePattern().IsMatch(ProjectName))
        {
            throw new ComposeException($"compose project name '{ProjectName}' is invalid: use lowercase letters, digits, '-' and '_' (e.g. edgerisk)");
        }

        var file = Path.Combine(WorkingDirectory, ComposeFile);
        if (!File.Exists(file))
        {
            throw new ComposeException($"compose file '{file}' not found: run from the repository root or set the compose file path");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$")]
    private static partial Regex ProjectNamePattern();
}

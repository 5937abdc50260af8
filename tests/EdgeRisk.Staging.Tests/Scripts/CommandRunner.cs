namespace EdgeRisk.Staging.Tests.Scripts;

/// <summary>
/// The project's process runner with the defaults of these tests: the tool found on PATH (or in /usr/sbin), the repository
/// root as working directory, 30 s unless told, and stdout and stderr apart.
/// </summary>
public static class CommandRunner
{
    /// <param name="environment">Variables to set on top of the inherited environment.</param>
    /// <param name="unset">Inherited variables to remove, so that the command sees them as not set.</param>
    /// <exception cref="ProcessException">It did not finish in time (killed; the message quotes its last lines).</exception>
    public static async Task<CommandResult> RunAsync(string fileName, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null, TimeSpan? timeout = null,
        IEnumerable<string>? unset = null)
    {
        var result = await ProcessRunner.RunAsync(new ProcessOptions
        {
            FileName = ExecutableLocator.Find(fileName),
            Arguments = [.. arguments],
            WorkingDirectory = workingDirectory ?? RepositoryRoot.Path,
            Environment = environment ?? new Dictionary<string, string>(),
            UnsetEnvironment = [.. unset ?? []],
            Timeout = timeout ?? TimeSpan.FromSeconds(30),
        });
        return new CommandResult(result.ExitCode, result.StandardOutput, result.StandardError);
    }
}

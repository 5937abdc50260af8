using EdgeRisk.Processes;

namespace EdgeRisk.Tuning.Scheduling;

/// <summary>The exit code and combined output of a finished command.</summary>
internal sealed record CommandOutput(int ExitCode, string Output)
{
    public string FirstLine => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "(no output)";
}

/// <summary>
/// Runs a command (no shell) with extra environment through the project's process runner and returns its exit code and
/// output (the first 64 KiB); cancellation kills it and its children.
/// </summary>
internal static class SchedulerCommand
{
    /// <param name="missing">The fix named when the executable cannot be started (not installed).</param>
    public static async Task<CommandOutput> RunAsync(string fileName, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string> environment, string missing, CancellationToken cancellationToken)
    {
        var options = new ProcessOptions
        {
            FileName = fileName,
            Arguments = [.. arguments],
            Environment = environment,
            MaxCapturedChars = 64 * 1024,
            MissingHint = missing,
        };
        try
        {
            var result = await ProcessRunner.RunAsync(options, cancellationToken);
            return new CommandOutput(result.ExitCode, result.Output);
        }
        catch (ProcessException e)
        {
            throw new TrialSchedulingException(e.Message, e);
        }
    }
}

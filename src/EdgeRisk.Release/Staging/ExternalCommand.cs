using EdgeRisk.Processes;

namespace EdgeRisk.Release.Staging;

/// <summary>
/// Runs a tool with an argument list (no shell), extra environment on top of the inherited one, and a time limit. A timeout
/// names the tool and its last output lines (what it was doing when time ran out).
/// </summary>
internal static class ExternalCommand
{
    /// <param name="onLine">Receives every output line as it comes (progress of long builds), besides the captured result.</param>
    public static async Task<CommandResult> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string> environment, TimeSpan timeout, CancellationToken cancellationToken, Action<string>? onLine = null)
    {
        var options = new ProcessOptions
        {
            FileName = fileName,
            Arguments = [.. arguments],
            WorkingDirectory = workingDirectory,
            Environment = environment,
            Timeout = timeout,
            OnLine = onLine is null ? null : line => onLine(line.Text),
            MissingHint = "install it (sudo bash scripts/install-deps.sh)",
        };
        var result = await ProcessRunner.RunAsync(options, e => new ComposeException(e.TimedOut
            ? $"'{fileName} {string.Join(' ', options.Arguments)}' did not finish within {timeout.TotalSeconds:0} s; its last output: {e.LastOutput}"
            : e.Message, e), cancellationToken);
        return new CommandResult(result.ExitCode, result.StandardOutput, result.StandardError);
    }
}

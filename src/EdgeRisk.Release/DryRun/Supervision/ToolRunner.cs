using EdgeRisk.Processes;

namespace EdgeRisk.Release.DryRun.Supervision;

/// <summary>Runs a short-lived tool (promtool) to completion and returns its combined output; non-zero exit is an error.</summary>
internal static class ToolRunner
{
    public static async Task<string> RunCheckedAsync(string tool, IReadOnlyList<string> arguments, TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var options = new ProcessOptions
        {
            FileName = LoggedProcess.ResolveExecutable(tool),
            Arguments = arguments,
            Timeout = timeout,
            MissingHint = "install it (sudo bash scripts/install-deps.sh)",
        };
        var result = await ProcessRunner.RunAsync(options, e => new DryRunException(e.TimedOut
            ? $"{tool} {arguments[0]} did not finish within {timeout.TotalSeconds:0} s"
            : e.Message, e), cancellationToken);

        var output = (result.StandardOutput + result.StandardError).Trim();
        if (result.ExitCode != 0)
        {
            throw new DryRunException($"{tool} {string.Join(' ', arguments.Take(3))} failed (exit {result.ExitCode}): {result.Tail()}");
        }

        return output;
    }
}

using System.ComponentModel;
using System.Diagnostics;

namespace EdgeRisk.Release.DryRun;

/// <summary>Runs a short-lived tool (promtool) to completion and returns its combined output; non-zero exit is an error.</summary>
internal static class ToolRunner
{
    public static async Task<string> RunCheckedAsync(string tool, IReadOnlyList<string> arguments, TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(LoggedProcess.ResolveExecutable(tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new DryRunException($"{tool} could not be started");
        }
        catch (Win32Exception ex)
        {
            throw new DryRunException($"{tool} could not be started ({ex.Message}); install it (sudo bash scripts/install-deps.sh)", ex);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
            using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            bounded.CancelAfter(timeout);
            try
            {
                await process.WaitForExitAsync(bounded.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
                cancellationToken.ThrowIfCancellationRequested();
                throw new DryRunException($"{tool} {arguments[0]} did not finish within {timeout.TotalSeconds:0} s");
            }

            var output = (await stdout + await stderr).Trim();
            if (process.ExitCode != 0)
            {
                throw new DryRunException($"{tool} {string.Join(' ', arguments.Take(3))} failed (exit {process.ExitCode}): {LastLines(output)}");
            }

            return output;
        }
    }

    private static string LastLines(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(" | ", lines.TakeLast(3));
    }
}

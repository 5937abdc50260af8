using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace EdgeRisk.Tuning.Scheduling;

/// <summary>The exit code and combined output of a finished command.</summary>
internal sealed record CommandOutput(int ExitCode, string Output)
{
    public string FirstLine => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "(no output)";
}

/// <summary>
/// Runs a command (no shell) with extra environment and returns its exit code and output; cancellation kills it and its
/// children. The schedulers' only process runner (the project's others live in the build engine and the release library,
/// which this library does not reference).
/// </summary>
internal static class SchedulerCommand
{
    /// <param name="missing">The fix named when the executable cannot be started (not installed).</param>
    public static async Task<CommandOutput> RunAsync(string fileName, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string> environment, string missing, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        using var process = new Process { StartInfo = info };
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new TrialSchedulingException($"'{fileName}' could not be started ({e.Message}): {missing}", e);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // exited meanwhile
            }

            await process.WaitForExitAsync(CancellationToken.None);
            throw;
        }

        // The parameterless wait drains the redirected streams.
        await process.WaitForExitAsync(CancellationToken.None);
        lock (output)
        {
            return new CommandOutput(process.ExitCode, output.ToString());
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            if (output.Length < 64 * 1024)
            {
                output.AppendLine(line);
            }
        }
    }
}

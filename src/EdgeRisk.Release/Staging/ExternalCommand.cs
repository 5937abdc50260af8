using System.ComponentModel;
using System.Diagnostics;
using System.Text;

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
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
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
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var both = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(stdout, both, e.Data, onLine);
        process.ErrorDataReceived += (_, e) => Append(stderr, both, e.Data, onLine);
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new ComposeException($"'{fileName}' could not be started ({e.Message}): install it (sudo bash scripts/install-deps.sh)", e);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            var partial = new CommandResult(-1, Read(both), "");
            throw new ComposeException($"'{fileName} {string.Join(' ', info.ArgumentList)}' did not finish within {timeout.TotalSeconds:0} s; its last output: {partial.Tail()}");
        }

        // The parameterless wait drains the redirected streams.
        await process.WaitForExitAsync(CancellationToken.None);
        return new CommandResult(process.ExitCode, Read(stdout), Read(stderr));
    }

    private static void Append(StringBuilder buffer, StringBuilder both, string? line, Action<string>? onLine)
    {
        if (line is null)
        {
            return;
        }

        onLine?.Invoke(line);
        lock (buffer)
        {
            buffer.AppendLine(line);
        }

        lock (both)
        {
            both.AppendLine(line);
        }
    }

    private static string Read(StringBuilder buffer)
    {
        lock (buffer)
        {
            return buffer.ToString();
        }
    }
}

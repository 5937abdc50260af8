using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace EdgeRisk.Release.Staging;

/// <summary>Runs a tool with an argument list (no shell), extra environment on top of the inherited one, and a time limit.</summary>
internal static class ExternalCommand
{
    public static async Task<CommandResult> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string> environment, TimeSpan timeout, CancellationToken cancellationToken)
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
        process.OutputDataReceived += (_, e) => Append(stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(stderr, e.Data);
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
            throw new ComposeException($"'{fileName} {string.Join(' ', info.ArgumentList)}' did not finish within {timeout.TotalSeconds:0} s");
        }

        // The parameterless wait drains the redirected streams.
        await process.WaitForExitAsync(CancellationToken.None);
        return new CommandResult(process.ExitCode, Read(stdout), Read(stderr));
    }

    private static void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            buffer.AppendLine(line);
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

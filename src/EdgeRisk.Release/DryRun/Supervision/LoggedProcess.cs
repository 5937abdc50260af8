using System.ComponentModel;
using System.Diagnostics;
using EdgeRisk.Processes;

namespace EdgeRisk.Release.DryRun.Supervision;

/// <summary>
/// A child process whose stdout and stderr go straight to a log file (appended) instead of a pipe to this process,
/// so it can outlive the build (Prometheus) and a full pipe can never stall it. <c>sh</c> sets up the redirection
/// and then <c>exec</c>s the program, so <see cref="Pid"/> and <see cref="ExitCode"/> are the program's own.
/// </summary>
internal sealed class LoggedProcess : IDisposable
{
    private const string ExecWithLog = "log=$1; shift; exec \"$@\" >>\"$log\" 2>&1 </dev/null";

    private readonly Process _process;

    private LoggedProcess(Process process)
    {
        _process = process;
    }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The exit code; 128 + n when the process was ended by signal n.</summary>
    public int ExitCode => _process.ExitCode;

    public static LoggedProcess Start(string fileName, IReadOnlyList<string> arguments, string logPath,
        string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var executable = ResolveExecutable(fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(logPath))!);
        var info = new ProcessStartInfo("/bin/sh")
        {
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? System.Environment.CurrentDirectory,
        };
        foreach (var argument in (string[])["-c", ExecWithLog, "sh", Path.GetFullPath(logPath), executable, .. arguments])
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        try
        {
            return new LoggedProcess(Process.Start(info) ?? throw new DryRunException($"{fileName} could not be started"));
        }
        catch (Win32Exception ex)
        {
            throw new DryRunException($"{fileName} could not be started ({ex.Message}); /bin/sh is required", ex);
        }
    }

    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    /// <summary>SIGKILL, and waits (at most 10 s) until the process is gone; for Dispose paths that cannot await.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(TimeSpan.FromSeconds(10));
        }
        catch (InvalidOperationException)
        {
            // already exited, or already killed and disposed by the task that ran it
        }
    }

    /// <summary>SIGKILL, and waits until the process is gone.</summary>
    public async Task KillAsync()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already exited
        }

        await _process.WaitForExitAsync(CancellationToken.None);
    }

    public void Dispose() => _process.Dispose();

    /// <summary>An absolute path, or the file <see cref="Executable.Find"/> finds on PATH (and in /usr/sbin, where Debian puts some daemons).</summary>
    public static string ResolveExecutable(string fileName)
    {
        if (fileName.Contains('/', StringComparison.Ordinal))
        {
            var full = Path.GetFullPath(fileName);
            return File.Exists(full)
                ? full
                : throw new DryRunException($"executable {fileName} does not exist; build it first or pass the right path");
        }

        return Executable.Find(fileName) ?? throw new DryRunException($"'{fileName}' is not on PATH; install it (sudo bash scripts/install-deps.sh)");
    }
}

using System.Diagnostics;

namespace EdgeRisk.Nuke.Tooling;

/// <summary>Starts tools with captured output relayed (secret-masked) to the current target's log.</summary>
public static class ProcessTasks
{
    public static IProcess StartProcess(
        string toolPath,
        string? arguments = null,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environmentVariables = null,
        TimeSpan? timeout = null,
        bool logOutput = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(toolPath);
        var startInfo = new ProcessStartInfo(toolPath, arguments ?? string.Empty)
        {
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environmentVariables ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        return new ToolProcess(startInfo, timeout, logOutput);
    }
}

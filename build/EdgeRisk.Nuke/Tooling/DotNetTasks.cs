namespace EdgeRisk.Nuke.Tooling;

/// <summary>Runs the <c>dotnet</c> CLI (the one the bootstrapper found via DOTNET_EXE, else PATH).</summary>
public static class DotNetTasks
{
    private static readonly Dictionary<string, string> QuietCli = new()
    {
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
    };

    public static string DotNetPath => Environment.GetEnvironmentVariable("DOTNET_EXE") is { Length: > 0 } path ? path : "dotnet";

    /// <summary>Starts <c>dotnet</c> without waiting, for callers that run several at once.</summary>
    public static IProcess StartDotNet(string arguments, string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environmentVariables = null, TimeSpan? timeout = null)
    {
        var environment = new Dictionary<string, string>(QuietCli);
        foreach (var (name, value) in environmentVariables ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        return ProcessTasks.StartProcess(DotNetPath, arguments, workingDirectory, environment, timeout);
    }

    /// <summary>Runs <c>dotnet</c> to completion; throws <see cref="ProcessException"/> on a non-zero exit code.</summary>
    public static IReadOnlyList<Output> DotNet(string arguments, string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environmentVariables = null, TimeSpan? timeout = null)
    {
        using var process = StartDotNet(arguments, workingDirectory, environmentVariables, timeout);
        return process.AssertZeroExitCode().Output;
    }
}

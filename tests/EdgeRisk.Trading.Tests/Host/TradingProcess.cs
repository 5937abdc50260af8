namespace EdgeRisk.Trading.Tests.Host;

/// <summary>Runs the built <c>edgerisk-trading.dll</c> as a real child process with <c>dotnet</c>.</summary>
internal static class TradingProcess
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string DataDirectory => Path.Combine(RepoRoot, "data", "lean");

    /// <summary>The shipped <c>config/</c> (strategy.json, router.json).</summary>
    public static string ConfigDirectory => Path.Combine(RepoRoot, "config");

    public static ManagedProcess Start(IEnumerable<string> arguments)
        => ManagedProcess.Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "edgerisk-trading.dll"), .. arguments], workingDirectory: RepoRoot);

    /// <summary>Runs to completion (bounded) and returns the exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(IEnumerable<string> arguments, TimeSpan? timeout = null)
    {
        var process = Start(arguments);
        try
        {
            await WaitForExitAsync(process, timeout ?? TimeSpan.FromSeconds(30));
            var exitCode = process.ExitCode;
            await process.DisposeAsync(); // drains the redirected output
            return (exitCode, process.Output);
        }
        finally
        {
            await process.DisposeAsync();
        }
    }

    public static async Task WaitForExitAsync(ManagedProcess process, TimeSpan timeout)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!process.HasExited)
        {
            if (waited.Elapsed > timeout)
            {
                throw new TimeoutException($"edgerisk-trading did not exit within {timeout.TotalSeconds:0} s:\n{process.Output}");
            }

            await Task.Delay(20);
        }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "data", "lean")) && File.Exists(Path.Combine(dir.FullName, "EdgeRisk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("repository root (with data/lean) not found above the test output folder");
    }
}

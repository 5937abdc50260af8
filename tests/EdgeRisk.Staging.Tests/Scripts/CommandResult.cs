namespace EdgeRisk.Staging.Tests.Scripts;

/// <summary>Exit code and the separate output streams of a finished command.</summary>
public sealed record CommandResult(int ExitCode, string StandardOutput, string StandardError)
{
    public string[] OutputLines => StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{StandardOutput}\nstderr:\n{StandardError}";
}

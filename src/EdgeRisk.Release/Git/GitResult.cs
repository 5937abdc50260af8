namespace EdgeRisk.Release.Git;

/// <summary>Exit code and captured output of one git invocation.</summary>
public sealed record GitResult(int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>The first non-empty line of stderr (or stdout), for one-line error messages.</summary>
    public string Reason =>
        (StandardError + "\n" + StandardOutput)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault(l => !l.StartsWith("hint:", StringComparison.Ordinal)) ?? $"exit code {ExitCode}";
}

namespace EdgeRisk.Release.Staging;

/// <summary>Exit code and captured output of an external command (docker-compose, docker).</summary>
public sealed record CommandResult(int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>The last non-empty lines of stderr (else stdout): enough to name the failure in one message.</summary>
    public string Tail(int lines = 5)
    {
        var text = StandardError.Trim().Length > 0 ? StandardError : StandardOutput;
        return string.Join(" | ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(lines));
    }
}

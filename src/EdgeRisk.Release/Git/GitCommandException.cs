namespace EdgeRisk.Release.Git;

/// <summary>A git invocation failed; the message is one line naming the command and git's own reason.</summary>
public class GitCommandException : Exception
{
    public GitCommandException(string message)
        : base(message)
    {
    }

    public GitCommandException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public GitCommandException()
    {
    }

    /// <summary>git's own reason, without the command (e.g. the refused ref of a push), when known.</summary>
    public string? Reason { get; init; }
}

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
}

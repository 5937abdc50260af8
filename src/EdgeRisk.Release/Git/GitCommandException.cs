namespace EdgeRisk.Release.Git;

/// <summary>A git invocation failed; the message is one line naming the command and git's own reason.</summary>
public class GitCommandException(string message, Exception? innerException = null) : EdgeRiskException(message, innerException)
{
    /// <summary>git's own reason, without the command (e.g. the refused ref of a push), when known.</summary>
    public string? Reason { get; init; }
}

namespace EdgeRisk.Release.Git;

/// <summary>Why a release tagging run refused to change anything.</summary>
public enum ReleaseGitFailure
{
    DirtyWorkingTree,
    RefsOutOfDate,
    NonFastForward,
    TagOnOtherCommit,
    StaleReleaseCandidate,
    MissingBranch,
    PushRejected,
}

/// <summary>A precondition of tagging failed; nothing was pushed. The message is one line with the fix.</summary>
public sealed class ReleaseGitException(ReleaseGitFailure failure, string message) : EdgeRiskException(message)
{
    public ReleaseGitFailure Failure { get; } = failure;
}

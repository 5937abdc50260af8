namespace EdgeRisk.Release.Git;

public enum TagOutcome
{
    Created,
    AlreadyExists,
}

/// <summary>The tag, the commit it names, whether this run created it, and whether the remote main was pushed with it.</summary>
public sealed record TagReleaseResult(
    string Tag,
    string Commit,
    TagOutcome Outcome,
    string Remote,
    bool RemoteCreated,
    string? PreviousGaTag,
    IReadOnlyList<GitCommit> CommitsSincePreviousGa,
    bool MainPushed);

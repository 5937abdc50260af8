namespace EdgeRisk.Release.Git;

public enum TagOutcome
{
    Created,
    AlreadyExists,
}

/// <summary>The tag, the commit it names, and whether this run created it.</summary>
public sealed record TagReleaseResult(
    string Tag,
    string Commit,
    TagOutcome Outcome,
    string Remote,
    bool RemoteCreated,
    string? PreviousGaTag,
    IReadOnlyList<GitCommit> CommitsSincePreviousGa);

namespace EdgeRisk.Release.GitHub;

public enum GitHubReleaseStatus
{
    Created,
    Updated,
    Unchanged,
}

/// <summary>The release for a tag after <see cref="GitHubReleaseService.UpsertAsync"/>.</summary>
public sealed record GitHubReleaseResult(string Tag, long Id, string Url, GitHubReleaseStatus Status);

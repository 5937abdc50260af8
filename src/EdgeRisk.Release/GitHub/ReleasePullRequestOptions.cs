using EdgeRisk.Release.Git;

namespace EdgeRisk.Release.GitHub;

/// <summary>The promotion pull request: <c>Promote v&lt;version&gt;-rcN to main</c> from develop into main.</summary>
public sealed record ReleasePullRequestOptions(ReleaseVersion Candidate)
{
    public string Head { get; init; } = "develop";

    public string Base { get; init; } = "main";

    public string Body { get; init; } = "";

    public IReadOnlyList<string> Reviewers { get; init; } = [];

    public string Title => $"Promote {Candidate.Tag} to {Base}";
}

namespace EdgeRisk.Release.GitHub;

/// <summary>The promotion pull request: <c>Promote v&lt;version&gt; to main</c> from develop into main.</summary>
public sealed record ReleasePullRequestOptions(string Version)
{
    public string Head { get; init; } = "develop";

    public string Base { get; init; } = "main";

    public string Body { get; init; } = "";

    public IReadOnlyList<string> Reviewers { get; init; } = [];

    public string Title => $"Promote v{Version.TrimStart('v')} to {Base}";
}

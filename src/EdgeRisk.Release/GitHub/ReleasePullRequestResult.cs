namespace EdgeRisk.Release.GitHub;

/// <summary>The promotion pull request, whether this run opened it, and which reviewers this run requested.</summary>
public sealed record ReleasePullRequestResult(int Number, string Url, bool Created, IReadOnlyList<string> ReviewersRequested);

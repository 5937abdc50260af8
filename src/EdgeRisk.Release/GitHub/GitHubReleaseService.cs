using Octokit;

namespace EdgeRisk.Release.GitHub;

/// <summary>Creates the GitHub release for a tag, or updates it when its name, notes or prerelease flag differ.</summary>
public sealed class GitHubReleaseService(IGitHubClient github, GitHubOptions options)
{
    public async Task<GitHubReleaseResult> UpsertAsync(string tag, string name, string notes, bool prerelease, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tag);
        cancellationToken.ThrowIfCancellationRequested();
        Octokit.Release? existing;
        try
        {
            existing = await GitHubCalls.RunAsync($"reading release {tag}", () => github.Repository.Release.Get(options.Owner, options.Repository, tag));
        }
        catch (GitHubIntegrationException ex) when (ex.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            existing = null;
        }

        if (existing is null)
        {
            var created = await GitHubCalls.RunAsync(
                $"creating release {tag}",
                () => github.Repository.Release.Create(
                    options.Owner, options.Repository, new NewRelease(tag) { Name = name, Body = notes, Prerelease = prerelease, Draft = false }));
            return new GitHubReleaseResult(tag, created.Id, created.HtmlUrl, GitHubReleaseStatus.Created);
        }

        if (existing.Name == name && existing.Body == notes && existing.Prerelease == prerelease)
        {
            return new GitHubReleaseResult(tag, existing.Id, existing.HtmlUrl, GitHubReleaseStatus.Unchanged);
        }

        var updated = await GitHubCalls.RunAsync(
            $"updating release {tag}",
            () => github.Repository.Release.Edit(
                options.Owner, options.Repository, existing.Id, new ReleaseUpdate { Name = name, Body = notes, Prerelease = prerelease }));
        return new GitHubReleaseResult(tag, updated.Id, updated.HtmlUrl, GitHubReleaseStatus.Updated);
    }
}

using System.Net;
using Octokit;

namespace EdgeRisk.Release.GitHub;

/// <summary>
/// Opens the promotion pull request, or reuses the open one for the same head and base (found by paging through all
/// open pull requests into base), then requests the reviewers that are not requested yet. When base already contains
/// head, GitHub refuses the pull request (422 "No commits between"): that becomes a one-line error saying there is
/// nothing to review.
/// </summary>
public sealed class ReleasePullRequestService(IGitHubClient github, GitHubOptions options)
{
    private const int PageSize = 30;

    public async Task<ReleasePullRequestResult> OpenAsync(ReleasePullRequestOptions request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var pullRequest = await FindOpenAsync(request);
        var created = false;
        if (pullRequest is null)
        {
            try
            {
                pullRequest = await GitHubCalls.RunAsync(
                    $"opening '{request.Title}'",
                    () => github.PullRequest.Create(options.Owner, options.Repository, new NewPullRequest(request.Title, request.Head, request.Base) { Body = request.Body }));
            }
            catch (GitHubIntegrationException ex) when (ex.StatusCode == HttpStatusCode.UnprocessableEntity && ex.Message.Contains("No commits between", StringComparison.Ordinal))
            {
                throw new GitHubIntegrationException(
                    $"No release PR '{request.Title}': {request.Base} already contains {request.Head}, so there is nothing to review (GitHub: No commits between {request.Base} and {request.Head}); {request.Base} moves only at promotion: commit the release to {request.Head}, tag a new rc and re-run",
                    ex.StatusCode,
                    ex);
            }

            created = true;
        }

        var alreadyRequested = pullRequest.RequestedReviewers?.Select(u => u.Login).ToHashSet(StringComparer.OrdinalIgnoreCase)
            ?? new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var missing = request.Reviewers.Where(r => !alreadyRequested.Contains(r)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (missing.Count > 0)
        {
            var number = pullRequest.Number;
            await GitHubCalls.RunAsync(
                $"requesting reviewers {string.Join(", ", missing)} on #{number}",
                () => github.PullRequest.ReviewRequest.Create(options.Owner, options.Repository, number, new PullRequestReviewRequest(missing, [])));
        }

        return new ReleasePullRequestResult(pullRequest.Number, pullRequest.HtmlUrl, created, missing);
    }

    private async Task<PullRequest?> FindOpenAsync(ReleasePullRequestOptions request)
    {
        var open = await GitHubCalls.RunAsync(
            $"listing open pull requests into {request.Base}",
            () => github.PullRequest.GetAllForRepository(
                options.Owner,
                options.Repository,
                new PullRequestRequest { State = ItemStateFilter.Open, Base = request.Base },
                new ApiOptions { PageSize = PageSize }));
        return open.FirstOrDefault(pr => pr.Head?.Ref == request.Head && pr.Base?.Ref == request.Base);
    }
}

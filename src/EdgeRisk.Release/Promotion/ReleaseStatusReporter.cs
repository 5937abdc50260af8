using EdgeRisk.Release.Git;
using EdgeRisk.Release.GitHub;
using EdgeRisk.Release.Images;
using Octokit;

namespace EdgeRisk.Release.Promotion;

/// <summary>
/// Collects a <see cref="ReleaseStatus"/> from the repository (tags), GitHub Actions (the rc tag's image build), the image
/// registry (the rc's images by digest, built from the rc commit), gates.json and the evidence of earlier runs
/// (promotion.json, pull-request.json). Reads only; changes nothing.
/// </summary>
public sealed class ReleaseStatusReporter(GitRepository repository, IGitHubClient github, GitHubOptions gitHubOptions, PromotionOptions options,
    ReleaseImages images)
{
    public async Task<ReleaseStatus> CollectAsync(CancellationToken cancellationToken = default)
    {
        var candidateCommit = await repository.ResolveCommitAsync("refs/heads/" + options.DevelopBranch, cancellationToken)
            ?? await repository.HeadCommitAsync(cancellationToken);
        var candidate = await FindCandidateTagAsync(repository, options.GaTag, candidateCommit, cancellationToken);
        var imageBuild = candidate is null
            ? null
            : await new WorkflowRunChecker(github, gitHubOptions).CheckAsync(candidate, options.WorkflowFile, cancellationToken);
        var imagesCheck = candidate is null ? null : await images.CheckAsync(options.ImageTag, candidateCommit, cancellationToken);
        var gates = GateVerdict.Read(options.GatesDirectory);
        var gaCommit = await repository.ResolveCommitAsync("refs/tags/" + options.GaTag, cancellationToken);
        var state = PromotionState.Read(options.ReleaseDirectory);
        var current = state is not null && state.Tag == options.GaTag && state.Commit == gaCommit ? state : null;
        return new ReleaseStatus
        {
            Version = options.Version,
            Profile = options.Profile,
            RecordedToOutbox = options.RecordedToOutbox,
            CandidateTag = candidate,
            CandidateCommit = candidate is null ? null : candidateCommit,
            ImageBuild = imageBuild,
            Images = imagesCheck,
            WorkflowFile = options.WorkflowFile,
            Gates = gates,
            GaCommit = gaCommit,
            Deployment = current?.Deployment,
            ReleaseUrl = current?.ReleaseUrl,
            PullRequestUrl = PullRequestEvidence.ReadUrl(options.ReleaseDirectory),
            Promoted = current?.Completed == true,
        };
    }

    /// <summary>The highest rc tag of <paramref name="gaTag"/>'s version on <paramref name="commit"/>, or null.</summary>
    public static async Task<string?> FindCandidateTagAsync(GitRepository repository, string gaTag, string commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var core = ReleaseVersion.Parse(gaTag).Core;
        var candidates = (await repository.ListTagsAsync(cancellationToken: cancellationToken))
            .Select(t => ReleaseVersion.TryParse(t, out var v) ? v : null)
            .Where(v => v is { ReleaseCandidate: not null } && v.Core == core)
            .OrderByDescending(v => v!.ReleaseCandidate);
        foreach (var candidate in candidates)
        {
            if (await repository.ResolveCommitAsync("refs/tags/" + candidate!.Tag, cancellationToken) == commit)
            {
                return candidate.Tag;
            }
        }

        return null;
    }
}

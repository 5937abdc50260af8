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
        var candidate = (await FindCandidateTagAsync(repository, options.Version, candidateCommit, cancellationToken))?.Tag;
        var imageBuild = candidate is null
            ? null
            : await new WorkflowRunChecker(github, gitHubOptions).CheckAsync(candidate, options.WorkflowFile, cancellationToken);
        var imagesCheck = candidate is null ? null : await images.CheckAsync(options.ImageTag, candidateCommit, cancellationToken);
        var gates = GateVerdict.Read(options.GatesDirectory, options.GatesFileSha256);
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

    /// <summary>
    /// Sends the image-build ping of <paramref name="status"/> when one is due (<see cref="ReleasePing.ForImageBuild"/>) and
    /// returns the status carrying the ping's line for the Jira comment; a missing <paramref name="pinger"/> is a line
    /// saying nothing was sent, never silence.
    /// </summary>
    public static async Task<(ReleaseStatus Status, ReleasePingResult? Ping)> PingAsync(ReleaseStatus status, IReleasePinger? pinger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (ReleasePing.ForImageBuild(status) is not { } ping)
        {
            return (status, null);
        }

        var result = pinger is null
            ? new ReleasePingResult(ping, ReleasePingStatus.NotSent, "PagerDuty warning NOT sent (no pinger configured)")
            : await pinger.PingAsync(ping, cancellationToken);
        return (status with { PingLines = [.. status.PingLines, result.Line] }, result);
    }

    /// <summary>
    /// The release candidate on <paramref name="commit"/>: the rc <paramref name="version"/> names when that tag is there, or,
    /// for a version without an rc, its highest rc there; null when there is none.
    /// </summary>
    public static async Task<ReleaseVersion?> FindCandidateTagAsync(GitRepository repository, ReleaseVersion version, string commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(version);
        var candidates = version.ReleaseCandidatesIn(await repository.ListTagsAsync(cancellationToken: cancellationToken))
            .Where(rc => version.IsGa || rc == version);
        foreach (var candidate in candidates)
        {
            if (await repository.ResolveCommitAsync("refs/tags/" + candidate.Tag, cancellationToken) == commit)
            {
                return candidate;
            }
        }

        return null;
    }
}

using System.Text.Json;
using EdgeRisk.Nuke;
using EdgeRisk.Release.Git;
using EdgeRisk.Release.GitHub;
using EdgeRisk.Release.Promotion;

namespace EdgeRisk.Build;

// Runbook §1: the release candidate tagged and its release PR opened.
partial class Build
{
    [Parameter("GitHub logins of the release PR's PM and QA reviewers (staging: required; local: pm, qa)")]
    public string[] Reviewers { get; set; } = [];

    static readonly string[] LocalReviewers = ["pm", "qa"];

    Target Tag => _ => _
        .Description("§1: local main fast-forwarded to develop, annotated rc tag, only the tag pushed (local: bare repo under artifacts/)")
        .Requires(() => ReleaseVersion, ReleaseVersionProblem)
        .OnlyWhenDynamic(() => !AlreadyPromoted)
        .Executes(async () =>
        {
            var repository = Repository;
            if (IsLocalProfile && await repository.ResolveCommitAsync("refs/heads/develop") is null)
            {
                // A fresh clone has only main: locally the release candidate is the commit at hand.
                await repository.RunCheckedAsync(["branch", "develop", "HEAD"]);
                Log.Information("Local profile: created branch develop at HEAD (the release candidate)");
            }

            var options = new TagReleaseOptions
            {
                Version = Release,
                Remote = ReleaseRemote,
                LocalRemoteDirectory = IsLocalProfile ? (string)(ArtifactsDirectory / "origin.git") : null,
            };
            var result = await new TagService(repository).TagReleaseAsync(options);
            Log.Information($"{result.Tag} on {result.Commit[..12]}: {result.Outcome} (remote {result.Remote})");
            WriteEvidence("tag.json", JsonSerializer.Serialize(new { result.Tag, result.Commit, Outcome = result.Outcome.ToString(), result.Remote }));
        });

    Target ReleasePr => _ => _
        .Description("§1: the release PR 'Promote v<version>-rcN to main' with the PM and QA reviewers (--reviewers); reuses an open one")
        .DependsOn(Tag)
        .Requires(() => Configured(ReleaseService.GitHub), () => ReviewersGiven())
        .Requires(() => ReleaseVersion, ReleaseVersionProblem)
        .Requires(() => GitHubRepository, GitHubRepositoryProblem)
        .OnlyWhenDynamic(() => !AlreadyPromoted)
        .Executes(async () =>
        {
            var repository = Repository;
            var head = await repository.ResolveCommitAsync("refs/heads/develop") ?? await repository.HeadCommitAsync();
            var candidate = await ReleaseStatusReporter.FindCandidateTagAsync(repository, Release, head)
                ?? throw new InvalidOperationException($"No release candidate tag {PromotionOptions.CandidateTagText} on develop head: run ./build.sh Tag first.");
            if (await PromotionService.IsOnMainAsync(repository, PromotionOptions, head))
            {
                // A resumed Promote: the promotion push already carried develop to main and merged the PR.
                Log.Information($"{GaTag} is already pushed to main at {head[..12]}: the release PR was merged by that push, nothing to open");
                return;
            }

            var request = new ReleasePullRequestOptions(candidate)
            {
                Reviewers = Reviewers.Length > 0 ? Reviewers : LocalReviewers,
                Body = $"Release candidate {candidate} ({head[..12]}): dry run, gates and GA promotion follow docs/runbook.md.",
            };
            var (github, options, transport) = GitHub();
            using (transport)
            {
                // Tag pushes only the rc tag, so develop carries the release's commits; if main already contains
                // develop, GitHub refuses the PR and the service says there is nothing to review.
                var result = await new ReleasePullRequestService(github, options).OpenAsync(request);
                PullRequestEvidence.Write(ReleaseDirectory, request, result, IsLocalProfile);
                var requested = result.ReviewersRequested.Count == 0 ? "reviewers already requested" : $"requested {string.Join(", ", result.ReviewersRequested)}";
                Log.Information($"'{request.Title}' #{result.Number} {(result.Created ? "opened" : "reused")}, {requested}: {result.Url}{NotSent("GitHub")}");
            }
        });

    bool ReviewersGiven() =>
        IsLocalProfile || Reviewers.Length > 0
            ? true
            : throw new BuildConfigurationException("ReleasePr in staging needs the PM and QA reviewers: pass --reviewers <pm-login> <qa-login> or set REVIEWERS");
}

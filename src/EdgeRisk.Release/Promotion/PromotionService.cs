using System.Text.Json;
using EdgeRisk.Release.Git;
using EdgeRisk.Release.GitHub;
using EdgeRisk.Release.Jira;

namespace EdgeRisk.Release.Promotion;

/// <summary>
/// Runbook §5, the GA promotion. Preflight first and read-only: the rc tag's Docker-build workflow run (staging), the rc's
/// images in the registry (by digest, built from the rc commit; their digests go into images.json), then the gates
/// verdict (PASS only), then TagService's own checks (clean tree, up-to-date refs, fast-forward, tag not on another
/// commit). Only then: GA tag, and main fast-forwarded to it and pushed with the tag in one atomic push (the promotion to
/// main: GitHub marks the open release PR merged when its commits land on main), production deploy, GitHub release
/// (commits since the last GA tag plus the gate table), the deploy annotation on the Grafana dashboard (when configured), the Jira status comment, and the evidence under the release directory. Every step is idempotent and
/// promotion.json records what is done, so a re-run after a partial failure resumes (the deploy is not repeated) and a
/// re-run after success is a no-op.
/// </summary>
public sealed class PromotionService(GitRepository repository, PromotionIntegrations integrations, PromotionOptions options, TimeProvider time, Action<string> log)
{
    /// <summary>The digests of the images that were verified and deployed, beside the summary.</summary>
    public const string ImagesFileName = "images.json";

    private const string Nothing = "no GA tag, no push, no deploy.";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private readonly List<PromotionStep> steps = [];

    /// <summary>True when promotion.json says the GA tag was promoted at the commit the tag names.</summary>
    public static async Task<bool> IsPromotedAsync(GitRepository repository, PromotionOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(options);
        var state = PromotionState.Read(options.ReleaseDirectory);
        return state is { Completed: true }
            && state.Tag == options.GaTag
            && state.Commit == await repository.ResolveCommitAsync("refs/tags/" + options.GaTag, cancellationToken);
    }

    /// <summary>
    /// True when the GA tag names <paramref name="commit"/> and the remote main (as last fetched or pushed) contains it: the
    /// promotion push happened, and GitHub merged the release PR with it, so there is no PR left to open.
    /// </summary>
    public static async Task<bool> IsOnMainAsync(GitRepository repository, PromotionOptions options, string commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(options);
        return await repository.ResolveCommitAsync("refs/tags/" + options.GaTag, cancellationToken) == commit
            && await repository.ResolveCommitAsync($"refs/remotes/{options.Remote}/{options.MainBranch}", cancellationToken) is { } main
            && await repository.IsAncestorAsync(commit, main, cancellationToken);
    }

    public async Task<PromotionResult> PromoteAsync(CancellationToken cancellationToken = default)
    {
        options.Validate();
        var summaryPath = Path.Combine(options.ReleaseDirectory, "summary.md");
        var reporter = new ReleaseStatusReporter(repository, integrations.GitHub, integrations.GitHubOptions, options, integrations.Images);
        if (await IsPromotedAsync(repository, options, cancellationToken))
        {
            var done = await reporter.CollectAsync(cancellationToken);
            log($"{options.GaTag} is already promoted at {done.GaCommit![..12]}: nothing to do ({summaryPath})");
            return new PromotionResult(PromotionOutcome.AlreadyPromoted, options.GaTag, done.GaCommit, done, [], summaryPath);
        }

        // Preflight: reads only.
        var status = await StepAsync("preflight", async () =>
        {
            var collected = await reporter.CollectAsync(cancellationToken);
            log(collected.ImageBuildLine());
            log(collected.ImagesLine());
            collected = await PingFailedBuildAsync(collected, cancellationToken);
            RefuseUnlessBuilt(collected);
            RefuseUnlessInRegistry(collected);
            if (!collected.Gates.Passed)
            {
                var reason = collected.Gates.Problem is null ? "" : $" ({collected.Gates.Problem})";
                throw new PromotionRefusedException(
                    PromotionRefusal.GatesNotPassed,
                    $"Gates verdict {collected.Gates.Verdict}{reason}: {Nothing} See {collected.Gates.ReportPath}.");
            }

            return (collected, $"{collected.CandidateTag}, gates PASS");
        });

        // From here on the run changes things; TagService checks the tree and refs before its first change.
        var tag = await StepAsync("GA tag", async () =>
        {
            var result = await new TagService(repository).TagReleaseAsync(new TagReleaseOptions
            {
                Version = options.Version,
                Ga = true,
                Message = TagReleaseOptions.GaMessage,
                Remote = options.Remote,
                MainBranch = options.MainBranch,
                DevelopBranch = options.DevelopBranch,
                LocalRemoteDirectory = options.LocalRemoteDirectory,
                PushMain = true,
            }, cancellationToken);
            var outcome = result.Outcome == TagOutcome.Created ? $"created and pushed with {options.MainBranch}" : $"already there, pushed with {options.MainBranch}";
            log($"{result.Tag} on {result.Commit[..12]}: {outcome} (remote {result.Remote})");
            return (result, $"{result.Tag} {outcome} to {result.Remote}");
        });

        var state = PromotionState.Read(options.ReleaseDirectory) is { } previous && previous.Tag == tag.Tag && previous.Commit == tag.Commit
            ? previous
            : new PromotionState(tag.Tag, tag.Commit);
        state.Write(options.ReleaseDirectory);

        var deployment = await StepAsync("production deploy", async () =>
        {
            if (state.Deployment is { Status: DeploymentStatus.Deployed } done)
            {
                log($"Production deploy: already done at {tag.Commit[..12]} ({done.Detail})");
                return (done, "already deployed");
            }

            var result = await integrations.Deployer.DeployAsync(tag.Tag, tag.Commit, cancellationToken);
            log($"Production deploy: {result.Status.ToString().ToLowerInvariant()}: {result.Detail}");
            return (result, result.Status.ToString().ToLowerInvariant());
        });
        state = state with { Deployment = deployment };
        state.Write(options.ReleaseDirectory);

        var release = await StepAsync("GitHub release", async () =>
        {
            var notes = ReleaseNotes.Build(tag.Tag, tag.PreviousGaTag, tag.CommitsSincePreviousGa, status.Gates.TableMarkdown());
            var result = await new GitHubReleaseService(integrations.GitHub, integrations.GitHubOptions)
                .UpsertAsync(tag.Tag, $"{tag.Tag}: {TagReleaseOptions.GaMessage}", notes, prerelease: false, cancellationToken);
            log($"GitHub release {tag.Tag}: {result.Status} {result.Url}{Sent()}");
            return (result, $"{result.Status} {result.Url}");
        });
        state = state with { ReleaseUrl = release.Url };
        state.Write(options.ReleaseDirectory);

        if (integrations.Annotator is { } annotator)
        {
            var annotation = await StepAsync("Grafana annotation", async () =>
            {
                if (state.AnnotationId is { } posted)
                {
                    log($"Grafana deploy annotation {tag.Tag}: already posted (id {posted})");
                    return (posted, "already posted");
                }

                var (id, reused) = await annotator.AnnotateAsync(tag.Tag, status.CandidateCommit ?? tag.Commit, time.GetUtcNow(), cancellationToken);
                if (reused)
                {
                    log($"Grafana deploy annotation {tag.Tag} on dashboard {annotator.DashboardUid}: already in Grafana (id {id}), not posted again");
                    return (id, "already in Grafana");
                }

                log($"Grafana deploy annotation {tag.Tag} on dashboard {annotator.DashboardUid}: posted (id {id}){Sent()}");
                return (id, $"posted (id {id})");
            });
            state = state with { AnnotationId = annotation };
            state.Write(options.ReleaseDirectory);
        }

        status = status with
        {
            GaCommit = tag.Commit,
            Deployment = deployment,
            ReleaseUrl = release.Url,
            Promoted = true,
        };
        var comment = await StepAsync("Jira status", async () =>
        {
            var result = await new JiraStatusCommenter(integrations.Jira)
                .UpsertAsync(options.JiraIssue, JiraStatusCommenter.Marker(tag.Tag, "status"), status.Render(), cancellationToken);
            log($"Jira {options.JiraIssue}: status comment {result.Status} (id {result.CommentId}){Sent()}");
            return (result, $"{options.JiraIssue} comment {result.Status}");
        });

        WriteEvidence(tag, status);
        state = state with { JiraCommentId = comment.CommentId, Completed = true };
        File.WriteAllText(summaryPath, PromotionSummary.Render(options, status, tag, steps));
        state.Write(options.ReleaseDirectory);
        log($"Promoted {tag.Tag}: {summaryPath}");
        return new PromotionResult(PromotionOutcome.Promoted, tag.Tag, tag.Commit, status, steps, summaryPath);
    }

    /// <summary>
    /// A failed CI Docker build (locally: the rc's images failing the registry check) pages once and puts a line in the Jira
    /// status comment before the preflight refuses; a Jira error is logged and the refusal still follows.
    /// </summary>
    private async Task<ReleaseStatus> PingFailedBuildAsync(ReleaseStatus status, CancellationToken cancellationToken)
    {
        var (pinged, ping) = await ReleaseStatusReporter.PingAsync(status, integrations.Pinger, cancellationToken);
        if (ping is null)
        {
            return status;
        }

        log(ping.Line);
        try
        {
            var comment = await new JiraStatusCommenter(integrations.Jira)
                .UpsertAsync(options.JiraIssue, JiraStatusCommenter.Marker(options.GaTag, "status"), pinged.Render(), cancellationToken);
            log($"Jira {options.JiraIssue}: status comment {comment.Status} (id {comment.CommentId}){Sent()}");
        }
        catch (JiraException e)
        {
            log($"Jira {options.JiraIssue}: status comment not updated: {e.Message}");
        }

        return pinged;
    }

    private void RefuseUnlessBuilt(ReleaseStatus status)
    {
        if (status.CandidateTag is null)
        {
            throw new PromotionRefusedException(
                PromotionRefusal.NoReleaseCandidate,
                $"No release candidate tag {options.CandidateTagText} on {options.DevelopBranch} head: run ./build.sh Tag first; {Nothing}");
        }

        var check = status.ImageBuild!;
        switch (check.State)
        {
            case WorkflowRunState.Success:
                return;
            case WorkflowRunState.Failed:
                throw new PromotionRefusedException(
                    PromotionRefusal.ImageBuildFailed,
                    $"Docker build workflow {options.WorkflowFile} failed for {check.Tag} (conclusion {check.Conclusion}, {check.Url}): fix the image build and tag a new rc; {Nothing}");
            case WorkflowRunState.InProgress:
                throw new PromotionRefusedException(
                    PromotionRefusal.ImageBuildInProgress,
                    $"Docker build workflow {options.WorkflowFile} for {check.Tag} is still running ({check.Url}): wait for it and re-run Promote; {Nothing}");
            case WorkflowRunState.Missing when options.RecordedToOutbox:
                // The local profile has no GitHub Actions: the outbox answers "no runs". Say so; staging refuses here.
                return;
            default:
                throw new PromotionRefusedException(
                    PromotionRefusal.ImageBuildMissing,
                    $"No Docker build workflow run ({options.WorkflowFile}) for {check.Tag}: the tag push did not trigger .github/workflows/{options.WorkflowFile}; re-run the workflow for the tag, then Promote; {Nothing}");
        }
    }

    private void RefuseUnlessInRegistry(ReleaseStatus status)
    {
        if (status.Images is not { Passed: true })
        {
            throw new PromotionRefusedException(
                PromotionRefusal.ImagesNotInRegistry,
                $"The images of {status.CandidateTag} are not ready: {status.Images?.Problem ?? "not checked"}; {Nothing}");
        }
    }

    private async Task<T> StepAsync<T>(string name, Func<Task<(T Value, string Outcome)>> step)
    {
        var started = time.GetTimestamp();
        var (value, outcome) = await step();
        steps.Add(new PromotionStep(name, outcome, time.GetElapsedTime(started)));
        return value;
    }

    private string Sent() => options.RecordedToOutbox ? " — recorded to the outbox, not sent" : "";

    private void WriteEvidence(TagReleaseResult tag, ReleaseStatus status)
    {
        Directory.CreateDirectory(options.ReleaseDirectory);
        foreach (var name in new[] { GateVerdict.FileName, "report.md" })
        {
            var source = Path.Combine(options.GatesDirectory, name);
            if (File.Exists(source))
            {
                File.Copy(source, Path.Combine(options.ReleaseDirectory, name), overwrite: true);
            }
        }

        foreach (var plot in Directory.EnumerateFiles(options.GatesDirectory, "*.png"))
        {
            File.Copy(plot, Path.Combine(options.ReleaseDirectory, Path.GetFileName(plot)), overwrite: true);
        }

        AtomicFile.Write(Path.Combine(options.ReleaseDirectory, "tags.json"), JsonSerializer.Serialize(new
        {
            candidate = new { tag = status.CandidateTag, commit = status.CandidateCommit },
            ga = new { tag = tag.Tag, commit = tag.Commit, remote = tag.Remote },
        }, Indented) + "\n");
        if (status.Images is { } images)
        {
            AtomicFile.Write(Path.Combine(options.ReleaseDirectory, ImagesFileName), JsonSerializer.Serialize(new
            {
                registry = images.Registry.ToString(),
                tag = images.Tag,
                revision = images.ExpectedRevision,
                images = images.Images.Select(i => new { image = i.Image.ToString(), digest = i.Digest }),
            }, Indented) + "\n");
        }

        AtomicFile.Write(Path.Combine(options.ReleaseDirectory, "timings.json"), JsonSerializer.Serialize(
            steps.Select(s => new { step = s.Name, seconds = Math.Round(s.Duration.TotalSeconds, 3), outcome = s.Outcome }), Indented) + "\n");
        AtomicFile.Write(Path.Combine(options.ReleaseDirectory, "status.txt"), status.Render());
    }
}

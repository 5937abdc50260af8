namespace EdgeRisk.Release.Git;

/// <summary>
/// Tags a release: clean tree and up-to-date refs required; then the local main is fast-forwarded to develop and an
/// annotated tag is created on that commit. A release candidate pushes the tag only: the remote main stays behind, so the
/// release PR (develop into main) carries the release's commits. The GA promotion (<see cref="TagReleaseOptions.PushMain"/>)
/// pushes the remote main, fast-forwarded to the tagged commit, and the tag in one atomic push. Every precondition is
/// checked before the first change, so a refused run leaves the repository and the remote as they were; a push the
/// remote refuses updates none of its refs.
/// </summary>
public sealed class TagService(GitRepository repository)
{
    public async Task<TagReleaseResult> TagReleaseAsync(TagReleaseOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);

        var dirty = await repository.StatusPorcelainAsync(cancellationToken);
        if (dirty.Count > 0)
        {
            throw new ReleaseGitException(
                ReleaseGitFailure.DirtyWorkingTree,
                $"working tree is not clean ({dirty.Count} change(s), e.g. '{dirty[0]}'); commit or remove them before tagging");
        }

        var remoteCreated = options.LocalRemoteDirectory is { } bare
            && await repository.EnsureLocalRemoteAsync(options.Remote, bare, cancellationToken);
        await repository.FetchAsync(options.Remote, cancellationToken);

        var develop = await repository.CompareWithRemoteAsync(options.Remote, options.DevelopBranch, cancellationToken);
        RequireBranch(develop, options);
        if (!develop.InSync)
        {
            throw new ReleaseGitException(
                ReleaseGitFailure.RefsOutOfDate,
                $"{options.DevelopBranch} is {develop.Ahead} ahead / {develop.Behind} behind {options.Remote}/{options.DevelopBranch}; push or pull {options.DevelopBranch} so both match before tagging");
        }

        var main = await repository.CompareWithRemoteAsync(options.Remote, options.MainBranch, cancellationToken);
        if (!main.RemoteExists)
        {
            throw new ReleaseGitException(
                ReleaseGitFailure.MissingBranch,
                $"{options.Remote}/{options.MainBranch} does not exist; push {options.MainBranch} to {options.Remote} first");
        }

        var developHead = await repository.ResolveCommitAsync("refs/heads/" + options.DevelopBranch, cancellationToken)
            ?? throw new ReleaseGitException(ReleaseGitFailure.MissingBranch, $"branch {options.DevelopBranch} does not exist locally");

        // Local main ahead of the remote is fine only when it already is on develop (a previous run merged but did not push).
        if (main.Ahead > 0 && !await repository.IsAncestorAsync("refs/heads/" + options.MainBranch, developHead, cancellationToken))
        {
            throw new ReleaseGitException(
                ReleaseGitFailure.RefsOutOfDate,
                $"local {options.MainBranch} has {main.Ahead} commit(s) that are neither on {options.Remote}/{options.MainBranch} nor on {options.DevelopBranch}; reset {options.MainBranch} to {options.Remote}/{options.MainBranch} before tagging");
        }
        if (!await repository.IsAncestorAsync($"refs/remotes/{options.Remote}/{options.MainBranch}", developHead, cancellationToken))
        {
            throw new ReleaseGitException(
                ReleaseGitFailure.NonFastForward,
                $"cannot fast-forward {options.MainBranch} to {options.DevelopBranch}: {options.MainBranch} has commits that are not on {options.DevelopBranch}; merge {options.MainBranch} into {options.DevelopBranch} first (nothing was pushed)");
        }

        var version = await ResolveVersionAsync(options, developHead, cancellationToken);
        var existing = await repository.ResolveCommitAsync("refs/tags/" + version.Tag, cancellationToken);
        if (existing is not null && existing != developHead)
        {
            throw new ReleaseGitException(
                ReleaseGitFailure.TagOnOtherCommit,
                $"tag {version.Tag} already exists on {existing[..7]}, not on {options.DevelopBranch} head {developHead[..7]}; choose another tag (nothing was pushed)");
        }

        // All checks passed: from here on the run only moves refs forward.
        await repository.CheckoutAsync(options.MainBranch, cancellationToken);
        await repository.PullFastForwardAsync(options.Remote, options.MainBranch, cancellationToken);
        await repository.MergeFastForwardOnlyAsync(options.DevelopBranch, cancellationToken);
        if (existing is null)
        {
            await repository.CreateAnnotatedTagAsync(version.Tag, options.Message ?? TagReleaseOptions.DefaultMessageFor(version), cancellationToken);
        }

        // The rc push is the tag alone (it triggers the image build); main moves on the remote only at promotion.
        string[] refspecs = options.PushMain
            ? [$"{developHead}:refs/heads/{options.MainBranch}", $"refs/tags/{version.Tag}:refs/tags/{version.Tag}"]
            : [$"refs/tags/{version.Tag}:refs/tags/{version.Tag}"];
        try
        {
            await repository.PushAtomicAsync(options.Remote, refspecs, cancellationToken);
        }
        catch (GitCommandException ex)
        {
            var pushed = options.PushMain ? $"{options.MainBranch} and {version.Tag}" : version.Tag;
            throw new ReleaseGitException(
                ReleaseGitFailure.PushRejected,
                $"{options.Remote} refused the push of {pushed} ({ex.Reason ?? ex.Message}); nothing was pushed: fetch {options.Remote}, check {options.MainBranch} is still behind {options.DevelopBranch} and re-run");
        }

        var previousGa = await repository.LastGaTagAsync(version.Tag, version.Tag, cancellationToken);
        var commits = await repository.CommitsBetweenAsync(previousGa, version.Tag, cancellationToken);
        return new TagReleaseResult(
            version.Tag,
            developHead,
            existing is null ? TagOutcome.Created : TagOutcome.AlreadyExists,
            options.Remote,
            remoteCreated,
            previousGa,
            commits,
            options.PushMain);
    }

    /// <summary>
    /// The tag to create or reuse on <paramref name="developHead"/>. A requested rc must be above every rc of the release on
    /// another commit: an older or equal number would name a different candidate than the one already tagged and built.
    /// </summary>
    private async Task<ReleaseVersion> ResolveVersionAsync(TagReleaseOptions options, string developHead, CancellationToken cancellationToken)
    {
        if (options.Ga)
        {
            return options.Version.Ga;
        }

        var tags = await repository.ListTagsAsync(cancellationToken: cancellationToken);
        var candidates = new List<(ReleaseVersion Version, string? Commit)>();
        foreach (var rc in options.Version.ReleaseCandidatesIn(tags))
        {
            candidates.Add((rc, await repository.ResolveCommitAsync($"refs/tags/{rc.Tag}", cancellationToken)));
        }

        if (options.Version.IsGa)
        {
            // A re-run on the same release candidate reuses its rc tag (a no-op) instead of minting the next one.
            return candidates.FirstOrDefault(c => c.Commit == developHead).Version ?? options.Version.NextReleaseCandidate(tags);
        }

        if (candidates.FirstOrDefault(c => c.Commit != developHead && c.Version >= options.Version) is ({ } taken, { } commit))
        {
            var next = options.Version.NextReleaseCandidate(tags);
            throw new ReleaseGitException(
                taken == options.Version ? ReleaseGitFailure.TagOnOtherCommit : ReleaseGitFailure.StaleReleaseCandidate,
                $"--release-version {options.Version.Core}-rc{options.Version.ReleaseCandidate}: {taken.Tag} already exists on {commit[..7]}, not on {options.DevelopBranch} head {developHead[..7]}; " +
                $"ask for {next.Core}-rc{next.ReleaseCandidate} or higher, or leave out -rcN for the next free rc (nothing was tagged or pushed)");
        }

        return options.Version;
    }

    private static void RequireBranch(BranchDivergence branch, TagReleaseOptions options)
    {
        if (!branch.LocalExists)
        {
            throw new ReleaseGitException(ReleaseGitFailure.MissingBranch, $"branch {branch.Branch} does not exist locally; run git checkout {branch.Branch}");
        }

        if (!branch.RemoteExists)
        {
            throw new ReleaseGitException(ReleaseGitFailure.MissingBranch, $"{options.Remote}/{branch.Branch} does not exist; push {branch.Branch} to {options.Remote} first");
        }
    }
}

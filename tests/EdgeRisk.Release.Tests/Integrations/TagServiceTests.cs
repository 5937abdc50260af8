namespace EdgeRisk.Release.Tests.Integrations;

public sealed class TagServiceTests
{
    /// <summary>Tags <paramref name="version"/> from the sandbox's clone: a GA tag when <paramref name="ga"/>, pushing main too when <paramref name="pushMain"/>.</summary>
    private static Task<TagReleaseResult> TagAsync(GitSandbox sandbox, string version, bool ga = false, bool pushMain = false) =>
        new TagService(sandbox.Clone).TagReleaseAsync(new TagReleaseOptions { Version = ReleaseVersion.Parse(version), Ga = ga, PushMain = pushMain });

    /// <summary>A second clone with a commit of <paramref name="file"/> on <paramref name="branch"/>, not pushed yet.</summary>
    private static async Task<GitRepository> ColleagueCommitsAsync(GitSandbox sandbox, string branch, string file, string content, string message)
    {
        var colleague = await sandbox.SecondCloneAsync();
        await colleague.CheckoutAsync(branch);
        await sandbox.CommitAsync(file, content, message, colleague);
        return colleague;
    }

    [Fact]
    public async Task TagReleaseAsync_CleanUpToDateRepository_FastForwardsLocalMainAndPushesOnlyTheTag()
    {
        using var sandbox = await GitSandbox.CreateAsync();
        var developHead = await sandbox.Clone.HeadCommitAsync();
        var originMain = await sandbox.Origin.ResolveCommitAsync("refs/heads/main");

        var result = await TagAsync(sandbox, "0.4.0-rc3");

        Assert.Equal(TagOutcome.Created, result.Outcome);
        Assert.Equal(developHead, result.Commit);
        Assert.False(result.MainPushed);
        Assert.Equal(developHead, await sandbox.Clone.ResolveCommitAsync("refs/heads/main"));
        Assert.Equal(originMain, await sandbox.Origin.ResolveCommitAsync("refs/heads/main"));
        Assert.NotEqual(developHead, originMain);
        Assert.Equal(developHead, await sandbox.Origin.ResolveCommitAsync("refs/tags/v0.4.0-rc3"));
        Assert.Equal("Edge-Risk dashboard & runbook", await sandbox.Clone.TagMessageAsync("v0.4.0-rc3"));
        Assert.Equal("main", await sandbox.Clone.CurrentBranchAsync());
    }

    [Fact]
    public async Task TagReleaseAsync_PushMain_FastForwardsRemoteMainWithTheTag()
    {
        using var sandbox = await GitSandbox.CreateAsync();
        var rc = await TagAsync(sandbox, "0.4.0-rc3");
        await sandbox.Clone.CheckoutAsync("develop");

        var ga = await TagAsync(sandbox, "0.4.0", ga: true, pushMain: true);

        Assert.True(ga.MainPushed);
        Assert.Equal(rc.Commit, ga.Commit);
        Assert.Equal(ga.Commit, await sandbox.Origin.ResolveCommitAsync("refs/heads/main"));
        Assert.Equal(ga.Commit, await sandbox.Origin.ResolveCommitAsync("refs/tags/v0.4.0"));
    }

    [Fact]
    public async Task TagReleaseAsync_PushMainWhileRemoteMainMoves_RefusesWithOneLineAndPushesNeitherRef()
    {
        using var sandbox = await GitSandbox.CreateAsync();
        var colleague = await ColleagueCommitsAsync(sandbox, "main", "hotfix.txt", "hotfix\n", "fix: hotfix on main");
        await sandbox.PushBeforeNextPushAsync(colleague, "main");
        var originMain = await sandbox.Origin.ResolveCommitAsync("refs/heads/main");

        var error = await Assert.ThrowsAsync<ReleaseGitException>(() => TagAsync(sandbox, "0.4.0", ga: true, pushMain: true));

        Assert.Equal(ReleaseGitFailure.PushRejected, error.Failure);
        Assert.StartsWith("origin refused the push of main and v0.4.0 (! [", error.Message, StringComparison.Ordinal);
        Assert.Contains("nothing was pushed", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.NotEqual(originMain, await sandbox.Origin.ResolveCommitAsync("refs/heads/main"));
        Assert.Equal(await colleague.HeadCommitAsync(), await sandbox.Origin.ResolveCommitAsync("refs/heads/main"));
        Assert.Null(await sandbox.Origin.ResolveCommitAsync("refs/tags/v0.4.0"));
    }

    [Fact]
    public async Task TagReleaseAsync_RunTwice_SecondRunIsNoOp()
    {
        using var sandbox = await GitSandbox.CreateAsync();
        var first = await TagAsync(sandbox, "0.4.0-rc3");

        await sandbox.Clone.CheckoutAsync("develop");
        var second = await TagAsync(sandbox, "0.4.0-rc3");

        Assert.Equal(TagOutcome.Created, first.Outcome);
        Assert.Equal(TagOutcome.AlreadyExists, second.Outcome);
        Assert.Equal(first.Commit, second.Commit);
        Assert.NotEqual(first.Commit, await sandbox.Origin.ResolveCommitAsync("refs/heads/main"));
    }

    [Fact]
    public async Task TagReleaseAsync_DirtyWorkingTree_RefusesAndPushesNothing()
    {
        using var sandbox = await GitSandbox.CreateAsync();
        await File.WriteAllTextAsync(Path.Combine(sandbox.ClonePath, "scratch.txt"), "uncommitted");
        var mainBefore = await sandbox.Origin.ResolveCommitAsync("refs/heads/main");

        var error = await Assert.ThrowsAsync<ReleaseGitException>(() => TagAsync(sandbox, "0.4.0-rc3"));

        Assert.Equal(ReleaseGitFailure.DirtyWorkingTree, error.Failure);
        Assert.Contains("scratch.txt", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(mainBefore, await sandbox.Origin.ResolveCommitAsync("refs/heads/main"));
        Assert.Null(await sandbox.Clone.ResolveCommitAsync("refs/tags/v0.4.0-rc3"));
    }

    [Fact]
    public async Task TagReleaseAsync_DevelopBehindOrigin_RefusesWithRefsOutOfDate()
    {
        using var sandbox = await GitSandbox.CreateAsync();
        var colleague = await ColleagueCommitsAsync(sandbox, "develop", "harmoniser.txt", "risk harmoniser\n", "feat: risk harmoniser");
        await colleague.RunCheckedAsync(["push", "--quiet", "origin", "develop"]);

        var error = await Assert.ThrowsAsync<ReleaseGitException>(() => TagAsync(sandbox, "0.4.0-rc3"));

        Assert.Equal(ReleaseGitFailure.RefsOutOfDate, error.Failure);
        Assert.Contains("1 behind", error.Message, StringComparison.Ordinal);
        Assert.Null(await sandbox.Origin.ResolveCommitAsync("refs/tags/v0.4.0-rc3"));
    }

    [Fact]
    public async Task TagReleaseAsync_MainHasCommitsNotOnDevelop_RefusesNonFastForwardAndPushesNothing()
    {
        using var sandbox = await GitSandbox.CreateAsync();
        var colleague = await ColleagueCommitsAsync(sandbox, "main", "hotfix.txt", "hotfix\n", "fix: hotfix on main");
        await colleague.RunCheckedAsync(["push", "--quiet", "origin", "main"]);
        var originMain = await sandbox.Origin.ResolveCommitAsync("refs/heads/main");

        var error = await Assert.ThrowsAsync<ReleaseGitException>(() => TagAsync(sandbox, "0.4.0-rc3"));

        Assert.Equal(ReleaseGitFailure.NonFastForward, error.Failure);
        Assert.Contains("cannot fast-forward main to develop", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(originMain, await sandbox.Origin.ResolveCommitAsync("refs/heads/main"));
        Assert.Null(await sandbox.Clone.ResolveCommitAsync("refs/tags/v0.4.0-rc3"));
    }

    [Fact]
    public async Task TagReleaseAsync_TagExistsOnOtherCommit_RefusesWithTagOnOtherCommit()
    {
        using var sandbox = await GitSandbox.CreateAsync();
        await sandbox.Clone.RunCheckedAsync(["tag", "-a", "v0.4.0-rc3", "-m", "old", "main"]);
        await sandbox.Clone.RunCheckedAsync(["push", "--quiet", "origin", "v0.4.0-rc3"]);
        var originMain = await sandbox.Origin.ResolveCommitAsync("refs/heads/main");

        var error = await Assert.ThrowsAsync<ReleaseGitException>(() => TagAsync(sandbox, "0.4.0-rc3"));

        Assert.Equal(ReleaseGitFailure.TagOnOtherCommit, error.Failure);
        Assert.Equal(originMain, await sandbox.Origin.ResolveCommitAsync("refs/heads/main"));
    }

    [Fact]
    public async Task TagReleaseAsync_NoTagGivenRunTwice_SecondRunReusesTheRcTag()
    {
        using var sandbox = await GitSandbox.CreateAsync();
        var first = await TagAsync(sandbox, "0.4.0");

        await sandbox.Clone.CheckoutAsync("develop");
        var second = await TagAsync(sandbox, "0.4.0");

        Assert.Equal("v0.4.0-rc1", first.Tag);
        Assert.Equal(first.Tag, second.Tag);
        Assert.Equal(TagOutcome.AlreadyExists, second.Outcome);
    }

    [Fact]
    public async Task TagReleaseAsync_NoTagGiven_TagsNextReleaseCandidate()
    {
        using var sandbox = await GitSandbox.CreateAsync();
        await sandbox.Clone.RunCheckedAsync(["tag", "-a", "v0.4.0-rc1", "-m", "rc1", "main"]);
        await sandbox.Clone.RunCheckedAsync(["tag", "-a", "v0.4.0-rc2", "-m", "rc2", "main"]);

        var result = await TagAsync(sandbox, "0.4.0");

        Assert.Equal("v0.4.0-rc3", result.Tag);
    }

    [Fact]
    public async Task TagReleaseAsync_GaTag_UsesGaMessageAndListsCommitsSincePreviousGa()
    {
        using var sandbox = await GitSandbox.CreateAsync();
        await sandbox.Clone.RunCheckedAsync(["tag", "-a", "v0.3.0", "-m", "GA", "main"]);
        await sandbox.Clone.RunCheckedAsync(["tag", "-a", "v0.3.1-rc1", "-m", "rc", "main"]);

        var result = await TagAsync(sandbox, "0.4.0", ga: true);

        Assert.Equal("GA – dual-horizon router & risk harmoniser", await sandbox.Clone.TagMessageAsync("v0.4.0"));
        Assert.Equal("v0.3.0", result.PreviousGaTag);
        Assert.Equal(["feat: dual-horizon router"], result.CommitsSincePreviousGa.Select(c => c.Subject));
    }

    [Fact]
    public async Task TagReleaseAsync_NoOriginWithLocalRemoteDirectory_CreatesBareOriginAndPushes()
    {
        using var sandbox = await GitSandbox.CreateAsync();
        await sandbox.Clone.RunCheckedAsync(["remote", "remove", "origin"]);
        var bare = Path.Combine(sandbox.Root, "artifacts", "origin.git");

        var result = await new TagService(sandbox.Clone).TagReleaseAsync(
            new TagReleaseOptions { Version = ReleaseVersion.Parse("0.4.0-rc3"), LocalRemoteDirectory = bare });

        Assert.True(result.RemoteCreated);
        Assert.Equal(result.Commit, await new GitRepository(bare).ResolveCommitAsync("refs/tags/v0.4.0-rc3"));
    }

    [Fact]
    public async Task TagReleaseAsync_LocalMainAlreadyMergedNotPushed_PushesTheTagAndLeavesRemoteMain()
    {
        using var sandbox = await GitSandbox.CreateAsync();
        await sandbox.Clone.RunCheckedAsync(["branch", "-f", "main", "develop"]);
        var originMain = await sandbox.Origin.ResolveCommitAsync("refs/heads/main");

        var result = await TagAsync(sandbox, "0.4.0-rc3");

        Assert.Equal(result.Commit, await sandbox.Origin.ResolveCommitAsync("refs/tags/v0.4.0-rc3"));
        Assert.Equal(originMain, await sandbox.Origin.ResolveCommitAsync("refs/heads/main"));
    }

    [Fact]
    public async Task TagReleaseAsync_LocalMainHasOwnCommit_RefusesWithRefsOutOfDate()
    {
        using var sandbox = await GitSandbox.CreateAsync();
        await sandbox.Clone.CheckoutAsync("main");
        await sandbox.CommitAsync("local.txt", "local only\n", "chore: local main commit");
        await sandbox.Clone.CheckoutAsync("develop");

        var error = await Assert.ThrowsAsync<ReleaseGitException>(() => TagAsync(sandbox, "0.4.0-rc3"));

        Assert.Equal(ReleaseGitFailure.RefsOutOfDate, error.Failure);
        Assert.Null(await sandbox.Origin.ResolveCommitAsync("refs/tags/v0.4.0-rc3"));
    }

    [Fact]
    public async Task TagReleaseAsync_VersionWithRc_TagsThatRcWithTheRcMessageAndPushesOnlyIt()
    {
        using var sandbox = await GitSandbox.CreateAsync();
        await sandbox.Clone.RunCheckedAsync(["tag", "-a", "v0.4.0-rc1", "-m", "rc1", "main"]);

        var result = await TagAsync(sandbox, "0.4.0-rc3");

        Assert.Equal("v0.4.0-rc3", result.Tag);
        Assert.Equal(TagOutcome.Created, result.Outcome);
        Assert.Equal(result.Commit, await sandbox.Origin.ResolveCommitAsync("refs/tags/v0.4.0-rc3"));
        Assert.Equal(TagReleaseOptions.ReleaseCandidateMessage, await sandbox.Clone.TagMessageAsync("v0.4.0-rc3"));
        Assert.Equal(["v0.4.0-rc3"], await sandbox.Origin.ListTagsAsync());
    }

    [Fact]
    public async Task TagReleaseAsync_VersionWithRcRunTwice_SecondRunIsNoOp()
    {
        using var sandbox = await GitSandbox.CreateAsync();
        var first = await TagAsync(sandbox, "v0.4.0-rc3");
        await sandbox.Clone.CheckoutAsync("develop");

        var second = await TagAsync(sandbox, "0.4.0-rc3");

        Assert.Equal(TagOutcome.AlreadyExists, second.Outcome);
        Assert.Equal(first.Tag, second.Tag);
        Assert.Equal(first.Commit, second.Commit);
    }

    [Theory]
    [InlineData("0.4.0-rc2")]
    [InlineData("0.4.0-rc1")]
    public async Task TagReleaseAsync_RcNotAboveAnRcOnAnotherCommit_RefusesNamingReleaseVersionAndChangesNothing(string version)
    {
        using var sandbox = await GitSandbox.CreateAsync();
        await sandbox.Clone.RunCheckedAsync(["tag", "-a", "v0.4.0-rc2", "-m", "rc2", "main"]);
        await sandbox.Clone.RunCheckedAsync(["push", "--quiet", "origin", "v0.4.0-rc2"]);
        var originMain = await sandbox.Origin.ResolveCommitAsync("refs/heads/main");
        var localMain = await sandbox.Clone.ResolveCommitAsync("refs/heads/main");

        var error = await Assert.ThrowsAsync<ReleaseGitException>(() => TagAsync(sandbox, version));

        Assert.StartsWith("--release-version ", error.Message, StringComparison.Ordinal);
        Assert.Contains("v0.4.0-rc2 already exists on ", error.Message, StringComparison.Ordinal);
        Assert.Contains("0.4.0-rc3", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(["v0.4.0-rc2"], await sandbox.Clone.ListTagsAsync());
        Assert.Equal(["v0.4.0-rc2"], await sandbox.Origin.ListTagsAsync());
        Assert.Equal(originMain, await sandbox.Origin.ResolveCommitAsync("refs/heads/main"));
        Assert.Equal(localMain, await sandbox.Clone.ResolveCommitAsync("refs/heads/main"));
        Assert.Equal("develop", await sandbox.Clone.CurrentBranchAsync());
    }
}

namespace EdgeRisk.Release.Tests.Promotion;

public sealed class PromotionServiceTests
{
    private const string RoutingKey = "R0123456789promotionPingKey01234";
    [Fact]
    public async Task PromoteAsync_PassVerdictLocalProfile_TagsPushesRecordsReleaseAndCommentAndWritesEvidence()
    {
        using var sandbox = await PromotionSandbox.CreateAsync();
        var developHead = await sandbox.Git.Clone.ResolveCommitAsync("refs/heads/develop");
        Assert.NotEqual(developHead, sandbox.OriginMainBeforePromotion);

        var result = await sandbox.Service().PromoteAsync();

        Assert.Equal(PromotionOutcome.Promoted, result.Outcome);
        Assert.Equal(developHead, await sandbox.OriginTagAsync());
        Assert.Equal(developHead, await sandbox.OriginMainAsync());
        Assert.Contains(sandbox.Log, l => l.Contains("v0.4.0 on ", StringComparison.Ordinal) && l.Contains("created and pushed with main", StringComparison.Ordinal));
        Assert.Equal(TagReleaseOptions.GaMessage, await sandbox.Git.Clone.TagMessageAsync("v0.4.0"));
        Assert.Equal(["v0.4.0@" + developHead], sandbox.Deployer.Deployed);
        Assert.Equal(["POST /repos/edgerisk/edgerisk/releases"], sandbox.OutboxWrites("github"));
        Assert.Equal(["POST /rest/api/2/issue/RELEASE-40/comment"], sandbox.OutboxWrites("jira"));
        var release = sandbox.Outbox.ReadAll("github").Single().Body!;
        Assert.Equal("v0.4.0", release["tag_name"]!.GetValue<string>());
        Assert.Contains("feat: dual-horizon router", release["body"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("| continuity | PASS |", release["body"]!.GetValue<string>(), StringComparison.Ordinal);
        var comment = sandbox.Outbox.ReadAll("jira").Single().Body!["body"]!.GetValue<string>();
        Assert.StartsWith(result.Status.Render().TrimEnd(), comment, StringComparison.Ordinal);
        Assert.Contains("[edgerisk:v0.4.0:status]", comment, StringComparison.Ordinal);
        foreach (var file in new[] { "summary.md", "gates.json", "report.md", "tags.json", "timings.json", "status.txt", PromotionState.FileName })
        {
            Assert.True(File.Exists(Path.Combine(sandbox.ReleaseDirectory, file)), file);
        }

        var summary = await File.ReadAllTextAsync(result.SummaryPath);
        Assert.Contains(developHead!, summary, StringComparison.Ordinal);
        Assert.Contains("pushed to `origin` with `main` (the promotion to main)", summary, StringComparison.Ordinal);
        Assert.Contains("recorded to `artifacts/release/outbox/`, not sent", summary, StringComparison.Ordinal);
        // The rc's images, verified in the registry by digest, are part of the evidence.
        var trading = sandbox.Registry.DigestOf("edgerisk/trading-core", "0.4.0");
        Assert.Contains(sandbox.Log, l => l.StartsWith("Images 0.4.0 in 127.0.0.1:5057, built from ", StringComparison.Ordinal)
            && l.Contains("edgerisk/trading-core@" + trading, StringComparison.Ordinal));
        Assert.Contains("edgerisk/trading-core@" + trading, summary, StringComparison.Ordinal);
        using var images = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(sandbox.ReleaseDirectory, PromotionService.ImagesFileName)));
        Assert.Equal(sandbox.CandidateCommit, images.RootElement.GetProperty("revision").GetString());
        Assert.Equal(
            ReleaseImages.Repositories.Select(r => $"127.0.0.1:5057/{r}:0.4.0@{sandbox.Registry.DigestOf(r, "0.4.0")}"),
            images.RootElement.GetProperty("images").EnumerateArray().Select(i => $"{i.GetProperty("image").GetString()}@{i.GetProperty("digest").GetString()}"));
        Assert.Contains(sandbox.Log, l => l.Contains("GitHub release v0.4.0: Created", StringComparison.Ordinal) && l.EndsWith("recorded to the outbox, not sent", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PromoteAsync_SecondRunAfterSuccess_IsNoOp()
    {
        using var sandbox = await PromotionSandbox.CreateAsync();
        await sandbox.Service().PromoteAsync();
        var outbox = sandbox.Outbox.ReadAll().Select(e => e.FileName).ToList();
        var summary = await File.ReadAllTextAsync(Path.Combine(sandbox.ReleaseDirectory, "summary.md"));

        var second = await sandbox.Service().PromoteAsync();

        Assert.Equal(PromotionOutcome.AlreadyPromoted, second.Outcome);
        Assert.Empty(second.Steps);
        Assert.Equal(1, sandbox.Deployer.Attempts);
        Assert.Equal(outbox, sandbox.Outbox.ReadAll().Select(e => e.FileName));
        Assert.Equal(summary, await File.ReadAllTextAsync(Path.Combine(sandbox.ReleaseDirectory, "summary.md")));
    }

    [Fact]
    public async Task PromoteAsync_DeployFailedThenRerun_ResumesWithoutDuplicatingTagReleaseOrComment()
    {
        using var sandbox = await PromotionSandbox.CreateAsync();
        sandbox.Deployer.FailNext = true;

        await Assert.ThrowsAsync<InvalidOperationException>(() => sandbox.Service().PromoteAsync());
        var tagged = await sandbox.OriginTagAsync();
        Assert.NotNull(tagged);
        Assert.Equal(tagged, await sandbox.OriginMainAsync());
        Assert.Empty(sandbox.Outbox.ReadAll());

        var resumed = await sandbox.Service().PromoteAsync();

        Assert.Equal(PromotionOutcome.Promoted, resumed.Outcome);
        Assert.Equal(tagged, await sandbox.OriginTagAsync());
        Assert.Equal(tagged, await sandbox.OriginMainAsync());
        Assert.Contains(resumed.Steps, s => s.Name == "GA tag" && s.Outcome.StartsWith("v0.4.0 already there, pushed with main", StringComparison.Ordinal));
        Assert.Single(sandbox.Deployer.Deployed);
        Assert.Single(sandbox.OutboxWrites("github"));
        Assert.Single(sandbox.OutboxWrites("jira"));
    }

    [Fact]
    public async Task PromoteAsync_JiraFailedAfterDeploy_RerunDoesNotDeployOrReleaseAgain()
    {
        using var sandbox = await PromotionSandbox.CreateAsync();
        var flaky = sandbox.LocalIntegrations(jira => new FailFirstWriteHandler(jira));

        var error = await Assert.ThrowsAsync<EdgeRisk.Release.Jira.JiraException>(() => sandbox.Service(flaky).PromoteAsync());
        Assert.DoesNotContain('\n', error.Message);
        Assert.False(File.Exists(Path.Combine(sandbox.ReleaseDirectory, "summary.md")));

        var resumed = await sandbox.Service(flaky).PromoteAsync();

        Assert.Equal(PromotionOutcome.Promoted, resumed.Outcome);
        Assert.Equal(1, sandbox.Deployer.Attempts);
        Assert.Contains(resumed.Steps, s => s.Name == "production deploy" && s.Outcome == "already deployed");
        Assert.Single(sandbox.OutboxWrites("github"));
        Assert.Single(sandbox.OutboxWrites("jira"));
    }

    [Theory]
    [InlineData("FAIL")]
    [InlineData("INCONCLUSIVE")]
    public async Task PromoteAsync_VerdictNotPass_RefusesWithOneLineAndChangesNothing(string verdict)
    {
        using var sandbox = await PromotionSandbox.CreateAsync(verdict, "pnl_drift");

        var error = await Assert.ThrowsAsync<PromotionRefusedException>(() => sandbox.Service().PromoteAsync());

        Assert.Equal(PromotionRefusal.GatesNotPassed, error.Refusal);
        Assert.StartsWith($"Gates verdict {verdict}: no GA tag, no push, no deploy.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        await sandbox.AssertNothingChangedAsync();
    }

    [Fact]
    public async Task PromoteAsync_ContinuityFailFromCrash_RefusesPromotion()
    {
        using var sandbox = await PromotionSandbox.CreateAsync("FAIL", "continuity");

        var error = await Assert.ThrowsAsync<PromotionRefusedException>(() => sandbox.Service().PromoteAsync());

        Assert.StartsWith("Gates verdict FAIL: no GA tag, no push, no deploy.", error.Message, StringComparison.Ordinal);
        await sandbox.AssertNothingChangedAsync();
    }

    [Fact]
    public async Task PromoteAsync_NoGatesJson_RefusesAsInconclusive()
    {
        using var sandbox = await PromotionSandbox.CreateAsync();
        File.Delete(Path.Combine(sandbox.GatesDirectory, "gates.json"));

        var error = await Assert.ThrowsAsync<PromotionRefusedException>(() => sandbox.Service().PromoteAsync());

        Assert.StartsWith("Gates verdict INCONCLUSIVE (no gates.json in ", error.Message, StringComparison.Ordinal);
        Assert.Contains("run ./build.sh EvaluateGates): no GA tag, no push, no deploy.", error.Message, StringComparison.Ordinal);
        await sandbox.AssertNothingChangedAsync();
    }

    [Fact]
    public async Task PromoteAsync_DirtyWorkingTree_RefusesAndChangesNothing()
    {
        using var sandbox = await PromotionSandbox.CreateAsync();
        await File.WriteAllTextAsync(Path.Combine(sandbox.Git.ClonePath, "scratch.txt"), "uncommitted");

        var error = await Assert.ThrowsAsync<ReleaseGitException>(() => sandbox.Service().PromoteAsync());

        Assert.Equal(ReleaseGitFailure.DirtyWorkingTree, error.Failure);
        Assert.Contains("scratch.txt", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        await sandbox.AssertNothingChangedAsync();
    }

    [Fact]
    public async Task PromoteAsync_MainHasCommitsNotOnDevelop_RefusesNonFastForwardAndChangesNothing()
    {
        using var sandbox = await PromotionSandbox.CreateAsync();
        var colleague = await sandbox.Git.SecondCloneAsync();
        await colleague.CheckoutAsync("main");
        await sandbox.Git.CommitAsync("hotfix.txt", "hotfix\n", "fix: hotfix on main", colleague);
        await colleague.RunCheckedAsync(["push", "--quiet", "origin", "main"]);
        var originMain = await sandbox.Git.Origin.ResolveCommitAsync("refs/heads/main");

        var error = await Assert.ThrowsAsync<ReleaseGitException>(() => sandbox.Service().PromoteAsync());

        Assert.Equal(ReleaseGitFailure.NonFastForward, error.Failure);
        Assert.StartsWith("cannot fast-forward main to develop", error.Message, StringComparison.Ordinal);
        await sandbox.AssertNothingChangedAsync(originMain);
    }

    [Fact]
    public async Task PromoteAsync_RemoteMainMovesDuringThePush_RefusesWithOneLineAndPushesNeitherMainNorTag()
    {
        using var sandbox = await PromotionSandbox.CreateAsync();
        var colleague = await sandbox.Git.SecondCloneAsync();
        await colleague.CheckoutAsync("main");
        var hotfix = await sandbox.Git.CommitAsync("hotfix.txt", "hotfix\n", "fix: hotfix on main", colleague);
        await sandbox.Git.PushBeforeNextPushAsync(colleague, "main");

        var error = await Assert.ThrowsAsync<ReleaseGitException>(() => sandbox.Service().PromoteAsync());

        Assert.Equal(ReleaseGitFailure.PushRejected, error.Failure);
        Assert.StartsWith("origin refused the push of main and v0.4.0 (! [", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(hotfix, await sandbox.OriginMainAsync());
        Assert.Equal(["v0.4.0-rc1"], await sandbox.Git.Origin.ListTagsAsync());
        Assert.Equal(0, sandbox.Deployer.Attempts);
        Assert.Empty(sandbox.Outbox.ReadAll());
    }

    [Fact]
    public async Task IsOnMainAsync_AfterRcTagAndAfterPromotion_FalseThenTrue()
    {
        using var sandbox = await PromotionSandbox.CreateAsync();
        var developHead = (await sandbox.Git.Clone.ResolveCommitAsync("refs/heads/develop"))!;
        var before = await PromotionService.IsOnMainAsync(sandbox.Git.Clone, sandbox.Options(), developHead);

        await sandbox.Service().PromoteAsync();

        Assert.False(before);
        Assert.True(await PromotionService.IsOnMainAsync(sandbox.Git.Clone, sandbox.Options(), developHead));
    }

    [Fact]
    public async Task PromoteAsync_GaTagOnAnotherCommit_RefusesAndChangesNothingElse()
    {
        using var sandbox = await PromotionSandbox.CreateAsync();
        var colleague = await sandbox.Git.SecondCloneAsync();
        await colleague.RunCheckedAsync(["checkout", "--quiet", "-b", "elsewhere", "origin/main"]);
        await sandbox.Git.CommitAsync("other.txt", "other\n", "chore: other line", colleague);
        await colleague.RunCheckedAsync(["tag", "-a", "v0.4.0", "-m", "elsewhere", "HEAD"]);
        await colleague.RunCheckedAsync(["push", "--quiet", "origin", "refs/tags/v0.4.0"]);
        var elsewhere = await sandbox.OriginTagAsync();

        var error = await Assert.ThrowsAsync<ReleaseGitException>(() => sandbox.Service().PromoteAsync());

        Assert.Equal(ReleaseGitFailure.TagOnOtherCommit, error.Failure);
        Assert.StartsWith("tag v0.4.0 already exists on ", error.Message, StringComparison.Ordinal);
        Assert.Equal(elsewhere, await sandbox.OriginTagAsync());
        Assert.Equal(sandbox.OriginMainBeforePromotion, await sandbox.OriginMainAsync());
        Assert.Equal(0, sandbox.Deployer.Attempts);
        Assert.Empty(sandbox.Outbox.ReadAll());
        Assert.False(File.Exists(Path.Combine(sandbox.ReleaseDirectory, "summary.md")));
    }

    [Fact]
    public async Task PromoteAsync_NoReleaseCandidateOnDevelopHead_RefusesAndChangesNothing()
    {
        using var sandbox = await PromotionSandbox.CreateAsync();
        await sandbox.Git.CommitAsync("late.txt", "late\n", "feat: late change");
        await sandbox.Git.Clone.RunCheckedAsync(["push", "--quiet", "origin", "develop"]);

        var error = await Assert.ThrowsAsync<PromotionRefusedException>(() => sandbox.Service().PromoteAsync());

        Assert.Equal(PromotionRefusal.NoReleaseCandidate, error.Refusal);
        Assert.Equal("No release candidate tag v0.4.0-rcN on develop head: run ./build.sh Tag first; no GA tag, no push, no deploy.", error.Message);
        await sandbox.AssertNothingChangedAsync();
    }

    [Fact]
    public void Validate_JiraIssueNotAKey_NamesTheInputAndTheFix()
    {
        var options = new PromotionOptions { Version = ReleaseVersion.Parse("0.4.0"), ReleaseDirectory = "r", GatesDirectory = "g", JiraIssue = "#release-v0.4.0" };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.StartsWith("Jira issue '#release-v0.4.0' is not an issue key: pass --jira-issue like RELEASE-40", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectAsync_LocalProfileWithoutActions_ChecksTheImagesInTheRegistryInstead()
    {
        using var sandbox = await PromotionSandbox.CreateAsync();
        var integrations = sandbox.LocalIntegrations();

        var status = await new ReleaseStatusReporter(sandbox.Git.Clone, integrations.GitHub, integrations.GitHubOptions, sandbox.Options(), integrations.Images).CollectAsync();

        Assert.Equal("v0.4.0-rc1", status.CandidateTag);
        Assert.Equal(WorkflowRunState.Missing, status.ImageBuild!.State);
        Assert.Contains("no GitHub Actions in the local profile", status.ImageBuildLine(), StringComparison.Ordinal);
        Assert.DoesNotContain("not verified", status.Render(), StringComparison.Ordinal);
        Assert.True(status.Images!.Passed);
        Assert.Contains(status.ImagesLine(), status.Render(), StringComparison.Ordinal);
        Assert.Contains("edgerisk/redis@" + sandbox.Registry.DigestOf("edgerisk/redis", "0.4.0"), status.ImagesLine(), StringComparison.Ordinal);
        Assert.Contains("Not promoted yet", status.Render(), StringComparison.Ordinal);
        Assert.Empty(sandbox.Outbox.ReadAll());
    }

    [Theory]
    [InlineData("0.4.0-rc1")]
    [InlineData("v0.4.0-rc1")]
    public async Task PromoteAsync_VersionNamesTheRc_PromotesThatRcAsTheGaTag(string version)
    {
        using var sandbox = await PromotionSandbox.CreateAsync();
        var developHead = await sandbox.Git.Clone.ResolveCommitAsync("refs/heads/develop");

        var result = await sandbox.Service(version: version).PromoteAsync();

        Assert.Equal(PromotionOutcome.Promoted, result.Outcome);
        Assert.Equal("v0.4.0", result.Tag);
        Assert.Equal("v0.4.0-rc1", result.Status.CandidateTag);
        Assert.Equal(developHead, await sandbox.OriginTagAsync("v0.4.0"));
        Assert.Equal(Path.Combine(sandbox.ReleaseDirectory, "summary.md"), result.SummaryPath);
        Assert.Contains("[edgerisk:v0.4.0:status]", sandbox.Outbox.ReadAll("jira").Single().Body!["body"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PromoteAsync_LocalProfileImageNotInRegistry_RefusesNamingImageRegistryAndBuildImages()
    {
        using var sandbox = await PromotionSandbox.CreateAsync();
        var registry = new FakeImageRegistry();
        var service = new PromotionService(sandbox.Git.Clone, sandbox.LocalIntegrations() with { Images = new ReleaseImages(registry, FakeImageRegistry.Local) },
            sandbox.Options(), TimeProvider.System, sandbox.Log.Add);
        registry.Publish("0.4.0", sandbox.CandidateCommit!, without: "edgerisk/trading-core");

        var error = await Assert.ThrowsAsync<PromotionRefusedException>(() => service.PromoteAsync());

        Assert.Equal(PromotionRefusal.ImagesNotInRegistry, error.Refusal);
        Assert.Equal(
            "The images of v0.4.0-rc1 are not ready: 127.0.0.1:5057/edgerisk/trading-core:0.4.0 not in registry 127.0.0.1:5057: " +
            "build and push with ./build.sh BuildImages; no GA tag, no push, no deploy.",
            error.Message);
        await sandbox.AssertNothingChangedAsync(statusCommentPosted: true);
    }

    [Fact]
    public async Task PromoteAsync_ImagesBuiltFromAnotherCommit_RefusesNamingTheCommits()
    {
        using var sandbox = await PromotionSandbox.CreateAsync();
        // An earlier rc's build: the tag 0.4.0 moved on in the registry, the rc commit did not.
        const string other = "fedcba9876543210fedcba9876543210fedcba98";
        sandbox.Registry.Publish("0.4.0", other);

        var error = await Assert.ThrowsAsync<PromotionRefusedException>(() => sandbox.Service().PromoteAsync());

        Assert.Equal(PromotionRefusal.ImagesNotInRegistry, error.Refusal);
        Assert.Contains($"built from {other[..12]}, not from {sandbox.CandidateCommit![..12]}: run ./build.sh BuildImages at that commit", error.Message, StringComparison.Ordinal);
        await sandbox.AssertNothingChangedAsync(statusCommentPosted: true);
    }

    [Fact]
    public async Task PromoteAsync_RegistryDoesNotAnswer_RefusesAsUnverified()
    {
        using var sandbox = await PromotionSandbox.CreateAsync();
        sandbox.Registry.Down = true;

        var error = await Assert.ThrowsAsync<PromotionRefusedException>(() => sandbox.Service().PromoteAsync());

        Assert.Equal(PromotionRefusal.ImagesNotInRegistry, error.Refusal);
        Assert.StartsWith("The images of v0.4.0-rc1 are not ready: registry 127.0.0.1:5057 does not answer", error.Message, StringComparison.Ordinal);
        Assert.Contains("./build.sh StartServices", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        await sandbox.AssertNothingChangedAsync(statusCommentPosted: true);
    }

    [Fact]
    public async Task PromoteAsync_LocalProfileImagesMissingTwice_RecordsOneWarningInOutboxAndJiraLineAndSendsNothing()
    {
        using var sandbox = await PromotionSandbox.CreateAsync();
        await using var pagerDuty = await FakePagerDuty.StartAsync();
        var registry = new FakeImageRegistry();
        registry.Publish("0.4.0", sandbox.CandidateCommit!, without: "edgerisk/trading-core");
        // The staging routing key and endpoint are set, but the local profile must not use them.
        var settings = new ReleaseSettings(name => name switch
        {
            PagerDutyOptions.RoutingKeyVariable => RoutingKey,
            PagerDutyOptions.UrlVariable => pagerDuty.BaseUrl.AbsoluteUri,
            _ => null,
        });
        var integrations = sandbox.LocalIntegrations() with
        {
            Images = new ReleaseImages(registry, FakeImageRegistry.Local),
            Pinger = PagerDutyReleasePinger.Create(recordedToOutbox: true, settings, sandbox.Outbox.Directory, sandbox.ReleaseDirectory),
        };

        for (var run = 0; run < 2; run++)
        {
            await Assert.ThrowsAsync<PromotionRefusedException>(() =>
                new PromotionService(sandbox.Git.Clone, integrations, sandbox.Options(), TimeProvider.System, sandbox.Log.Add).PromoteAsync());
        }

        Assert.Empty(pagerDuty.Events);
        var recorded = Assert.Single(sandbox.Outbox.ReadAll("pagerduty"));
        Assert.Equal("trigger", recorded.Body!["event_action"]!.GetValue<string>());
        Assert.Equal("edgerisk:v0.4.0-rc1:docker-build-failed", recorded.Body["dedup_key"]!.GetValue<string>());
        Assert.Equal("warning", recorded.Body["payload"]!["severity"]!.GetValue<string>());
        Assert.Contains("edgerisk/trading-core:0.4.0 not in registry", recorded.Body["payload"]!["summary"]!.GetValue<string>(), StringComparison.Ordinal);
        var comment = sandbox.Outbox.ReadAll("jira").Single().Body!["body"]!.GetValue<string>();
        Assert.Contains("Ping: PagerDuty warning recorded to the outbox, not sent (dedup key edgerisk:v0.4.0-rc1:docker-build-failed)", comment, StringComparison.Ordinal);
        await sandbox.AssertNothingChangedAsync(statusCommentPosted: true);
        foreach (var file in Directory.EnumerateFiles(sandbox.Outbox.Directory).Concat(Directory.EnumerateFiles(sandbox.ReleaseDirectory)))
        {
            Assert.DoesNotContain(RoutingKey, await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        }
    }
}

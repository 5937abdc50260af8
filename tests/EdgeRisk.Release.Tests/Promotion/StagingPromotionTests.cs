namespace EdgeRisk.Release.Tests.Promotion;

/// <summary>Promotion in the staging profile: Octokit and Refit over real HTTP to the loopback GitHub and Jira fakes.</summary>
public sealed class StagingPromotionTests
{
    private static readonly DateTimeOffset Pushed = new(2026, 1, 1, 0, 5, 0, TimeSpan.Zero);

    private const string RoutingKey = "R0123456789stagingPingKey0123456";

    [Fact]
    public async Task PromoteAsync_ImageBuildSucceeded_PromotesOnceAndSecondRunChangesNothing()
    {
        using var sandbox = await PromotionSandbox.CreateAsync();
        await using var saas = await Saas.StartAsync();
        saas.DockerBuildRun("completed", "success");
        var integrations = saas.Integrations(sandbox);

        var first = await sandbox.Service(integrations, local: false).PromoteAsync();
        var second = await sandbox.Service(integrations, local: false).PromoteAsync();

        Assert.Equal(PromotionOutcome.Promoted, first.Outcome);
        Assert.Equal(PromotionOutcome.AlreadyPromoted, second.Outcome);
        var release = Assert.Single(saas.GitHub.Releases);
        Assert.Equal("v0.4.0", release["tag_name"]!.GetValue<string>());
        Assert.False(release["prerelease"]!.GetValue<bool>());
        var comment = Assert.Single(saas.Jira.Comments(PromotionOptions.DefaultJiraIssue));
        Assert.Contains("Docker build (docker.yml) for v0.4.0-rc1: success", comment, StringComparison.Ordinal);
        Assert.DoesNotContain("outbox", comment, StringComparison.Ordinal);
        Assert.Single(sandbox.Deployer.Deployed);
        Assert.Empty(sandbox.Outbox.ReadAll());
        foreach (var text in Directory.EnumerateFiles(sandbox.ReleaseDirectory).Select(File.ReadAllText).Concat(sandbox.Log))
        {
            Assert.DoesNotContain(PromotionSandbox.GitHubToken, text, StringComparison.Ordinal);
            Assert.DoesNotContain(PromotionSandbox.JiraToken, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PromoteAsync_ReleasePrOpenAfterRcTag_PromotionPushMovesMainAndMergesIt()
    {
        using var sandbox = await PromotionSandbox.CreateAsync();
        await using var saas = await Saas.StartAsync("pm", "qa");
        saas.GitHub.GitDirectory = sandbox.Git.OriginPath;
        saas.DockerBuildRun("completed", "success");
        var integrations = saas.Integrations(sandbox);
        var opened = await new ReleasePullRequestService(integrations.GitHub, integrations.GitHubOptions)
            .OpenAsync(new ReleasePullRequestOptions(ReleaseVersion.Parse("0.4.0-rc1")) { Reviewers = ["pm", "qa"] });
        Assert.True(opened.Created);
        Assert.Equal("open", Assert.Single(saas.GitHub.PullRequests)["state"]!.GetValue<string>());

        var result = await sandbox.Service(integrations, local: false).PromoteAsync();

        Assert.Equal(PromotionOutcome.Promoted, result.Outcome);
        Assert.Equal(result.Commit, await sandbox.OriginMainAsync());
        var pull = Assert.Single(saas.GitHub.PullRequests);
        Assert.Equal("closed", pull["state"]!.GetValue<string>());
        Assert.True(pull["merged"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("failure", "Docker build workflow docker.yml failed for v0.4.0-rc1 (conclusion failure, ")]
    [InlineData("cancelled", "Docker build workflow docker.yml failed for v0.4.0-rc1 (conclusion cancelled, ")]
    public async Task PromoteAsync_ImageBuildFailed_FlagsItAndChangesNothing(string conclusion, string expected)
    {
        using var sandbox = await PromotionSandbox.CreateAsync();
        await using var saas = await Saas.StartAsync();
        saas.DockerBuildRun("completed", conclusion);

        var error = await RefusedAsync(sandbox, saas, statusCommentPosted: true);

        Assert.Equal(PromotionRefusal.ImageBuildFailed, error.Refusal);
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.EndsWith("fix the image build and tag a new rc; no GA tag, no push, no deploy.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task PromoteAsync_NoImageBuildRunForTag_FlagsMissingBuildAndChangesNothing()
    {
        using var sandbox = await PromotionSandbox.CreateAsync();
        await using var saas = await Saas.StartAsync();
        saas.DockerBuildRun("completed", "success", tag: "develop");

        var error = await RefusedAsync(sandbox, saas);

        Assert.Equal(PromotionRefusal.ImageBuildMissing, error.Refusal);
        Assert.Equal(
            "No Docker build workflow run (docker.yml) for v0.4.0-rc1: the tag push did not trigger .github/workflows/docker.yml; re-run the workflow for the tag, then Promote; no GA tag, no push, no deploy.",
            error.Message);
    }

    [Fact]
    public async Task PromoteAsync_ImageBuildSucceededButImageNotPushed_RefusesNamingTheImage()
    {
        using var sandbox = await PromotionSandbox.CreateAsync();
        await using var saas = await Saas.StartAsync();
        saas.DockerBuildRun("completed", "success");
        var registry = new FakeImageRegistry();
        registry.Publish("0.4.0", sandbox.CandidateCommit!, without: "edgerisk/alertmanager");

        var error = await Assert.ThrowsAsync<PromotionRefusedException>(() => new PromotionService(sandbox.Git.Clone,
            saas.Integrations(sandbox) with { Images = new ReleaseImages(registry, FakeImageRegistry.Local) },
            sandbox.Options(local: false), TimeProvider.System, sandbox.Log.Add).PromoteAsync());

        Assert.Equal(PromotionRefusal.ImagesNotInRegistry, error.Refusal);
        Assert.Contains("127.0.0.1:5057/edgerisk/alertmanager:0.4.0 not in registry", error.Message, StringComparison.Ordinal);
        Assert.Contains(sandbox.Log, l => l.Contains("Docker build (docker.yml) for v0.4.0-rc1: success", StringComparison.Ordinal));
        await sandbox.AssertNothingChangedAsync();
        Assert.Empty(saas.GitHub.Releases);
    }

    [Fact]
    public async Task PromoteAsync_ImageBuildStillRunning_RefusesUntilItFinishes()
    {
        using var sandbox = await PromotionSandbox.CreateAsync();
        await using var saas = await Saas.StartAsync();
        saas.DockerBuildRun("in_progress", null);

        var error = await RefusedAsync(sandbox, saas);

        Assert.Equal(PromotionRefusal.ImageBuildInProgress, error.Refusal);
    }

    [Fact]
    public async Task PromoteAsync_ImageBuildSucceededButGatesFailed_PostsNothing()
    {
        using var sandbox = await PromotionSandbox.CreateAsync("FAIL", "var");
        await using var saas = await Saas.StartAsync();
        saas.DockerBuildRun("completed", "success");

        var error = await RefusedAsync(sandbox, saas);

        Assert.StartsWith("Gates verdict FAIL: no GA tag, no push, no deploy.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PromoteAsync_DockerBuildFailedRunTwice_PagesOneWarningAndJiraStatusNamesIt()
    {
        using var sandbox = await PromotionSandbox.CreateAsync();
        await using var saas = await Saas.StartAsync();
        await using var pagerDuty = await FakePagerDuty.StartAsync();
        saas.DockerBuildRun("completed", "failure");
        var pinger = new PagerDutyReleasePinger(
            new PagerDutyEventsClient(new PagerDutyOptions(new Secret(RoutingKey)) { BaseUrl = pagerDuty.BaseUrl }), sandbox.ReleaseDirectory, recordedToOutbox: false);
        var integrations = saas.Integrations(sandbox) with { Pinger = pinger };

        for (var run = 0; run < 2; run++)
        {
            var error = await Assert.ThrowsAsync<PromotionRefusedException>(() => sandbox.Service(integrations, local: false).PromoteAsync());
            Assert.Equal(PromotionRefusal.ImageBuildFailed, error.Refusal);
        }

        var paged = Assert.Single(pagerDuty.Events);
        Assert.Equal("trigger", paged.EventAction);
        Assert.Equal("warning", paged.Severity);
        Assert.Equal("edgerisk:v0.4.0-rc1:docker-build-failed", paged.DedupKey);
        Assert.Contains("v0.4.0-rc1", paged.Summary, StringComparison.Ordinal);
        Assert.Contains("https://github.com/edgerisk/edgerisk/actions/runs/", paged.Summary, StringComparison.Ordinal);
        Assert.Equal("v0.4.0-rc1", paged.CustomDetails!["release"]!.GetValue<string>());
        Assert.StartsWith("https://github.com/edgerisk/edgerisk/actions/runs/", paged.CustomDetails["run_url"]!.GetValue<string>(), StringComparison.Ordinal);
        var comment = Assert.Single(saas.Jira.Comments(PromotionOptions.DefaultJiraIssue));
        Assert.Contains("Ping: PagerDuty warning sent (dedup key edgerisk:v0.4.0-rc1:docker-build-failed): EdgeRisk v0.4.0-rc1: CI Docker build (docker.yml) failed", comment, StringComparison.Ordinal);
        await sandbox.AssertNothingChangedAsync();
        Assert.Empty(saas.GitHub.Releases);
        foreach (var text in Directory.EnumerateFiles(sandbox.ReleaseDirectory).Select(File.ReadAllText).Concat(sandbox.Log).Append(comment))
        {
            Assert.DoesNotContain(RoutingKey, text, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// Promotes, expects the refusal, and checks that nothing changed: no tag, push, deploy, release or comment (except the
    /// status comment when <paramref name="statusCommentPosted"/>); GitHub only read.
    /// </summary>
    private static async Task<PromotionRefusedException> RefusedAsync(PromotionSandbox sandbox, Saas saas, bool statusCommentPosted = false)
    {
        var error = await Assert.ThrowsAsync<PromotionRefusedException>(() =>
            sandbox.Service(saas.Integrations(sandbox), local: false).PromoteAsync());
        await sandbox.AssertNothingChangedAsync();
        Assert.Empty(saas.GitHub.Releases);
        Assert.Equal(statusCommentPosted ? 1 : 0, saas.Jira.Comments(PromotionOptions.DefaultJiraIssue).Count);
        Assert.All(saas.GitHub.Requests.Concat(statusCommentPosted ? [] : saas.Jira.Requests), r => Assert.Equal("GET", r.Method));
        return error;
    }

    /// <summary>The loopback GitHub (repository edgerisk/edgerisk) and Jira (the release issue) a staging promotion talks to.</summary>
    private sealed class Saas(FakeGitHub gitHub, FakeJira jira) : IAsyncDisposable
    {
        public FakeGitHub GitHub { get; } = gitHub;

        public FakeJira Jira { get; } = jira;

        public static async Task<Saas> StartAsync(params string[] collaborators) =>
            new(await FakeGitHub.StartAsync("edgerisk", "edgerisk", PromotionSandbox.GitHubToken, collaborators),
                await FakeJira.StartAsync("release@example.test", PromotionSandbox.JiraToken, PromotionOptions.DefaultJiraIssue));

        /// <summary>The run of .github/workflows/docker.yml pushed for <paramref name="tag"/>, as GitHub Actions reports it.</summary>
        public void DockerBuildRun(string status, string? conclusion, string tag = "v0.4.0-rc1") =>
            GitHub.AddWorkflowRun("docker.yml", tag, "push", status, conclusion, Pushed);

        /// <summary>The promotion's integrations: Octokit and Refit clients of these fakes, and the sandbox's deployer and images.</summary>
        public PromotionIntegrations Integrations(PromotionSandbox sandbox)
        {
            var gitHubOptions = new GitHubOptions("edgerisk", "edgerisk", new Secret(PromotionSandbox.GitHubToken)) { ApiUrl = GitHub.BaseUrl };
            var jiraOptions = new JiraOptions(Jira.BaseUrl, "release@example.test", new Secret(PromotionSandbox.JiraToken));
            return new PromotionIntegrations(GitHubClientFactory.Create(gitHubOptions), gitHubOptions, JiraClientFactory.Create(jiraOptions), sandbox.Deployer,
                sandbox.Images);
        }

        public async ValueTask DisposeAsync()
        {
            await GitHub.DisposeAsync();
            await Jira.DisposeAsync();
        }
    }
}

namespace EdgeRisk.Release.Tests.Integrations;

public sealed class GitHubServicesTests
{
    private const string Token = "ghp_releaseTokenForTests_0123456789abcdef";

    private static GitHubOptions Options(FakeGitHub fake, string token = Token) =>
        new("edgerisk", "edgerisk", new Secret(token)) { ApiUrl = fake.BaseUrl };

    [Fact]
    public async Task OpenAsync_NoOpenPullRequest_CreatesItAndRequestsReviewers()
    {
        await using var fake = await FakeGitHub.StartAsync("edgerisk", "edgerisk", Token, "alice", "bob");
        var options = Options(fake);
        var service = new ReleasePullRequestService(GitHubClientFactory.Create(options), options);

        var result = await service.OpenAsync(new ReleasePullRequestOptions(ReleaseVersion.Parse("0.4.0")) { Reviewers = ["alice", "bob"] });

        Assert.True(result.Created);
        var pull = Assert.Single(fake.PullRequests);
        Assert.Equal("Promote v0.4.0 to main", pull["title"]!.GetValue<string>());
        Assert.Equal("develop", pull["head"]!["ref"]!.GetValue<string>());
        Assert.Equal(["alice", "bob"], pull["requested_reviewers"]!.AsArray().Select(u => u!["login"]!.GetValue<string>()));
        Assert.All(fake.Requests, r => Assert.Equal("/api/v3", r.PathBase));
        Assert.All(fake.Requests, r => Assert.StartsWith("/repos/edgerisk/edgerisk/", r.Path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task OpenAsync_OpenPullRequestOnSecondPage_ReusesItWithoutCreating()
    {
        await using var fake = await FakeGitHub.StartAsync("edgerisk", "edgerisk", Token, "alice");
        var existing = fake.AddPullRequest("develop", "main", "Promote v0.4.0 to main");
        for (var i = 0; i < 40; i++)
        {
            fake.AddPullRequest($"feature/{i}", "main", $"Feature {i}");
        }

        var options = Options(fake);
        var result = await new ReleasePullRequestService(GitHubClientFactory.Create(options), options)
            .OpenAsync(new ReleasePullRequestOptions(ReleaseVersion.Parse("0.4.0")) { Reviewers = ["alice"] });

        Assert.False(result.Created);
        Assert.Equal(existing, result.Number);
        Assert.Equal(41, fake.PullRequests.Count);
        Assert.Equal(2, fake.Requests.Count(r => r.Method == "GET" && r.Path.EndsWith("/pulls", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task OpenAsync_RunTwice_SecondRunRequestsNothing()
    {
        await using var fake = await FakeGitHub.StartAsync("edgerisk", "edgerisk", Token, "alice");
        var options = Options(fake);
        var service = new ReleasePullRequestService(GitHubClientFactory.Create(options), options);
        var request = new ReleasePullRequestOptions(ReleaseVersion.Parse("0.4.0")) { Reviewers = ["alice"] };
        await service.OpenAsync(request);

        var second = await service.OpenAsync(request);

        Assert.False(second.Created);
        Assert.Empty(second.ReviewersRequested);
        Assert.Single(fake.PullRequests);
    }

    [Fact]
    public async Task OpenAsync_ReviewerNotCollaborator_ThrowsWithGitHubMessage()
    {
        await using var fake = await FakeGitHub.StartAsync("edgerisk", "edgerisk", Token, "alice");
        var options = Options(fake);

        var error = await Assert.ThrowsAsync<GitHubIntegrationException>(() =>
            new ReleasePullRequestService(GitHubClientFactory.Create(options), options)
                .OpenAsync(new ReleasePullRequestOptions(ReleaseVersion.Parse("0.4.0")) { Reviewers = ["mallory"] }));

        Assert.Contains("not a collaborator", error.Message, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, error.StatusCode);
    }

    [Fact]
    public async Task OpenAsync_BadToken_ThrowsBadCredentialsWithoutToken()
    {
        await using var fake = await FakeGitHub.StartAsync("edgerisk", "edgerisk", Token);
        const string wrong = "ghp_wrongTokenThatMustNeverLeak_0000";
        var options = Options(fake, wrong);

        var error = await Assert.ThrowsAsync<GitHubIntegrationException>(() =>
            new ReleasePullRequestService(GitHubClientFactory.Create(options), options).OpenAsync(new ReleasePullRequestOptions(ReleaseVersion.Parse("0.4.0"))));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Contains("Bad credentials", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_AfterRcTag_OpensPullRequestThatCarriesDevelop()
    {
        using var git = await GitSandbox.CreateAsync();
        await new TagService(git.Clone).TagReleaseAsync(new TagReleaseOptions { Version = ReleaseVersion.Parse("0.4.0-rc3") });
        await using var fake = await FakeGitHub.StartAsync("edgerisk", "edgerisk", Token, "pm", "qa");
        fake.GitDirectory = git.OriginPath;
        var options = Options(fake);

        var result = await new ReleasePullRequestService(GitHubClientFactory.Create(options), options)
            .OpenAsync(new ReleasePullRequestOptions(ReleaseVersion.Parse("0.4.0-rc3")) { Reviewers = ["pm", "qa"] });

        Assert.True(result.Created);
        var pull = Assert.Single(fake.PullRequests);
        Assert.Equal("Promote v0.4.0-rc3 to main", pull["title"]!.GetValue<string>());
        Assert.Equal("open", pull["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task OpenAsync_MainAlreadyContainsDevelop_RefusesWithNothingToReview()
    {
        using var git = await GitSandbox.CreateAsync();
        await git.Clone.RunCheckedAsync(["push", "--quiet", "origin", "develop:main"]);
        await using var fake = await FakeGitHub.StartAsync("edgerisk", "edgerisk", Token, "pm", "qa");
        fake.GitDirectory = git.OriginPath;
        var options = Options(fake);

        var error = await Assert.ThrowsAsync<GitHubIntegrationException>(() =>
            new ReleasePullRequestService(GitHubClientFactory.Create(options), options)
                .OpenAsync(new ReleasePullRequestOptions(ReleaseVersion.Parse("0.4.0-rc3")) { Reviewers = ["pm", "qa"] }));

        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, error.StatusCode);
        Assert.StartsWith("No release PR 'Promote v0.4.0-rc3 to main': main already contains develop, so there is nothing to review (GitHub: No commits between main and develop)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Empty(fake.PullRequests);
        Assert.DoesNotContain(fake.Requests, r => r.Path.EndsWith("/requested_reviewers", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("completed", "success", WorkflowRunState.Success)]
    [InlineData("completed", "failure", WorkflowRunState.Failed)]
    [InlineData("completed", "cancelled", WorkflowRunState.Failed)]
    [InlineData("in_progress", null, WorkflowRunState.InProgress)]
    [InlineData("queued", null, WorkflowRunState.InProgress)]
    public async Task CheckAsync_RunForTag_MapsStatusAndConclusion(string status, string? conclusion, WorkflowRunState expected)
    {
        await using var fake = await FakeGitHub.StartAsync("edgerisk", "edgerisk", Token);
        fake.AddWorkflowRun("docker.yml", "v0.4.0-rc3", "push", status, conclusion, new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero));
        fake.AddWorkflowRun("docker.yml", "v0.4.0-rc2", "push", "completed", "success", new DateTimeOffset(2026, 1, 3, 0, 0, 0, TimeSpan.Zero));
        var options = Options(fake);

        var check = await new WorkflowRunChecker(GitHubClientFactory.Create(options), options).CheckAsync("v0.4.0-rc3");

        Assert.Equal(expected, check.State);
        Assert.NotNull(check.RunId);
    }

    [Fact]
    public async Task CheckAsync_LatestRunFailedAfterEarlierSuccess_ReportsLatest()
    {
        await using var fake = await FakeGitHub.StartAsync("edgerisk", "edgerisk", Token);
        fake.AddWorkflowRun("docker.yml", "v0.4.0-rc3", "push", "completed", "success", new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero));
        fake.AddWorkflowRun("docker.yml", "v0.4.0-rc3", "push", "completed", "failure", new DateTimeOffset(2026, 1, 2, 1, 0, 0, TimeSpan.Zero));
        var options = Options(fake);

        var check = await new WorkflowRunChecker(GitHubClientFactory.Create(options), options).CheckAsync("v0.4.0-rc3");

        Assert.Equal(WorkflowRunState.Failed, check.State);
    }

    [Fact]
    public async Task CheckAsync_NoRunForTag_ReportsMissing()
    {
        await using var fake = await FakeGitHub.StartAsync("edgerisk", "edgerisk", Token);
        fake.AddWorkflowRun("docker.yml", "develop", "push", "completed", "success", new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero));
        var options = Options(fake);

        var check = await new WorkflowRunChecker(GitHubClientFactory.Create(options), options).CheckAsync("v0.4.0-rc3");

        Assert.Equal(WorkflowRunState.Missing, check.State);
        Assert.Contains(fake.Requests, r => r.Path == "/repos/edgerisk/edgerisk/actions/workflows/docker.yml/runs" && r.Query.Contains("event=push", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CheckAsync_WorkflowWithoutRuns_ReportsMissing()
    {
        await using var fake = await FakeGitHub.StartAsync("edgerisk", "edgerisk", Token);
        fake.AddWorkflow("docker.yml");
        var options = Options(fake);

        var check = await new WorkflowRunChecker(GitHubClientFactory.Create(options), options).CheckAsync("v0.4.0-rc3");

        Assert.Equal(WorkflowRunState.Missing, check.State);
        Assert.Null(check.RunId);
    }

    [Fact]
    public async Task CheckAsync_UnknownWorkflowFile_ReportsMissing()
    {
        await using var fake = await FakeGitHub.StartAsync("edgerisk", "edgerisk", Token);
        var options = Options(fake);

        var check = await new WorkflowRunChecker(GitHubClientFactory.Create(options), options).CheckAsync("v0.4.0-rc3", "nope.yml");

        Assert.Equal(WorkflowRunState.Missing, check.State);
    }

    [Fact]
    public async Task UpsertAsync_CreateThenSameThenChanged_ReportsCreatedUnchangedUpdated()
    {
        await using var fake = await FakeGitHub.StartAsync("edgerisk", "edgerisk", Token);
        var options = Options(fake);
        var service = new GitHubReleaseService(GitHubClientFactory.Create(options), options);
        var notes = ReleaseNotes.Build("v0.4.0-rc3", "v0.3.0", [new GitCommit(new string('1', 40), "feat: router", "dev")], "| Gate | Result |\n|---|---|\n| drawdown | PASS |");

        var created = await service.UpsertAsync("v0.4.0-rc3", "v0.4.0-rc3", notes, prerelease: true);
        var unchanged = await service.UpsertAsync("v0.4.0-rc3", "v0.4.0-rc3", notes, prerelease: true);
        var updated = await service.UpsertAsync("v0.4.0-rc3", "v0.4.0-rc3", notes + "\nsoak: PASS", prerelease: true);

        Assert.Equal(GitHubReleaseStatus.Created, created.Status);
        Assert.Equal(GitHubReleaseStatus.Unchanged, unchanged.Status);
        Assert.Equal(GitHubReleaseStatus.Updated, updated.Status);
        var release = Assert.Single(fake.Releases);
        Assert.EndsWith("soak: PASS", release["body"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("- feat: router (1111111)", release["body"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NoGateTable_SaysGatesMissing()
    {
        var notes = ReleaseNotes.Build("v0.4.0", null, [], "");

        Assert.Contains("Gate results missing", notes, StringComparison.Ordinal);
        Assert.Contains("No commits.", notes, StringComparison.Ordinal);
    }

    [Fact]
    public void FromEnvironment_MissingTokenAndRepository_NamesBoth()
    {
        var error = Assert.Throws<Outbox.IntegrationConfigurationException>(() => GitHubOptions.FromEnvironment(_ => null));

        Assert.Equal(["GITHUB_TOKEN", "GITHUB_REPOSITORY"], error.MissingVariables);
    }
}

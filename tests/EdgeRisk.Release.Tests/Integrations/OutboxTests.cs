namespace EdgeRisk.Release.Tests.Integrations;

public sealed class OutboxTests
{
    private const string GrafanaToken = "glsa_outboxTokenNeverWritten_42";
    private const string RoutingKey = "R0123456789abcdef0123456789abcde";

    [Fact]
    public async Task ImportAsync_LocalProfileTwice_RecordsWritesOnceWithoutSecrets()
    {
        using var temp = new TempDirectory("edgerisk-outbox");
        using var files = new GrafanaFiles();
        var recorder = new OutboxRecorder(temp.Combine("artifacts", "release", "outbox"));
        var api = GrafanaClientFactory.Create(
            new GrafanaOptions(new Uri("http://grafana.invalid:3000/"), new Secret(GrafanaToken), null, null),
            new OutboxHandler(recorder, new GrafanaOutboxResponder()));
        var importer = new DashboardImporter(api, new DashboardImportOptions());
        var dash = files.Write("dash.json", GrafanaFiles.Dashboard());
        var alerts = files.Write("alerts.json", GrafanaFiles.RuleGroup());

        var first = await importer.ImportAsync(dash, alerts);
        var second = await importer.ImportAsync(dash, alerts);

        Assert.All(first.Items, i => Assert.Equal(ImportStatus.Created, i.Status));
        Assert.All(second.Items, i => Assert.Equal(ImportStatus.Unchanged, i.Status));
        var entries = recorder.ReadAll();
        Assert.Equal(
            ["POST /api/folders", "POST /api/dashboards/db", "PUT /api/v1/provisioning/folder/edge-risk/rule-groups/edge-risk"],
            entries.Select(e => $"{e.Method} {e.Path}"));
        Assert.Equal(["0001-grafana-post.json", "0002-grafana-post.json", "0003-grafana-put.json"], entries.Select(e => e.FileName));
        foreach (var file in Directory.EnumerateFiles(recorder.Directory))
        {
            var text = await File.ReadAllTextAsync(file);
            Assert.DoesNotContain(GrafanaToken, text, StringComparison.Ordinal);
            Assert.DoesNotContain("Authorization", text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task ImportAsync_LocalProfileChangedThenReverted_RecordsEachChangeInOrder()
    {
        using var temp = new TempDirectory("edgerisk-outbox");
        using var files = new GrafanaFiles();
        var recorder = new OutboxRecorder(temp.Path);
        var api = GrafanaClientFactory.Create(
            new GrafanaOptions(new Uri("http://grafana.invalid:3000/"), new Secret(GrafanaToken), null, null),
            new OutboxHandler(recorder, new GrafanaOutboxResponder()));
        var importer = new DashboardImporter(api, new DashboardImportOptions());
        var original = files.Write("a.json", GrafanaFiles.Dashboard());
        var changed = files.Write("b.json", GrafanaFiles.Dashboard("Edge-Risk v2"));

        await importer.ImportAsync(original);
        var toChanged = await importer.ImportAsync(changed);
        var back = await importer.ImportAsync(original);

        Assert.Equal(ImportStatus.Updated, toChanged.Dashboard.Status);
        Assert.Equal(ImportStatus.Updated, back.Dashboard.Status);
        Assert.Equal(3, back.Dashboard.Version);
        Assert.Equal(
            ["Edge-Risk", "Edge-Risk v2", "Edge-Risk"],
            recorder.ReadAll().Where(e => e.Resource == "dashboard:edge-risk").Select(e => e.Body!["dashboard"]!["title"]!.GetValue<string>()));
    }

    [Fact]
    public async Task VerifyAsync_LocalProfileAfterImport_IsInconclusiveNotPass()
    {
        using var temp = new TempDirectory("edgerisk-outbox");
        using var files = new GrafanaFiles();
        var api = GrafanaClientFactory.Create(
            new GrafanaOptions(new Uri("http://grafana.invalid:3000/"), new Secret(GrafanaToken), null, null),
            new OutboxHandler(new OutboxRecorder(temp.Path), new GrafanaOutboxResponder()));
        var dash = files.Write("dash.json", GrafanaFiles.Dashboard());
        await new DashboardImporter(api, new DashboardImportOptions()).ImportAsync(dash);

        var result = await new GrafanaDashboardVerifier(api, new DashboardVerifierOptions()).VerifyAsync(dash);

        Assert.True(result.MatchesFile);
        Assert.Equal(VerificationStatus.Inconclusive, result.Status);
    }

    [Fact]
    public async Task SendAsync_LocalProfile_MasksRoutingKeyInOutbox()
    {
        using var temp = new TempDirectory("edgerisk-outbox");
        var recorder = new OutboxRecorder(temp.Path);
        var client = new PagerDutyEventsClient(
            new PagerDutyOptions(new Secret(RoutingKey)),
            new OutboxHandler(recorder, new PagerDutyOutboxResponder()));

        var drill = new EdgeRisk.Release.PagerDuty.PagerDutyEvent
        {
            Action = PagerDutyEventAction.Trigger,
            Summary = "drill",
            Source = "edgerisk",
            DedupKey = "drill-1",
        };

        var key = await client.SendAsync(drill);
        await client.SendAsync(drill);

        Assert.Equal("drill-1", key);
        var entry = Assert.Single(recorder.ReadAll());
        Assert.Equal("/v2/enqueue", entry.Path);
        Assert.Equal(Secret.Mask, entry.Body!["routing_key"]!.GetValue<string>());
        Assert.DoesNotContain(RoutingKey, await File.ReadAllTextAsync(Path.Combine(recorder.Directory, entry.FileName)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_LocalProfile_RecordsPullRequestAndReviewers()
    {
        using var temp = new TempDirectory("edgerisk-outbox");
        var recorder = new OutboxRecorder(temp.Path);
        var options = new GitHubOptions("edgerisk", "edgerisk", new Secret("ghp_outboxToken"));
        var github = GitHubClientFactory.Create(options, new OutboxHandler(recorder, new GitHubOutboxResponder()));

        var request = new ReleasePullRequestOptions(ReleaseVersion.Parse("0.4.0")) { Reviewers = ["alice"] };
        var result = await new ReleasePullRequestService(github, options).OpenAsync(request);
        var rerun = await new ReleasePullRequestService(github, options).OpenAsync(request);
        var check = await new WorkflowRunChecker(github, options).CheckAsync("v0.4.0-rc3");

        Assert.True(result.Created);
        Assert.False(rerun.Created);
        Assert.Empty(rerun.ReviewersRequested);
        Assert.Equal(WorkflowRunState.Missing, check.State);
        Assert.Equal(
            ["POST /repos/edgerisk/edgerisk/pulls", "POST /repos/edgerisk/edgerisk/pulls/1/requested_reviewers"],
            recorder.ReadAll().Select(e => $"{e.Method} {e.Path}"));
    }

    [Fact]
    public async Task UpsertAsync_LocalProfileReleaseTwiceThenChanged_CreatedUnchangedUpdated()
    {
        using var temp = new TempDirectory("edgerisk-outbox");
        var recorder = new OutboxRecorder(temp.Path);
        var options = new GitHubOptions("edgerisk", "edgerisk", new Secret("ghp_outboxToken"));
        var service = new GitHubReleaseService(GitHubClientFactory.Create(options, new OutboxHandler(recorder, new GitHubOutboxResponder())), options);

        var created = await service.UpsertAsync("v0.4.0-rc3", "v0.4.0-rc3", "notes", prerelease: true);
        var unchanged = await service.UpsertAsync("v0.4.0-rc3", "v0.4.0-rc3", "notes", prerelease: true);
        var updated = await service.UpsertAsync("v0.4.0-rc3", "v0.4.0-rc3", "notes v2", prerelease: true);

        Assert.Equal(
            [GitHubReleaseStatus.Created, GitHubReleaseStatus.Unchanged, GitHubReleaseStatus.Updated],
            new[] { created.Status, unchanged.Status, updated.Status });
        Assert.Equal(["POST", "PATCH"], recorder.ReadAll().Select(e => e.Method));
    }

    [Fact]
    public async Task UpsertAsync_LocalProfile_RecordsJiraComment()
    {
        using var temp = new TempDirectory("edgerisk-outbox");
        var recorder = new OutboxRecorder(temp.Path);
        var jira = JiraClientFactory.Create(
            new JiraOptions(new Uri("https://edgerisk.atlassian.net"), "release@example.test", new Secret("jira-token")),
            new OutboxHandler(recorder, new JiraOutboxResponder()));

        var commenter = new JiraStatusCommenter(jira);

        var result = await commenter.UpsertAsync("EDGE-42", "[edgerisk:v0.4.0:status]", "rc3 tagged");
        var rerun = await commenter.UpsertAsync("EDGE-42", "[edgerisk:v0.4.0:status]", "rc3 tagged");
        var changed = await commenter.UpsertAsync("EDGE-42", "[edgerisk:v0.4.0:status]", "GA promoted");

        Assert.Equal(JiraCommentStatus.Created, result.Status);
        Assert.Equal(JiraCommentStatus.Unchanged, rerun.Status);
        Assert.Equal(JiraCommentStatus.Updated, changed.Status);
        Assert.Equal(result.CommentId, changed.CommentId);
        Assert.Equal(["POST", "PUT"], recorder.ReadAll().Select(e => e.Method));
        var entry = recorder.ReadAll()[0];
        Assert.Equal("/rest/api/2/issue/EDGE-42/comment", entry.Path);
        Assert.EndsWith("[edgerisk:v0.4.0:status]", entry.Body!["body"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordAsync_DifferentBodySamePath_WritesNewNumberedFile()
    {
        using var temp = new TempDirectory("edgerisk-outbox");
        var recorder = new OutboxRecorder(temp.Path);
        const string path = "/rest/api/2/issue/EDGE-1/comment";

        var first = await recorder.RecordAsync("jira", "POST", path, path, "{\"body\":\"a\"}");
        var same = await recorder.RecordAsync("jira", "POST", path, path, "{ \"body\" : \"a\" }");
        var other = await recorder.RecordAsync("jira", "POST", path, path, "{\"body\":\"b\"}");

        Assert.True(first.Written);
        Assert.False(same.Written);
        Assert.Equal(first.Entry.FileName, same.Entry.FileName);
        Assert.True(other.Written);
        Assert.Equal(2, other.Entry.Sequence);
    }

    [Fact]
    public void ToString_Secret_IsMasked()
    {
        var secret = new Secret("plain-value");

        Assert.Equal("*****", secret.ToString());
        Assert.Equal("*****", $"{secret}");
        Assert.Equal("plain-value", secret.Reveal());
    }
}

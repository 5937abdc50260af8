namespace EdgeRisk.Release.Tests.Promotion;

public sealed class DeployAnnotationTests
{
    private const string GrafanaToken = "glsa_deployAnnotationToken0123456789";

    [Fact]
    public async Task PromoteAsync_GrafanaConfigured_PostsDeployAnnotationOnEdgeRiskDashboardAtPromotionTime()
    {
        using var sandbox = await PromotionSandbox.CreateAsync();
        await using var grafana = await FakeGrafana.StartWithTokenAsync(GrafanaToken);
        var developHead = await sandbox.Git.Clone.ResolveCommitAsync("refs/heads/develop");
        var integrations = sandbox.LocalIntegrations() with { Annotator = Annotator(grafana) };

        var result = await sandbox.Service(integrations).PromoteAsync();

        Assert.Equal(PromotionOutcome.Promoted, result.Outcome);
        var annotation = Assert.Single(grafana.Annotations());
        Assert.Equal("edgerisk-edge-risk", annotation["dashboardUID"]!.GetValue<string>());
        Assert.Equal(new DateTimeOffset(2026, 1, 3, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), annotation["time"]!.GetValue<long>());
        Assert.Equal(["deploy", "edgerisk", "v0.4.0"], annotation["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal($"Promoted v0.4.0 (rc commit {developHead![..12]})", annotation["text"]!.GetValue<string>());
        Assert.Equal(long.Parse(annotation["id"]!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture), PromotionState.Read(sandbox.ReleaseDirectory)!.AnnotationId);
        Assert.Contains(result.Steps, s => s.Name == "Grafana annotation");
    }

    [Fact]
    public async Task PromoteAsync_JiraFailedAfterAnnotation_RerunDoesNotAnnotateAgain()
    {
        using var sandbox = await PromotionSandbox.CreateAsync();
        await using var grafana = await FakeGrafana.StartWithTokenAsync(GrafanaToken);
        var flaky = sandbox.LocalIntegrations(jira => new FailFirstWriteHandler(jira)) with { Annotator = Annotator(grafana) };

        await Assert.ThrowsAsync<EdgeRisk.Release.Jira.JiraException>(() => sandbox.Service(flaky).PromoteAsync());
        var resumed = await sandbox.Service(flaky).PromoteAsync();

        Assert.Equal(PromotionOutcome.Promoted, resumed.Outcome);
        Assert.Single(grafana.Annotations());
        Assert.Contains(resumed.Steps, s => s.Name == "Grafana annotation" && s.Outcome == "already posted");
    }

    [Fact]
    public async Task PromoteAsync_LocalProfile_RecordsDeployAnnotationToTheOutbox()
    {
        using var sandbox = await PromotionSandbox.CreateAsync();
        var options = new GrafanaOptions(new Uri("http://grafana.local/"), new Secret("local-profile"), null, null);
        var api = GrafanaClientFactory.Create(options, new OutboxHandler(sandbox.Outbox, new GrafanaOutboxResponder()));
        var integrations = sandbox.LocalIntegrations() with { Annotator = new DeployAnnotator(api) };

        await sandbox.Service(integrations).PromoteAsync();

        Assert.Equal(["POST /api/annotations"], sandbox.OutboxWrites("grafana"));
        var body = sandbox.Outbox.ReadAll("grafana").Single().Body!;
        Assert.Equal("edgerisk-edge-risk", body["dashboardUID"]!.GetValue<string>());
        Assert.Equal(["deploy", "edgerisk", "v0.4.0"], body["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Contains(sandbox.Log, l => l.StartsWith("Grafana deploy annotation v0.4.0", StringComparison.Ordinal)
            && l.EndsWith("recorded to the outbox, not sent", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PromoteAsync_SecondPromotionWithFreshStateAgainstSameGrafana_PostsNothingNew()
    {
        await using var grafana = await FakeGrafana.StartWithTokenAsync(GrafanaToken);
        using var first = await PromotionSandbox.CreateAsync();
        using var elsewhere = await PromotionSandbox.CreateAsync();
        await first.Service(first.LocalIntegrations() with { Annotator = Annotator(grafana) }).PromoteAsync();

        var again = await elsewhere.Service(elsewhere.LocalIntegrations() with { Annotator = Annotator(grafana) }).PromoteAsync();

        Assert.Equal(PromotionOutcome.Promoted, again.Outcome);
        var annotation = Assert.Single(grafana.Annotations());
        Assert.Equal(annotation["id"]!.GetValue<int>(), PromotionState.Read(elsewhere.ReleaseDirectory)!.AnnotationId);
        Assert.Contains(again.Steps, s => s.Name == "Grafana annotation" && s.Outcome == "already in Grafana");
        Assert.Contains(elsewhere.Log, l => l.StartsWith("Grafana deploy annotation v0.4.0", StringComparison.Ordinal)
            && l.Contains("already in Grafana", StringComparison.Ordinal));
        Assert.All(grafana.AnnotationQueries(), q => Assert.Equal("?tags=deploy&tags=edgerisk&tags=v0.4.0&type=annotation&dashboardUID=edgerisk-edge-risk&limit=100", q));
    }

    [Fact]
    public async Task AnnotateAsync_OnlyAnotherReleaseAnnotated_PostsItsOwn()
    {
        await using var grafana = await FakeGrafana.StartWithTokenAsync(GrafanaToken);
        var annotator = Annotator(grafana);
        var at = new DateTimeOffset(2026, 1, 3, 0, 0, 0, TimeSpan.Zero);
        var previous = await annotator.AnnotateAsync("v0.3.0", "0123456789abcdef", at.AddDays(-30));

        var current = await annotator.AnnotateAsync("v0.4.0", "fedcba9876543210", at);
        var repeated = await annotator.AnnotateAsync("v0.4.0", "fedcba9876543210", at.AddHours(1));

        Assert.False(previous.Reused);
        Assert.False(current.Reused);
        Assert.NotEqual(previous.Id, current.Id);
        Assert.Equal(new DeployAnnotation(current.Id, Reused: true), repeated);
        Assert.Equal(2, grafana.Annotations().Count);
    }

    [Fact]
    public async Task AnnotateAsync_ReleaseAnnotatedOnAnotherDashboard_PostsOnItsOwn()
    {
        await using var grafana = await FakeGrafana.StartWithTokenAsync(GrafanaToken);
        var at = new DateTimeOffset(2026, 1, 3, 0, 0, 0, TimeSpan.Zero);
        var api = GrafanaClientFactory.Create(new GrafanaOptions(grafana.BaseUrl, new Secret(GrafanaToken), null, null));
        await new DeployAnnotator(api, "another-dashboard").AnnotateAsync("v0.4.0", "fedcba9876543210", at);

        var onEdgeRisk = await new DeployAnnotator(api).AnnotateAsync("v0.4.0", "fedcba9876543210", at);

        Assert.False(onEdgeRisk.Reused);
        Assert.Equal(["another-dashboard", "edgerisk-edge-risk"], grafana.Annotations().Select(a => a["dashboardUID"]!.GetValue<string>()));
    }

    [Fact]
    public async Task AnnotateAsync_LocalOutboxAlreadyHoldsTheRelease_RecordsNoSecondPost()
    {
        using var sandbox = await PromotionSandbox.CreateAsync();
        var options = new GrafanaOptions(new Uri("http://grafana.local/"), new Secret("local-profile"), null, null);
        var annotator = new DeployAnnotator(GrafanaClientFactory.Create(options, new OutboxHandler(sandbox.Outbox, new GrafanaOutboxResponder())));
        var at = new DateTimeOffset(2026, 1, 3, 0, 0, 0, TimeSpan.Zero);

        var posted = await annotator.AnnotateAsync("v0.4.0", "fedcba9876543210", at);
        var again = await annotator.AnnotateAsync("v0.4.0", "fedcba9876543210", at.AddHours(1));

        Assert.Equal(new DeployAnnotation(posted.Id, Reused: true), again);
        Assert.Equal(["POST /api/annotations"], sandbox.OutboxWrites("grafana"));
    }

    private static DeployAnnotator Annotator(FakeGrafana grafana) =>
        new(GrafanaClientFactory.Create(new GrafanaOptions(grafana.BaseUrl, new Secret(GrafanaToken), null, null)));
}

namespace EdgeRisk.Release.Tests.Integrations;

/// <summary>Release pings as PagerDuty warnings (loopback Events API) or outbox records, once per release and cause.</summary>
public sealed class ReleasePingerTests : IDisposable
{
    private const string RoutingKey = "R0123456789releasePingerKey01234";
    private const string GrafanaPassword = "grafana-password-never-shown-42";

    private readonly string root = Directory.CreateTempSubdirectory("edgerisk-pings-").FullName;

    private string ReleaseDirectory => Path.Combine(root, "release", "v0.4.0");

    private string OutboxDirectory => Path.Combine(root, "release", "outbox");

    private static ReleaseSettings Settings(FakePagerDuty? pagerDuty, params (string Name, string Value)[] variables)
    {
        var values = variables.ToDictionary(v => v.Name, v => v.Value);
        if (pagerDuty is not null)
        {
            values[PagerDutyOptions.RoutingKeyVariable] = RoutingKey;
            values[PagerDutyOptions.UrlVariable] = pagerDuty.BaseUrl.AbsoluteUri;
        }

        return new ReleaseSettings(name => values.GetValueOrDefault(name));
    }

    private static ReleasePing DockerBuildFailed() =>
        new("v0.4.0-rc3", ReleasePingCause.DockerBuildFailed, "EdgeRisk v0.4.0-rc3: CI Docker build (docker.yml) failed (conclusion failure): https://github.com/o/r/actions/runs/7");

    [Fact]
    public async Task PingAsync_SameReleaseAndCauseOnRerun_SendsOneWarningEvent()
    {
        await using var pagerDuty = await FakePagerDuty.StartAsync();

        var first = await PagerDutyReleasePinger.Create(false, Settings(pagerDuty), OutboxDirectory, ReleaseDirectory).PingAsync(DockerBuildFailed());
        var second = await PagerDutyReleasePinger.Create(false, Settings(pagerDuty), OutboxDirectory, ReleaseDirectory).PingAsync(DockerBuildFailed());

        var paged = Assert.Single(pagerDuty.Events);
        Assert.Equal("warning", paged.Severity);
        Assert.Equal("edgerisk:v0.4.0-rc3:docker-build-failed", paged.DedupKey);
        Assert.Equal(ReleasePingStatus.Sent, first.Status);
        Assert.Equal(ReleasePingStatus.AlreadySent, second.Status);
        Assert.Equal(first.Line, second.Line);
        Assert.False(Directory.Exists(OutboxDirectory));
    }

    [Fact]
    public async Task Create_LocalProfile_RecordsWarningInOutboxAndSendsNothing()
    {
        await using var pagerDuty = await FakePagerDuty.StartAsync();

        var result = await PagerDutyReleasePinger.Create(true, Settings(pagerDuty), OutboxDirectory, ReleaseDirectory).PingAsync(DockerBuildFailed());

        Assert.Empty(pagerDuty.Events);
        Assert.Equal(ReleasePingStatus.Recorded, result.Status);
        var entry = Assert.Single(new OutboxRecorder(OutboxDirectory).ReadAll("pagerduty"));
        Assert.Equal("warning", entry.Body!["payload"]!["severity"]!.GetValue<string>());
        Assert.Equal("edgerisk:v0.4.0-rc3:docker-build-failed", entry.Body["dedup_key"]!.GetValue<string>());
        Assert.Equal(Secret.Mask, entry.Body["routing_key"]!.GetValue<string>());
        Assert.All(Directory.EnumerateFiles(OutboxDirectory), file => Assert.DoesNotContain(RoutingKey, File.ReadAllText(file), StringComparison.Ordinal));
    }

    [Fact]
    public async Task RefuseMissingGrafanaAsync_StagingWithoutGrafanaUser_PagesWarningNamingVariablesNotValues()
    {
        await using var pagerDuty = await FakePagerDuty.StartAsync();
        var settings = Settings(pagerDuty, ("GRAFANA_URL", "https://grafana.example.test"), ("GRAFANA_PASSWORD", GrafanaPassword));
        var problem = settings.Problem(ReleaseService.Grafana)!;

        var error = await ReleasePing.RefuseMissingGrafanaAsync("v0.4.0", problem,
            PagerDutyReleasePinger.Create(false, settings, OutboxDirectory, ReleaseDirectory));

        var paged = Assert.Single(pagerDuty.Events);
        Assert.Equal("warning", paged.Severity);
        Assert.Equal("edgerisk:v0.4.0:grafana-auth-missing", paged.DedupKey);
        Assert.Contains("Grafana is not configured: set GRAFANA_USER", paged.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain(GrafanaPassword, paged.Raw.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal($"{problem}; PagerDuty warning sent (dedup key edgerisk:v0.4.0:grafana-auth-missing)", error);
        Assert.DoesNotContain('\n', error);
        Assert.DoesNotContain(GrafanaPassword, error, StringComparison.Ordinal);
        Assert.DoesNotContain(RoutingKey, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefuseMissingGrafanaAsync_PagerDutyAlsoMissing_ErrorNamesTheRoutingKeyVariable()
    {
        var settings = Settings(null, ("GRAFANA_URL", "https://grafana.example.test"));
        var problem = settings.Problem(ReleaseService.Grafana)!;

        var error = await ReleasePing.RefuseMissingGrafanaAsync("v0.4.0", problem,
            PagerDutyReleasePinger.Create(false, settings, OutboxDirectory, ReleaseDirectory));

        Assert.StartsWith("Grafana is not configured: set GRAFANA_TOKEN (or GRAFANA_USER and GRAFANA_PASSWORD); PagerDuty warning NOT sent (PagerDuty is not configured: set PAGERDUTY_ROUTING_KEY", error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error);
        Assert.False(File.Exists(Path.Combine(ReleaseDirectory, PagerDutyReleasePinger.FileName)));
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}

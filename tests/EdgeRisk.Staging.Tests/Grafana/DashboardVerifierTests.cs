using EdgeRisk.Evidence.Prometheus;
using EdgeRisk.Release.Outbox;
using Spectre.Console;

namespace EdgeRisk.Staging.Tests.Grafana;

/// <summary>VerifyDashboards' freshness check against a real Prometheus scraping a live loopback endpoint.</summary>
public sealed class DashboardVerifierTests : IClassFixture<ScrapedPrometheusFixture>
{
    private readonly ScrapedPrometheusFixture _fixture;

    public DashboardVerifierTests(ScrapedPrometheusFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task VerifyAsync_LiveScrape_EveryPanelOfBothDashboardsIsFresh()
    {
        var prometheus = await _fixture.GetAsync();
        var verifier = new DashboardVerifier(prometheus.Client, TimeProvider.System);
        string[] dashboards = [RepositoryRoot.Combine("grafana", "edge_risk.json"), RepositoryRoot.Combine("grafana", "release_gates.json")];

        var report = await VerifyUntilFreshAsync(verifier, dashboards);
        Assert.Equal(6, report.Panels.Count(p => p.Dashboard == "edge_risk.json"));
        Assert.All(report.Panels, p => Assert.InRange(p.Lag!.Value, TimeSpan.Zero, DashboardVerifier.DefaultMaxLag));
    }

    [Fact]
    public async Task VerifyAsync_ThroughGrafanaDatasourceProxy_PanelsFreshAndCallsAuthorized()
    {
        await using var proxy = await ThroughGrafanaAsync("sa-token");

        await VerifyUntilFreshAsync(proxy.Verifier, [RepositoryRoot.Combine("grafana", "edge_risk.json")]);
        Assert.Contains(proxy.Grafana.Requests, r => r.Path.StartsWith("/api/datasources/proxy/uid/prometheus/api/v1/query", StringComparison.Ordinal));
    }

    [Fact]
    public async Task VerifyAsync_GrafanaProxyWrongToken_ThrowsNamingTheAnswer()
    {
        await using var proxy = await ThroughGrafanaAsync("wrong");

        var e = await Assert.ThrowsAsync<PrometheusQueryException>(() => proxy.Verifier.VerifyAsync([new PanelQuery("d", 1, "p", "A", "var_pct")]));

        Assert.Contains("Unauthorized", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_FrozenAndMissingSeries_AreStaleAndNoData()
    {
        var prometheus = await _fixture.GetAsync();
        var verifier = new DashboardVerifier(prometheus.Client, TimeProvider.System);

        var report = await verifier.VerifyAsync(
        [
            new PanelQuery("d", 1, "frozen", "A", "frozen_metric * var_pct"),
            new PanelQuery("d", 2, "missing", "A", "rate(never_exported_total[$__rate_interval])"),
        ]);

        Assert.False(report.Passed);
        var frozen = report.Panels.Single(p => p.PanelId == 1);
        Assert.Equal(FreshnessStatus.Stale, frozen.Status);
        Assert.InRange(frozen.Lag!.Value, TimeSpan.FromSeconds(29), TimeSpan.FromMinutes(5));
        Assert.Equal(FreshnessStatus.NoData, report.Panels.Single(p => p.PanelId == 2).Status);
    }

    [Fact]
    public async Task VerifyAsync_PrometheusDown_ThrowsUnreachable()
    {
        var api = PrometheusClientFactory.Create(new Uri($"http://127.0.0.1:{EdgeRisk.Processes.FreePort.Next()}/"), timeout: TimeSpan.FromSeconds(2));
        using var http = api.Client;
        var client = new PrometheusQueryClient(api);

        var e = await Assert.ThrowsAsync<PrometheusQueryException>(() =>
            new DashboardVerifier(client, TimeProvider.System).VerifyAsync([new PanelQuery("d", 1, "p", "A", "var_pct")]));

        Assert.Contains("unreachable", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToTable_Report_ListsLagPerPanel()
    {
        var prometheus = await _fixture.GetAsync();
        var report = await new DashboardVerifier(prometheus.Client, TimeProvider.System)
            .VerifyAsync([new PanelQuery("d", 7, "VaR", "A", "var_pct"), new PanelQuery("d", 8, "gone", "A", "never_exported")]);
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        });

        console.Profile.Width = 240;
        console.Write(report.ToTable());

        Assert.Contains("7 VaR", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("NO DATA", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("FAIL", output.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Verifies and asserts every panel fresh; a scrape can be late on a loaded machine, so a few scrape intervals are retried first.</summary>
    private static async Task<DashboardVerificationReport> VerifyUntilFreshAsync(DashboardVerifier verifier, string[] dashboards)
    {
        var report = await verifier.VerifyAsync(dashboards);
        for (var attempt = 0; attempt < 10 && !report.Passed; attempt++)
        {
            await Task.Delay(200);
            report = await verifier.VerifyAsync(dashboards);
        }

        Assert.True(report.Passed, string.Join(Environment.NewLine, report.Panels.Where(p => !p.Passed).Select(p => $"{p.PanelTitle}: {p.Status} {p.Lag}")));
        return report;
    }

    /// <summary>A verifier querying the fixture's Prometheus through the fake Grafana's datasource proxy (token "sa-token") with <paramref name="token"/>.</summary>
    private async Task<GrafanaProxy> ThroughGrafanaAsync(string token)
    {
        var prometheus = await _fixture.GetAsync();
        var grafana = await FakeGrafana.StartWithTokenAsync("sa-token");
        grafana.ProxyDatasource("prometheus", prometheus.Client.BaseUrl);
        var options = new GrafanaOptions(grafana.BaseUrl, new Secret(token), null, null);
        var throughGrafana = GrafanaClientFactory.PrometheusClient(options, GrafanaClientFactory.DatasourceProxyUrl(options, "prometheus"));
        var verifier = new DashboardVerifier(new PrometheusQueryClient(throughGrafana), TimeProvider.System);
        return new GrafanaProxy(grafana, throughGrafana.Client, verifier);
    }

    private sealed record GrafanaProxy(FakeGrafana Grafana, HttpClient Http, DashboardVerifier Verifier) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await Grafana.DisposeAsync();
        }
    }
}

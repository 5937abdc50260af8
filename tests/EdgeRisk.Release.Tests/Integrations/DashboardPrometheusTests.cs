using System.Net;

namespace EdgeRisk.Release.Tests.Integrations;

public sealed class DashboardPrometheusTests
{
    private const string Token = "glsa_dashboardPrometheusToken0123456789";

    private static readonly GrafanaOptions Grafana = new(new Uri("https://grafana.example.com/"), new Secret(Token), null, null);

    [Fact]
    public async Task DashboardPrometheus_PrometheusUrlGiven_AsksItDirectlyWithoutGrafanasCredentials()
    {
        using var handler = new RecordingHandler();
        var prometheus = GrafanaClientFactory.DashboardPrometheus(Grafana, new Uri("http://prometheus.internal:9090/"), "prometheus", handler);

        using var _ = await prometheus.QueryAsync("up", "0");

        var request = Assert.Single(handler.Requests);
        Assert.Equal("prometheus.internal", request.Uri.Host);
        Assert.Null(request.Authorization);
    }

    [Fact]
    public async Task DashboardPrometheus_NoPrometheusUrl_AsksThroughGrafanasProxyWithItsToken()
    {
        using var handler = new RecordingHandler();
        var prometheus = GrafanaClientFactory.DashboardPrometheus(Grafana, null, "prometheus", handler);

        using var _ = await prometheus.QueryAsync("up", "0");

        var request = Assert.Single(handler.Requests);
        Assert.Equal("https://grafana.example.com/api/datasources/proxy/uid/prometheus/api/v1/query", request.Uri.GetLeftPart(UriPartial.Path));
        Assert.Equal($"Bearer {Token}", request.Authorization);
    }

    private sealed record Seen(Uri Uri, string? Authorization);

    /// <summary>Answers every request with an empty Prometheus vector and keeps where it went and what it carried.</summary>
    private sealed class RecordingHandler : HttpMessageHandler
    {
        public List<Seen> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(new Seen(request.RequestUri!, request.Headers.Authorization?.ToString()));
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent("""{"status":"success","data":{"resultType":"vector","result":[]}}"""),
            });
        }
    }
}

using System.Net.Http.Headers;
using System.Text;
using EdgeRisk.Evidence.Prometheus;
using Refit;

namespace EdgeRisk.Release.Grafana;

/// <summary>Builds the Refit client over real HTTP, or over <paramref name="transport"/> (e.g. the outbox) when given.</summary>
public static class GrafanaClientFactory
{
    public static IGrafanaApi Create(GrafanaOptions options, HttpMessageHandler? transport = null) =>
        RestService.For<IGrafanaApi>(CreateHttpClient(options, transport));

    /// <summary>An HttpClient on Grafana's base URL carrying its credentials (Bearer token or basic).</summary>
    public static HttpClient CreateHttpClient(GrafanaOptions options, HttpMessageHandler? transport = null) =>
        CreateHttpClient(options, options?.Url!, transport);

    /// <summary>
    /// The Prometheus client at <paramref name="prometheusUrl"/> carrying Grafana's credentials: with
    /// <see cref="DatasourceProxyUrl"/>, Prometheus through Grafana's data source proxy, what the dashboards see.
    /// </summary>
    public static IPrometheusApi PrometheusClient(GrafanaOptions options, Uri prometheusUrl, HttpMessageHandler? transport = null) =>
        PrometheusClientFactory.Create(CreateHttpClient(options, prometheusUrl, transport));

    /// <summary>
    /// The Prometheus the dashboard checks query in staging: <paramref name="prometheusUrl"/> when given, asked directly
    /// and without credentials (Grafana's never go to another host); otherwise Prometheus through Grafana's data source
    /// proxy for <paramref name="datasourceUid"/>, with Grafana's credentials.
    /// </summary>
    public static IPrometheusApi DashboardPrometheus(GrafanaOptions options, Uri? prometheusUrl, string datasourceUid, HttpMessageHandler? transport = null) =>
        prometheusUrl is not null
            ? PrometheusClientFactory.Create(prometheusUrl, transport, TimeSpan.FromSeconds(10))
            : PrometheusClient(options, DatasourceProxyUrl(options, datasourceUid), transport);

    private static HttpClient CreateHttpClient(GrafanaOptions options, Uri baseAddress, HttpMessageHandler? transport)
    {
        ArgumentNullException.ThrowIfNull(options);
        var http = new HttpClient(transport ?? new SocketsHttpHandler(), disposeHandler: transport is null)
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        http.DefaultRequestHeaders.Authorization = options.Token is { } token
            ? new AuthenticationHeaderValue("Bearer", token.Reveal())
            : new AuthenticationHeaderValue(
                "Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.User}:{options.Password?.Reveal()}")));
        return http;
    }

    /// <summary>
    /// Base URL of a datasource behind Grafana's data source proxy (<c>/api/datasources/proxy/uid/{uid}/</c>): the
    /// Prometheus HTTP API as Grafana reaches it, with Grafana's credentials and network path
    /// (<see cref="PrometheusClient"/>).
    /// </summary>
    public static Uri DatasourceProxyUrl(GrafanaOptions options, string datasourceUid)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(datasourceUid);
        var root = options.Url.AbsoluteUri.EndsWith('/') ? options.Url : new Uri(options.Url.AbsoluteUri + "/");
        return new Uri(root, $"api/datasources/proxy/uid/{Uri.EscapeDataString(datasourceUid)}/");
    }
}

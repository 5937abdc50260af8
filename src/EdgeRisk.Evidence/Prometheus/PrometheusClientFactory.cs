using Refit;

namespace EdgeRisk.Evidence.Prometheus;

/// <summary>Builds the Refit client; per-attempt timeouts come from the resilience pipeline, not HttpClient, unless given.</summary>
public static class PrometheusClientFactory
{
    /// <param name="baseUrl">The Prometheus root, e.g. http://127.0.0.1:9090/.</param>
    /// <param name="transport">The handler to send through; a new socket handler when null.</param>
    /// <param name="timeout">Bound of each call; none when null.</param>
    public static IPrometheusApi Create(Uri baseUrl, HttpMessageHandler? transport = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        return Create(new HttpClient(transport ?? new SocketsHttpHandler(), disposeHandler: transport is null)
        {
            BaseAddress = baseUrl,
            Timeout = timeout ?? Timeout.InfiniteTimeSpan,
        });
    }

    /// <summary>The client over <paramref name="http"/>, whose base address is the Prometheus root or a proxy in front of it (e.g. Grafana's data source proxy with its credentials).</summary>
    public static IPrometheusApi Create(HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.BaseAddress is null)
        {
            throw new ArgumentException("the HttpClient needs the Prometheus root as its BaseAddress", nameof(http));
        }

        return RestService.For<IPrometheusApi>(http);
    }
}

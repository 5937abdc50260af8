using Refit;

namespace EdgeRisk.Evidence.Prometheus;

/// <summary>Builds the Refit client; per-attempt timeouts come from the resilience pipeline, not HttpClient.</summary>
public static class PrometheusClientFactory
{
    public static IPrometheusApi Create(Uri baseUrl, HttpMessageHandler? transport = null)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var http = new HttpClient(transport ?? new SocketsHttpHandler(), disposeHandler: transport is null)
        {
            BaseAddress = baseUrl,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        return RestService.For<IPrometheusApi>(http);
    }
}

using System.Net.Http.Headers;
using System.Text;
using Refit;

namespace EdgeRisk.Release.Grafana;

/// <summary>Builds the Refit client over real HTTP, or over <paramref name="transport"/> (e.g. the outbox) when given.</summary>
public static class GrafanaClientFactory
{
    public static IGrafanaApi Create(GrafanaOptions options, HttpMessageHandler? transport = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var http = new HttpClient(transport ?? new SocketsHttpHandler(), disposeHandler: transport is null)
        {
            BaseAddress = options.Url,
            Timeout = TimeSpan.FromSeconds(30),
        };
        http.DefaultRequestHeaders.Authorization = options.Token is { } token
            ? new AuthenticationHeaderValue("Bearer", token.Reveal())
            : new AuthenticationHeaderValue(
                "Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.User}:{options.Password?.Reveal()}")));
        return RestService.For<IGrafanaApi>(http);
    }
}

using System.Net.Http.Headers;
using System.Text;
using Refit;

namespace EdgeRisk.Release.Jira;

/// <summary>Builds the Refit client over real HTTP, or over <paramref name="transport"/> (e.g. the outbox) when given.</summary>
public static class JiraClientFactory
{
    public static IJiraApi Create(JiraOptions options, HttpMessageHandler? transport = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var http = new HttpClient(transport ?? new SocketsHttpHandler(), disposeHandler: transport is null)
        {
            BaseAddress = options.Url,
            Timeout = TimeSpan.FromSeconds(30),
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Email}:{options.ApiToken.Reveal()}")));
        return RestService.For<IJiraApi>(http);
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace EdgeRisk.Staging.Tests.Grafana;

/// <summary>A tiny real /metrics endpoint on 127.0.0.1 (the loopback fakes' Kestrel) that a real Prometheus scrapes.</summary>
public sealed class LoopbackMetricsEndpoint : LoopbackFake
{
    private readonly Func<string> _exposition;

    private LoopbackMetricsEndpoint(Func<string> exposition) => _exposition = exposition;

    /// <summary>The scrape target, <c>127.0.0.1:port</c>.</summary>
    public string Target => BaseUrl.Authority;

    public static async Task<LoopbackMetricsEndpoint> StartAsync(Func<string> exposition)
    {
        var endpoint = new LoopbackMetricsEndpoint(exposition);
        await endpoint.StartServerAsync();
        return endpoint;
    }

    protected override void Map(WebApplication application) =>
        application.MapGet("/metrics", () => Results.Text(_exposition(), "text/plain; version=0.0.4"));
}

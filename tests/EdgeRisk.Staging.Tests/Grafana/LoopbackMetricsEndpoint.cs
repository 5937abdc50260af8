using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace EdgeRisk.Staging.Tests.Grafana;

/// <summary>A tiny real /metrics endpoint on 127.0.0.1 (Kestrel) that a real Prometheus scrapes.</summary>
public sealed class LoopbackMetricsEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackMetricsEndpoint(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    public string Target => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    public static async Task<LoopbackMetricsEndpoint> StartAsync(Func<string> exposition)
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var app = builder.Build();
        app.MapGet("/metrics", () => Results.Text(exposition(), "text/plain; version=0.0.4"));
        await app.StartAsync();
        return new LoopbackMetricsEndpoint(app, port);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

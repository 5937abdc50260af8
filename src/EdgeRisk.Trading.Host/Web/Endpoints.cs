using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Prometheus;

namespace EdgeRisk.Trading.Host.Web;

/// <summary>/metrics (the process's own registry, Prometheus text), /healthz and /readyz.</summary>
public static class Endpoints
{
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var metrics = app.Services.GetRequiredService<TradingMetrics>();
        var state = app.Services.GetRequiredService<HostState>();
        app.MapGet("/metrics", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
            await metrics.Registry.CollectAndExportAsTextAsync(context.Response.Body, context.RequestAborted);
        });
        app.MapGet("/healthz", () => state.Unhealthy() is { } reason
            ? Results.Text("unhealthy: " + reason + "\n", statusCode: StatusCodes.Status503ServiceUnavailable)
            : Results.Text("ok\n"));
        app.MapGet("/readyz", () => state.NotReadyReason is { } reason
            ? Results.Text("not ready: " + reason + "\n", statusCode: StatusCodes.Status503ServiceUnavailable)
            : Results.Text("ready\n"));
    }
}

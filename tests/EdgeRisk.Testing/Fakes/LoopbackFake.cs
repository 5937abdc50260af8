using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace EdgeRisk.Testing.Fakes;

/// <summary>
/// Base of the SaaS fakes: a Kestrel minimal API on 127.0.0.1 with a kernel-chosen port that records every request.
/// Subclasses map the real API's routes and enforce its contract.
/// </summary>
public abstract class LoopbackFake : IAsyncDisposable
{
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private WebApplication? app;

    /// <summary>Base URL with a trailing slash, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    public IReadOnlyList<RecordedRequest> Requests => requests.ToArray();

    protected async Task StartServerAsync(string? pathBase = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        app = builder.Build();
        if (pathBase is not null)
        {
            app.UsePathBase(pathBase);
        }

        app.Use(async (context, next) =>
        {
            context.Request.EnableBuffering();
            using var reader = new StreamReader(context.Request.Body, leaveOpen: true);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            context.Request.Body.Position = 0;
            requests.Enqueue(new RecordedRequest(
                context.Request.Method,
                context.Request.PathBase.Value ?? "",
                context.Request.Path.Value ?? "/",
                context.Request.QueryString.Value ?? "",
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body));
            await next(context);
        });

        // Explicit routing so that routes match after the path base is stripped.
        app.UseRouting();
        Map(app);
        await app.StartAsync();
        BaseUrl = new Uri(app.Urls.First().TrimEnd('/') + "/");
    }

    /// <summary>Registers the fake's middleware and routes.</summary>
    protected abstract void Map(WebApplication application);

    protected static IResult Json(int status, JsonNode? body) =>
        Results.Text(body?.ToJsonString() ?? "", "application/json; charset=utf-8", null, status);

    /// <summary>Reads the request body as a JSON object, or null when it is missing or not an object.</summary>
    protected static async Task<JsonObject?> ReadObjectAsync(HttpRequest request)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    protected static string? StringOf(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EdgeRisk.Trading.Tests.Host;

/// <summary>
/// A loopback WebSocket server (Kestrel on 127.0.0.1:0) that serves a recorded session from Fixtures/ws: each
/// connection gets the next part (parts are separated by <c># disconnect</c>), the last part's connection stays open.
/// It records what clients send (subscriptions) and the request paths.
/// </summary>
internal sealed class RecordedFrameServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<List<string>> _parts;
    private int _connections;

    private RecordedFrameServer(WebApplication app, List<List<string>> parts)
    {
        _app = app;
        _parts = parts;
    }

    public Uri BaseUri { get; private set; } = null!;

    public int Connections => Volatile.Read(ref _connections);

    public List<string> Received { get; } = [];

    public List<string> Paths { get; } = [];

    public static async Task<RecordedFrameServer> StartAsync(string fixture)
    {
        var parts = new List<List<string>> { new() };
        foreach (var line in await File.ReadAllLinesAsync(Path.Combine(TradingProcess.RepoRoot, "tests", "EdgeRisk.Trading.Tests", "Fixtures", "ws", fixture)))
        {
            if (line.StartsWith("# disconnect", StringComparison.Ordinal))
            {
                parts.Add([]);
            }
            else if (line.Length > 0 && !line.StartsWith('#'))
            {
                parts[^1].Add(line);
            }
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new RecordedFrameServer(app, parts);
        app.UseWebSockets();
        app.Run(server.ServeAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUri = new Uri(address.Replace("http://", "ws://", StringComparison.Ordinal));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task ServeAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var index = Interlocked.Increment(ref _connections) - 1;
        lock (Paths)
        {
            Paths.Add(context.Request.Path + context.Request.QueryString);
        }

        var receiving = ReceiveAsync(socket, context.RequestAborted);
        foreach (var frame in _parts[Math.Min(index, _parts.Count - 1)])
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, true, context.RequestAborted);
        }

        if (index < _parts.Count - 1)
        {
            // A server-side drop, as an exchange does on maintenance: the client must reconnect.
            await socket.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, "going away", CancellationToken.None);
        }

        await receiving;
    }

    private async Task ReceiveAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        try
        {
            while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                var result = await socket.ReceiveAsync(buffer, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                lock (Received)
                {
                    Received.Add(Encoding.UTF8.GetString(buffer, 0, result.Count));
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
            // client went away
        }
    }
}

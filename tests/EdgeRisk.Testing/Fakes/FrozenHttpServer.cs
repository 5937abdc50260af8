using System.Net;
using System.Net.Sockets;
using System.Text;

namespace EdgeRisk.Testing.Fakes;

/// <summary>Where a <see cref="FrozenHttpServer"/> stops talking.</summary>
public enum FrozenAt
{
    /// <summary>Accepts the connection, reads the request and never answers (a SIGSTOPped server behind a live socket).</summary>
    BeforeHeaders,

    /// <summary>Sends a 200 with its headers and the start of a JSON body, then nothing more (frozen mid-reply).</summary>
    MidBody,
}

/// <summary>
/// A TCP server on 127.0.0.1 that speaks just enough HTTP/1.1 to look like a frozen server to its clients: every
/// connection is accepted and its request read, then the server stalls where <see cref="FrozenAt"/> says, holding the
/// connection open until the client gives up or the server is disposed.
/// </summary>
public sealed class FrozenHttpServer : IAsyncDisposable
{
    private const string PartialBody = """{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"__name__":"up"},"values":[""";

    private readonly TcpListener _listener;
    private readonly FrozenAt _frozenAt;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _clients = [];
    private readonly List<Task> _connections = [];
    private readonly Task _accepting;
    private int _requests;

    private FrozenHttpServer(FrozenAt frozenAt)
    {
        _frozenAt = frozenAt;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        BaseUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    /// <summary>Base URL with a trailing slash, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Requests read so far (each then left unanswered or half answered).</summary>
    public int Requests => Volatile.Read(ref _requests);

    public static FrozenHttpServer Start(FrozenAt frozenAt) => new(frozenAt);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        lock (_clients)
        {
            foreach (var client in _clients)
            {
                client.Dispose();
            }
        }

        await _accepting;
        Task[] connections;
        lock (_clients)
        {
            connections = [.. _connections];
        }

        await Task.WhenAll(connections);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            lock (_clients)
            {
                _clients.Add(client);
                _connections.Add(ServeAsync(client));
            }
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        try
        {
            var stream = client.GetStream();
            var buffer = new byte[8192];
            var request = new StringBuilder();
            // Requests here are GETs (no body): the headers end the request. Then stall until the client hangs up.
            while (true)
            {
                var read = await stream.ReadAsync(buffer, _stop.Token);
                if (read == 0)
                {
                    return;
                }

                request.Append(Encoding.ASCII.GetString(buffer, 0, read));
                if (request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    break;
                }
            }

            Interlocked.Increment(ref _requests);
            if (_frozenAt == FrozenAt.MidBody)
            {
                var head = $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n{PartialBody}";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token);
                await stream.FlushAsync(_stop.Token);
            }

            while (await stream.ReadAsync(buffer, _stop.Token) > 0)
            {
                // a client that sends more (it should not before an answer) still gets nothing
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // the client gave up or the server is stopping
        }
    }
}

using System.Globalization;

namespace EdgeRisk.Testing.Services;

/// <summary>A real prometheus-pushgateway on 127.0.0.1 with persistence off.</summary>
public sealed class PushgatewayServer : IAsyncDisposable
{
    private readonly ManagedProcess _process;

    private PushgatewayServer(int port, ManagedProcess process)
    {
        Port = port;
        _process = process;
    }

    public int Port { get; }

    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/");

    public static async Task<PushgatewayServer> StartAsync()
    {
        var port = FreePort.Next();
        var process = ManagedProcess.Start("prometheus-pushgateway",
        [
            $"--web.listen-address=127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
            "--persistence.file=",
        ]);
        var server = new PushgatewayServer(port, process);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        await process.WaitUntilAsync(async () => (await http.GetAsync(new Uri(server.BaseUrl, "-/ready"))).IsSuccessStatusCode,
            TimeSpan.FromSeconds(30), "/-/ready");
        return server;
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}

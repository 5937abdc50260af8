using System.Globalization;

namespace EdgeRisk.Testing.Services;

/// <summary>A real prometheus-pushgateway on 127.0.0.1 with persistence off.</summary>
public sealed class PushgatewayServer : LoopbackServer
{
    private PushgatewayServer(int port, ManagedProcess process)
        : base(null, port, process)
    {
    }

    public static async Task<PushgatewayServer> StartAsync()
    {
        var port = FreePort.Next();
        var process = ManagedProcess.Start("prometheus-pushgateway",
        [
            $"--web.listen-address=127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
            "--persistence.file=",
        ]);
        var server = new PushgatewayServer(port, process);
        await server.WaitUntilReadyAsync();
        return server;
    }
}

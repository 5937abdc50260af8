using System.Net;
using System.Net.Sockets;

namespace EdgeRisk.Processes;

/// <summary>Free loopback TCP ports for the services and processes the project starts.</summary>
public static class FreePort
{
    /// <summary>A port nothing listens on at the moment of the call (the OS's pick).</summary>
    public static int Next()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary>The given port, or a free one for 0.</summary>
    public static int OrNext(int port) => port != 0 ? port : Next();
}

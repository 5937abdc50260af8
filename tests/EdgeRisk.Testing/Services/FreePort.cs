using System.Net;
using System.Net.Sockets;

namespace EdgeRisk.Testing.Services;

/// <summary>Free TCP ports on 127.0.0.1, picked by the kernel.</summary>
public static class FreePort
{
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
}

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

    /// <summary>
    /// Whether <paramref name="port"/> on 127.0.0.1 can be bound now; when not, <paramref name="error"/> says why (the
    /// socket error, e.g. AddressAlreadyInUse).
    /// </summary>
    public static bool IsFree(int port, out SocketError error)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        try
        {
            listener.Start();
            error = SocketError.Success;
            return true;
        }
        catch (SocketException e)
        {
            error = e.SocketErrorCode;
            return false;
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary>The given port, or a free one for 0.</summary>
    public static int OrNext(int port) => port != 0 ? port : Next();
}

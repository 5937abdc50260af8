using System.Net.Sockets;
using System.Text;

namespace EdgeRisk.Processes;

/// <summary>The one readiness probe for a Redis the project starts: a RESP <c>PING</c> on a loopback port.</summary>
public static class RedisPing
{
    /// <summary>True when the server on 127.0.0.1:<paramref name="port"/> answers <c>+PONG</c>.</summary>
    /// <exception cref="SocketException">Nothing listens there (yet).</exception>
    public static async Task<bool> AnswersAsync(int port, CancellationToken cancellationToken = default)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port, cancellationToken).ConfigureAwait(false);
        var stream = client.GetStream();
        await stream.WriteAsync("PING\r\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
        var buffer = new byte[16];
        var read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
    }
}

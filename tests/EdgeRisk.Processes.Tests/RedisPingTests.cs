using System.Net;
using System.Net.Sockets;
using System.Text;

namespace EdgeRisk.Processes.Tests;

public sealed class RedisPingTests
{
    [Theory]
    [InlineData("+PONG\r\n", true)]
    [InlineData("-LOADING Redis is loading the dataset in memory\r\n", false)]
    [InlineData("-NOAUTH Authentication required.\r\n", false)]
    public async Task AnswersAsync_ServerReply_IsTrueOnlyForPong(string reply, bool expected)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var server = AnswerOnceAsync(listener, reply);

        var answers = await RedisPing.AnswersAsync(port);

        Assert.Equal(expected, answers);
        Assert.Equal("PING\r\n", await server);
    }

    [Fact]
    public async Task AnswersAsync_NothingListening_ThrowsSocketException()
    {
        var port = FreePort.Next();

        await Assert.ThrowsAnyAsync<SocketException>(() => RedisPing.AnswersAsync(port));
    }

    /// <summary>Accepts one client, returns what it sent first and answers with <paramref name="reply"/>.</summary>
    private static async Task<string> AnswerOnceAsync(TcpListener listener, string reply)
    {
        using var client = await listener.AcceptTcpClientAsync();
        var stream = client.GetStream();
        var buffer = new byte[64];
        var read = await stream.ReadAsync(buffer);
        await stream.WriteAsync(Encoding.ASCII.GetBytes(reply));
        return Encoding.ASCII.GetString(buffer, 0, read);
    }
}

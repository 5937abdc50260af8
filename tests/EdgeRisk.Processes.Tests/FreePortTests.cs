namespace EdgeRisk.Processes.Tests;

public sealed class FreePortTests
{
    [Fact]
    public void Next_Called_GivesAPortThatOrNextKeeps()
    {
        var port = FreePort.Next();

        Assert.InRange(port, 1, 65535);
        Assert.Equal(port, FreePort.OrNext(port));
        Assert.NotEqual(0, FreePort.OrNext(0));
    }

    [Fact]
    public void IsFree_PortSomeoneListensOn_FalseNamingTheSocketError()
    {
        using var taken = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        taken.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        taken.Listen();
        var port = ((System.Net.IPEndPoint)taken.LocalEndPoint!).Port;

        Assert.False(FreePort.IsFree(port, out var error));
        Assert.Equal(System.Net.Sockets.SocketError.AddressAlreadyInUse, error);
    }

    [Fact]
    public void IsFree_PortNobodyHolds_True()
    {
        Assert.True(FreePort.IsFree(FreePort.Next(), out var error));
        Assert.Equal(System.Net.Sockets.SocketError.Success, error);
    }
}

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
}

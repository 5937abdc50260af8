namespace EdgeRisk.Trading.Tests.Core.Feeds;

public sealed class VirtualClockTests
{
    [Fact]
    public void AdvanceTo_LaterTime_MovesForwardButNeverBack()
    {
        var clock = new VirtualClock(new DateTimeOffset(2017, 9, 3, 0, 0, 0, TimeSpan.Zero));

        clock.AdvanceTo(CoreTestData.Utc(2017, 9, 3, 0, 5));
        var afterEarlier = clock.AdvanceTo(CoreTestData.Utc(2017, 9, 3, 0, 1));

        Assert.Equal(new DateTimeOffset(2017, 9, 3, 0, 5, 0, TimeSpan.Zero), clock.GetUtcNow());
        Assert.Equal(clock.GetUtcNow(), afterEarlier);
    }
}

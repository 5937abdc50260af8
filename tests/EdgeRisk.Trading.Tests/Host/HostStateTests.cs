using EdgeRisk.Trading.Host.Web;

namespace EdgeRisk.Trading.Tests.Host;

public sealed class HostStateTests
{
    [Fact]
    public void Unhealthy_HeartbeatWithinTimeout_ReturnsNull()
    {
        var time = new FakeTimeProvider();
        var state = new HostState(time, TimeSpan.FromSeconds(30));

        time.Advance(TimeSpan.FromSeconds(29));

        Assert.Null(state.Unhealthy());
    }

    [Fact]
    public void Unhealthy_HeartbeatOlderThanTimeout_NamesTheAge()
    {
        var time = new FakeTimeProvider();
        var state = new HostState(time, TimeSpan.FromSeconds(30));
        state.Beat();

        time.Advance(TimeSpan.FromSeconds(31));

        Assert.Equal("loop heartbeat is 31 s old (limit 30 s)", state.Unhealthy());
        state.Beat();
        Assert.Null(state.Unhealthy());
    }

    [Fact]
    public void Unhealthy_StaleFeed_NamesTheFeed()
    {
        var time = new FakeTimeProvider();
        var state = new HostState(time, TimeSpan.FromMinutes(5));
        var feed = new FeedHealth("coinbase", TimeSpan.FromSeconds(10), time, _ => { });
        state.AddFeed(feed);

        time.Advance(TimeSpan.FromSeconds(11));
        feed.Check();

        Assert.Equal("feed coinbase is stale", state.Unhealthy());
    }

    [Fact]
    public void NotReadyReason_UntilSetReady_IsStarting()
    {
        var state = new HostState(new FakeTimeProvider(), TimeSpan.FromSeconds(30));
        Assert.Equal("starting", state.NotReadyReason);

        state.SetReady();

        Assert.Null(state.NotReadyReason);
    }
}

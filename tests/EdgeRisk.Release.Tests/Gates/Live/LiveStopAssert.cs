namespace EdgeRisk.Release.Tests.Gates.Live;

internal static class LiveStopAssert
{
    /// <summary>Asserts that the live gates stopped at <paramref name="time"/> on <paramref name="gate"/>; the stop, for the checks of its detail.</summary>
    public static LiveGateStop StoppedAt(LiveGateStop? stop, DateTimeOffset time, string gate)
    {
        var actual = Assert.IsType<LiveGateStop>(stop);
        Assert.Equal(time, actual.Time);
        Assert.Equal(gate, actual.Gate.Name);
        return actual;
    }
}

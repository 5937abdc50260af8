namespace EdgeRisk.Release.Tests.Gates.Live;

internal static class LiveStopAssert
{
    /// <summary>
    /// Asserts that the live gates stopped at <paramref name="time"/> on <paramref name="gate"/>, its detail naming each of
    /// <paramref name="detailNames"/>; the stop, for further checks.
    /// </summary>
    public static LiveGateStop StoppedAt(LiveGateStop? stop, DateTimeOffset time, string gate, params string[] detailNames)
    {
        var actual = Assert.IsType<LiveGateStop>(stop);
        Assert.Equal(time, actual.Time);
        Assert.Equal(gate, actual.Gate.Name);
        Assert.All(detailNames, name => Assert.Contains(name, actual.Gate.Detail, StringComparison.Ordinal));
        return actual;
    }
}

namespace EdgeRisk.Trading.Feeds;

/// <summary>
/// Replay time: <see cref="GetUtcNow"/> is the time of the last event, advanced explicitly by the replay loop
/// (which paces it at <c>--speed N</c> or as fast as possible). It never moves backwards. Timestamps
/// (<see cref="TimeProvider.GetTimestamp"/>) and timers stay real, so latency is still measured in real time.
/// </summary>
public sealed class VirtualClock : TimeProvider
{
    private long _utcTicks;

    public VirtualClock(DateTimeOffset start) => _utcTicks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    /// <summary>Moves the clock to <paramref name="utc"/> if that is later than now; returns the clock's time.</summary>
    public DateTimeOffset AdvanceTo(DateTime utc)
    {
        var target = utc.Kind == DateTimeKind.Local ? utc.ToUniversalTime().Ticks : utc.Ticks;
        long current;
        do
        {
            current = Interlocked.Read(ref _utcTicks);
            if (target <= current)
            {
                return new DateTimeOffset(current, TimeSpan.Zero);
            }
        }
        while (Interlocked.CompareExchange(ref _utcTicks, target, current) != current);

        return new DateTimeOffset(target, TimeSpan.Zero);
    }
}

namespace EdgeRisk.Trading.Backtesting;

/// <summary>
/// Paces a replay at <c>speed</c> virtual seconds per wall second: an event whose bar ends <c>d</c> virtual seconds after
/// the first one is released <c>d / speed</c> wall seconds after the first one was. Waits are timers of the injected
/// <see cref="TimeProvider"/>, so tests drive the pace with a fake clock. A loop that falls behind never skips events;
/// it only stops waiting until it has caught up.
/// </summary>
public sealed class ReplayPacer
{
    private readonly TimeProvider _time;
    private readonly double _speed;
    private DateTime _firstEvent;
    private long _firstTimestamp;

    public ReplayPacer(TimeProvider time, double speed)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (double.IsNaN(speed) || speed <= 0d)
        {
            throw new ArgumentOutOfRangeException(nameof(speed), speed, "Speed must be a positive number of virtual seconds per wall second, or infinity for flat out.");
        }

        _time = time;
        _speed = speed;
    }

    /// <summary>False for <see cref="double.PositiveInfinity"/>: the replay runs flat out and <see cref="WaitUntil"/> returns at once.</summary>
    public bool IsPaced => !double.IsPositiveInfinity(_speed);

    /// <summary>Total wall time spent waiting so far.</summary>
    public TimeSpan Waited { get; private set; }

    /// <summary>Blocks until the wall clock has reached the moment the event ending at <paramref name="eventTime"/> is due.</summary>
    public void WaitUntil(DateTime eventTime)
    {
        if (!IsPaced)
        {
            return;
        }

        if (_firstEvent == default)
        {
            _firstEvent = eventTime;
            _firstTimestamp = _time.GetTimestamp();
            return;
        }

        var due = (eventTime - _firstEvent) / _speed;
        var wait = due - _time.GetElapsedTime(_firstTimestamp);
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        using var released = new ManualResetEventSlim();
        using (_time.CreateTimer(static state => ((ManualResetEventSlim)state!).Set(), released, wait, Timeout.InfiniteTimeSpan))
        {
            released.Wait();
        }

        Waited += wait;
    }
}

using System.Diagnostics;

namespace EdgeRisk.Trading.Host.Replay;

/// <summary>
/// The virtual clock of a replay. Paced (<c>--speed N</c>): virtual now = anchor + N × wall time since the anchor,
/// counted from <see cref="Start"/>, so the clock keeps moving if the loop stalls (and the heartbeat goes stale). Unpaced (<c>--speed max</c>): the
/// clock stands at the last event time. <see cref="TimeProvider.GetTimestamp"/> stays the real high-resolution
/// counter, so measured latencies are real.
/// </summary>
public sealed class ReplayClock : TimeProvider
{
    private readonly double _speed;
    private readonly Lock _gate = new();
    private DateTimeOffset _anchor;
    private long _anchorTimestamp;
    private bool _running;

    public ReplayClock(DateTimeOffset start, double speed)
    {
        _speed = speed;
        _anchor = start;
        _anchorTimestamp = Stopwatch.GetTimestamp();
    }

    public bool IsPaced => !double.IsPositiveInfinity(_speed);

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return IsPaced && _running ? _anchor + (Stopwatch.GetElapsedTime(_anchorTimestamp) * _speed) : _anchor;
        }
    }

    /// <summary>Starts a paced clock from where it stands: host start-up takes wall time that must not count as replay time.</summary>
    public void Start()
    {
        lock (_gate)
        {
            _anchorTimestamp = Stopwatch.GetTimestamp();
            _running = true;
        }
    }

    /// <summary>Wall time until the clock reaches <paramref name="virtualTime"/> (zero when unpaced or already past).</summary>
    public TimeSpan WallTimeUntil(DateTimeOffset virtualTime)
    {
        if (!IsPaced)
        {
            return TimeSpan.Zero;
        }

        var ahead = virtualTime - GetUtcNow();
        return ahead > TimeSpan.Zero ? ahead / _speed : TimeSpan.Zero;
    }

    /// <summary>Moves an unpaced clock to an event's time; a paced clock only moves forward by itself.</summary>
    public void AdvanceTo(DateTimeOffset virtualTime)
    {
        if (IsPaced)
        {
            return;
        }

        lock (_gate)
        {
            if (virtualTime > _anchor)
            {
                _anchor = virtualTime;
                _anchorTimestamp = Stopwatch.GetTimestamp();
            }
        }
    }
}

namespace EdgeRisk.Trading.Host.Health;

/// <summary>What /healthz and /readyz report: the loop heartbeat on the process clock, readiness, feed health.</summary>
public sealed class HostState(TimeProvider clock, TimeSpan heartbeatTimeout)
{
    private readonly List<FeedHealth> _feeds = [];
    private long _heartbeatTicks = clock.GetUtcNow().UtcTicks;
    private volatile string? _notReady = "starting";

    public TimeProvider Clock { get; } = clock;

    public void Beat() => Interlocked.Exchange(ref _heartbeatTicks, Clock.GetUtcNow().UtcTicks);

    public void AddFeed(FeedHealth feed)
    {
        lock (_feeds)
        {
            _feeds.Add(feed);
        }
    }

    public void SetReady() => _notReady = null;

    public void SetNotReady(string reason) => _notReady = reason;

    /// <summary>Null when ready, else why not.</summary>
    public string? NotReadyReason => _notReady;

    /// <summary>Null when healthy, else why not.</summary>
    public string? Unhealthy()
    {
        var age = Clock.GetUtcNow() - new DateTimeOffset(Interlocked.Read(ref _heartbeatTicks), TimeSpan.Zero);
        if (age > heartbeatTimeout)
        {
            return $"loop heartbeat is {age.TotalSeconds:0.#} s old (limit {heartbeatTimeout.TotalSeconds:0.#} s)";
        }

        lock (_feeds)
        {
            var stale = _feeds.FirstOrDefault(f => f.IsStale);
            return stale is null ? null : $"feed {stale.Name} is stale";
        }
    }
}

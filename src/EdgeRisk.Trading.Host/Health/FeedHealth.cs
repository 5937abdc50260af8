namespace EdgeRisk.Trading.Host.Health;

/// <summary>
/// Stale-feed detection on the injected clock: when no event arrived for <c>staleAfter</c>, the feed turns stale,
/// counting one <c>feed_rejected_total{reason="stale"}</c> per stale episode; the next event clears it.
/// </summary>
public sealed class FeedHealth(string name, TimeSpan staleAfter, TimeProvider time, Action<string> reject)
{
    private readonly Lock _gate = new();
    private DateTimeOffset _lastEvent = time.GetUtcNow();

    public string Name { get; } = name;

    public bool IsStale { get; private set; }

    public bool IsConnected { get; set; }

    public void OnEvent()
    {
        lock (_gate)
        {
            _lastEvent = time.GetUtcNow();
            IsStale = false;
        }
    }

    /// <summary>Re-evaluates staleness; returns true when the feed just turned stale.</summary>
    public bool Check()
    {
        lock (_gate)
        {
            if (IsStale || time.GetUtcNow() - _lastEvent < staleAfter)
            {
                return false;
            }

            IsStale = true;
        }

        reject(RejectReasonLabel.Stale);
        return true;
    }
}

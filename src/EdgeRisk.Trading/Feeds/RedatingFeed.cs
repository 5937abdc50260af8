using EdgeRisk.Trading.Domain;

namespace EdgeRisk.Trading.Feeds;

/// <summary>Shifts every event's time by a fixed offset (used to stitch shipped days into consecutive virtual days).</summary>
public sealed class RedatingFeed(IMarketFeed inner, TimeSpan offset) : IMarketFeed, IDisposable
{
    public bool TryRead(out MarketEvent e)
    {
        if (!inner.TryRead(out e))
        {
            return false;
        }

        if (offset != TimeSpan.Zero)
        {
            e = e with { Time = e.Time + offset };
        }

        return true;
    }

    public void Dispose() => (inner as IDisposable)?.Dispose();
}

using EdgeRisk.Trading.Domain;

namespace EdgeRisk.Trading.Feeds;

/// <summary>
/// A pull-based source of market events in non-decreasing <see cref="MarketEvent.Time"/> order.
/// Implementations do not allocate per event in steady state; rejected input never reaches the caller.
/// </summary>
public interface IMarketFeed
{
    /// <summary>Reads the next valid event; false when the feed is exhausted.</summary>
    bool TryRead(out MarketEvent e);
}

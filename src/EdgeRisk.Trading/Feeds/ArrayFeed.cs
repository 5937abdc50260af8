using EdgeRisk.Trading.Domain;

namespace EdgeRisk.Trading.Feeds;

/// <summary>Replays pre-loaded events (benchmarks, tests, recorded sessions).</summary>
public sealed class ArrayFeed(ReadOnlyMemory<MarketEvent> events) : IMarketFeed
{
    private int _next;

    public bool TryRead(out MarketEvent e)
    {
        var span = events.Span;
        if (_next < span.Length)
        {
            e = span[_next++];
            return true;
        }

        e = default;
        return false;
    }

    /// <summary>Drains a feed into an array.</summary>
    public static MarketEvent[] ReadAll(IMarketFeed feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var list = new List<MarketEvent>();
        while (feed.TryRead(out var e))
        {
            list.Add(e);
        }

        return [.. list];
    }
}

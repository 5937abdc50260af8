namespace EdgeRisk.Trading.Host.Feeds.Live;

/// <summary>Turns one exchange WebSocket text frame into market events; rejects are reported by contract reason label.</summary>
public interface IFrameParser
{
    /// <summary>Feed name for logs and health, e.g. <c>coinbase</c>.</summary>
    string Name { get; }

    /// <summary>Messages to send after each connect (subscriptions).</summary>
    IReadOnlyList<string> SubscribeMessages { get; }

    /// <summary>Forgets per-connection state (sequence numbers restart on a new connection).</summary>
    void Reset();

    /// <summary>Appends the frame's valid events to <paramref name="events"/>; never throws on bad input.</summary>
    void Parse(ReadOnlySpan<byte> frame, List<MarketEvent> events);
}

namespace EdgeRisk.Trading.Host.Feeds.Live;

/// <summary>Connection behaviour of a live WebSocket feed.</summary>
public sealed record LiveFeedOptions
{
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>No event for this long marks the feed stale.</summary>
    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Frames above this size are dropped (counted as oversized_frame) rather than buffered without bound.</summary>
    public int MaxFrameBytes { get; init; } = 1 << 20;
}

namespace EdgeRisk.Trading.Host.Feeds.Live;

/// <summary>
/// Exponential backoff with "equal jitter": attempt n waits between half and all of min(max, initial·2ⁿ), so
/// reconnect storms spread out while the wait stays bounded.
/// </summary>
public sealed class ReconnectBackoff(TimeSpan initial, TimeSpan max, Random random)
{
    public TimeSpan Delay(int attempt)
    {
        var ceiling = Math.Min(max.TotalMilliseconds, initial.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30)));
        return TimeSpan.FromMilliseconds((ceiling / 2) + (random.NextDouble() * ceiling / 2));
    }
}

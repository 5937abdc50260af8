namespace EdgeRisk.Trading.Host.Logging;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Feed {Feed} connected to {Endpoint} (connection {Connection})")]
    public static partial void FeedConnected(this ILogger logger, string feed, Uri endpoint, int connection);

    [LoggerMessage(2, LogLevel.Warning, "Feed {Feed} disconnected: {Reason}; reconnecting in {DelayMs} ms")]
    public static partial void FeedDisconnected(this ILogger logger, string feed, string reason, long delayMs);

    [LoggerMessage(3, LogLevel.Warning, "Feed {Feed} is stale: no event for {Seconds} s")]
    public static partial void FeedStale(this ILogger logger, string feed, double seconds);

    [LoggerMessage(4, LogLevel.Warning, "Journal write failed; {Pending} entries kept in memory until Redis is back")]
    public static partial void JournalWriteFailed(this ILogger logger, int pending);

    [LoggerMessage(5, LogLevel.Information, "Recovered {Fills} journaled fills; resuming after {ResumeAfter:o}")]
    public static partial void Recovered(this ILogger logger, int fills, DateTimeOffset resumeAfter);

    [LoggerMessage(6, LogLevel.Information, "Replay {Symbols} from {Start:o} to {End:o} at speed {Speed}")]
    public static partial void ReplayStarting(this ILogger logger, string symbols, DateTimeOffset start, DateTimeOffset end, string speed);

    [LoggerMessage(30, LogLevel.Information, "Warm-up pass: {Events} events through a throwaway engine in {ElapsedMs:0} ms before the clock starts")]
    public static partial void WarmedUp(this ILogger logger, long events, double elapsedMs);

    [LoggerMessage(31, LogLevel.Critical, "{Error}")]
    public static partial void BadDataFile(this ILogger logger, string error);

    [LoggerMessage(7, LogLevel.Critical, "Fault injection: --crash-at reached at virtual time {Now:o}; terminating")]
    public static partial void CrashInjected(this ILogger logger, DateTimeOffset now);

    [LoggerMessage(10, LogLevel.Warning, "{Path} not found: edge_blended_mean_bps and edge_blended_sigma_bps stay unset until 'edgerisk-trading sim-stats' has written it")]
    public static partial void EdgeBandMissing(this ILogger logger, string path);

    [LoggerMessage(9, LogLevel.Error, "Run ended with {Pending} journal entries not written to Redis; the journal is behind the books")]
    public static partial void JournalNotDrained(this ILogger logger, int pending);

    [LoggerMessage(11, LogLevel.Information, "Metrics on {Url}")]
    public static partial void MetricsListening(this ILogger logger, string url);

    [LoggerMessage(8, LogLevel.Information, "Run finished at {Now:o}: {Events} events, {Fills} fills")]
    public static partial void RunFinished(this ILogger logger, DateTimeOffset now, long events, long fills);
}

using Microsoft.Extensions.Hosting;

namespace EdgeRisk.Trading.Host.Journal;

/// <summary>
/// Writes the journal backlog to Redis every <see cref="Period"/> of wall time. While Redis is down each attempt
/// counts one failure and keeps the backlog; when it is back the backlog drains in order.
/// </summary>
public sealed class JournalFlushService(RedisJournal journal, ILogger<JournalFlushService> logger) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromMilliseconds(100);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        var failing = false;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var ok = await journal.FlushAsync();
                if (!ok && !failing)
                {
                    logger.JournalWriteFailed(journal.Pending);
                }

                failing = !ok;
            }
        }
        catch (OperationCanceledException)
        {
            // stopping: the final flush below still runs
        }

        await journal.FlushAsync();
    }
}

namespace EdgeRisk.Staging.Tests.Scripts;

/// <summary>
/// A deployment whose first samples are at <c>since</c>: both trading jobs started then, with PnL books and RSS sampled every
/// minute up to <c>end</c> — less data than the reports' 12 h window.
/// </summary>
public static class YoungDeployment
{
    /// <summary>Paper makes 20 USD an hour, sim 21 (split over two symbols); RSS flat at 200 MiB; no samples where <paramref name="sampled"/> is false.</summary>
    public static string Metrics(long since, long end, Func<long, bool>? sampled = null)
    {
        double? At(long t, double value) => sampled is null || sampled(t) ? value : null;
        var builder = new OpenMetricsBuilder();
        foreach (var (job, symbol) in new[] { ("edgerisk-crypto", "BTC-USD"), ("edgerisk-stocks", "NVDA") })
        {
            var labels = $"job=\"{job}\",instance=\"trading\"";
            builder.Gauge("pnl_usd", $"{labels},symbol=\"{symbol}\",book=\"paper\"", since, end, 60, t => At(t, 0.5 * 20.0 * (t - since) / 3600));
            builder.Gauge("pnl_usd", $"{labels},symbol=\"{symbol}\",book=\"sim\"", since, end, 60, t => At(t, 0.5 * 21.0 * (t - since) / 3600));
            builder.Gauge("process_resident_memory_bytes", labels, since, end, 60, t => At(t, 200 * 1024 * 1024));
            builder.Gauge("process_start_time_seconds", labels, since, end, 60, t => At(t, since));
        }

        return builder.Build();
    }
}

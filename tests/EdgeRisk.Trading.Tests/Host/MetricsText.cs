using Prometheus;

namespace EdgeRisk.Trading.Tests.Host;

/// <summary>Reads Prometheus text exposition for assertions.</summary>
internal static class MetricsText
{
    public static readonly string[] ContractNames =
    [
        "edge_blended_bps", "model_switch_total", "var_pct", "pnl_usd", "orders_total", "fills_total", "feed_rejected_total",
        "feed_bad_files_total", "feed_lag_seconds", "feed_last_event_timestamp_seconds", "tick_to_decision_seconds_bucket", "edgerisk_heartbeat_timestamp_seconds",
        "edgerisk_virtual_time_seconds", "journal_write_failures_total", "journal_pending_writes", "process_resident_memory_bytes",
        "process_start_time_seconds", "edgerisk_start_time_seconds", "edgerisk_build_info",
    ];

    public static async Task<string> ExportAsync(CollectorRegistry registry)
    {
        using var stream = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Value of the first sample whose name and labels start with <paramref name="series"/>, e.g. <c>feed_rejected_total{reason="gap"}</c>.</summary>
    public static double Value(string text, string series)
    {
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith(series + " ", StringComparison.Ordinal))
            {
                return double.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture);
            }
        }

        throw new KeyNotFoundException($"series {series} not in:\n{text}");
    }

    /// <summary>Asserts the <c>feed_rejected_total</c> count of each reason, e.g. <c>("gap", 1)</c>.</summary>
    public static void AssertRejected(string text, params (string Reason, double Count)[] expected)
        => Assert.Equal(expected, expected.Select(e => (e.Reason, Value(text, $"feed_rejected_total{{reason=\"{e.Reason}\"}}"))));

    /// <summary>
    /// Asserts that <paramref name="family"/> counted exactly one event, under <paramref name="label"/>: 1 there and 0 under the
    /// other reasons of the closed set <paramref name="reasons"/>.
    /// </summary>
    public static void AssertCountedOnceUnder(string text, string family, string label, IReadOnlyList<string> reasons)
    {
        Assert.Equal(1, Value(text, $"{family}{{reason=\"{label}\"}}"));
        Assert.Equal(1, reasons.Sum(l => Value(text, $"{family}{{reason=\"{l}\"}}")));
    }
}

namespace EdgeRisk.Release.Tests.Gates.Live;

/// <summary>Recorded snapshots every 15 s as the trading host writes them with <c>--record-metrics</c>, for the live gate tests.</summary>
internal static class LiveRecordings
{
    public const long Start = 1504396800; // 2017-09-03T00:00:00Z

    /// <summary>
    /// Snapshots <paramref name="from"/> .. <paramref name="from"/> + <paramref name="count"/> − 1 at Start + 15 s·i.
    /// <paramref name="varPct"/> null: 40 + i mod 7, a null value: no var_pct; <paramref name="heartbeat"/>: the sample
    /// whose time the heartbeat reports (default its own), with the host's virtual time beside it.
    /// </summary>
    public static string Snapshots(int from, int count, long processStart = Start - 600, Func<int, double?>? varPct = null,
        Func<int, int>? heartbeat = null)
    {
        var text = new StringBuilder();
        for (var i = from; i < from + count; i++)
        {
            var t = Start + (15L * i);
            var ms = (t * 1000).ToString(CultureInfo.InvariantCulture);
            var pnl = Math.Floor(i / 240.0).ToString(CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"# snapshot {t}\n");
            if ((varPct is null ? 40 + (i % 7) : varPct(i)) is { } var)
            {
                text.Append(CultureInfo.InvariantCulture, $"var_pct {var} {ms}\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"pnl_usd{{symbol=\"BTC-USD\",book=\"paper\"}} {pnl} {ms}\n")
                .Append(CultureInfo.InvariantCulture, $"pnl_usd{{symbol=\"BTC-USD\",book=\"sim\"}} {pnl} {ms}\n")
                .Append(CultureInfo.InvariantCulture, $"orders_total{{symbol=\"BTC-USD\",book=\"paper\"}} {i} {ms}\n")
                .Append(CultureInfo.InvariantCulture, $"process_resident_memory_bytes 100000000 {ms}\n")
                .Append(CultureInfo.InvariantCulture, $"edgerisk_start_time_seconds {processStart} {ms}\n")
                .Append(CultureInfo.InvariantCulture, $"edgerisk_virtual_time_seconds {t} {ms}\n")
                .Append(CultureInfo.InvariantCulture, $"edgerisk_heartbeat_timestamp_seconds {Start + (15L * (heartbeat?.Invoke(i) ?? i))} {ms}\n");
        }

        return text.ToString();
    }

    public static void Append(string path, string text) => File.AppendAllText(path, text);
}

namespace EdgeRisk.Release.Tests.Gates.Live;

/// <summary>Recorded snapshots every 15 s as the trading host writes them with <c>--record-metrics</c>, for the live gate tests.</summary>
internal static class LiveRecordings
{
    public const long Start = 1504396800; // 2017-09-03T00:00:00Z

    /// <summary>How long the recorded runs are planned for.</summary>
    public static readonly TimeSpan Planned = TimeSpan.FromHours(4);

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

    /// <summary>The crypto and the stocks job's recordings in <paramref name="dir"/>, begun with the given snapshots.</summary>
    public static (string Crypto, string Stocks) Write(TempDirectory dir, string cryptoSnapshots, string stocksSnapshots)
    {
        var crypto = dir.Combine("edgerisk-crypto.metrics");
        var stocks = dir.Combine("edgerisk-stocks.metrics");
        Append(crypto, cryptoSnapshots);
        Append(stocks, stocksSnapshots);
        return (crypto, stocks);
    }

    /// <summary>The window a run planned for <see cref="Planned"/> from <see cref="Start"/> is judged over: its minutes are Start − 15 s + k min.</summary>
    public static GateWindow Window() =>
        GateWindow.Ending(DateTimeOffset.FromUnixTimeSeconds(Start) + Planned - TimeSpan.FromSeconds(15), Planned);

    /// <summary>
    /// The evidence of both jobs' recordings in <paramref name="dir"/> (see <see cref="Write"/>), with <paramref name="alerts"/>
    /// if given, and the live monitor judging it over <see cref="Window"/> on <paramref name="clock"/>.
    /// </summary>
    public static (LiveGateMonitor Monitor, RecordedLiveEvidence Evidence) Monitor(TempDirectory dir, TimeProvider clock,
        LiveAlertEvaluation? alerts = null)
    {
        var evidence = new RecordedLiveEvidence(
            [new RecordedMetricsSource("edgerisk-crypto", dir.Combine("edgerisk-crypto.metrics")),
             new RecordedMetricsSource("edgerisk-stocks", dir.Combine("edgerisk-stocks.metrics"))],
            new RecordedLiveEvidenceOptions { ExpectedDuration = Planned }, alerts);
        var monitor = new LiveGateMonitor(new LiveGateOptions { Window = Window(), PnlSigmaUsd = 100m }, evidence, clock);
        return (monitor, evidence);
    }
}

namespace EdgeRisk.Release.Tests.DryRun;

/// <summary>Writes recorded-metrics text the way <c>edgerisk-trading --record-metrics</c> does (ms sample timestamps).</summary>
internal sealed class RecordingBuilder
{
    public const long Start = 1504396800; // 2017-09-03T00:00:00Z, a multiple of 15 s

    private readonly StringBuilder _text = new();

    public RecordingBuilder Types()
    {
        _text.Append("# HELP var_pct Portfolio VaR over the limit, percent\n# TYPE var_pct gauge\n")
            .Append("# TYPE orders_total counter\n# TYPE tick_to_decision_seconds histogram\n# TYPE edgerisk_start_time_seconds gauge\n");
        return this;
    }

    /// <summary>A full snapshot at <paramref name="time"/> (Unix seconds) of a process started at <paramref name="processStart"/>.</summary>
    public RecordingBuilder Snapshot(long time, double varPct, long processStart = Start, long orders = 1)
    {
        var ms = (time * 1000).ToString(CultureInfo.InvariantCulture);
        _text.Append(CultureInfo.InvariantCulture, $"# snapshot {time}\n")
            .Append(CultureInfo.InvariantCulture, $"var_pct {varPct} {ms}\n")
            .Append(CultureInfo.InvariantCulture, $"orders_total{{symbol=\"BTC-USD\",book=\"paper\"}} {orders} {ms}\n")
            .Append(CultureInfo.InvariantCulture, $"orders_total{{symbol=\"ETH-USD\",book=\"paper\"}} {orders * 2} {ms}\n")
            .Append(CultureInfo.InvariantCulture, $"tick_to_decision_seconds_sum 0.25 {ms}\n")
            .Append(CultureInfo.InvariantCulture, $"tick_to_decision_seconds_count 3 {ms}\n")
            .Append(CultureInfo.InvariantCulture, $"tick_to_decision_seconds_bucket{{le=\"0.1\"}} 2 {ms}\n")
            .Append(CultureInfo.InvariantCulture, $"tick_to_decision_seconds_bucket{{le=\"+Inf\"}} 3 {ms}\n")
            .Append(CultureInfo.InvariantCulture, $"edgerisk_start_time_seconds {processStart} {ms}\n");
        return this;
    }

    /// <summary>Snapshots every 15 s from <paramref name="from"/> (inclusive) for <paramref name="count"/> steps.</summary>
    public RecordingBuilder Snapshots(long from, int count, Func<int, double> varPct, long processStart = Start)
    {
        for (var i = 0; i < count; i++)
        {
            Snapshot(from + (i * 15), varPct(i), processStart, orders: i + 1);
        }

        return this;
    }

    public RecordingBuilder Raw(string text)
    {
        _text.Append(text);
        return this;
    }

    public string Write(string path)
    {
        File.WriteAllText(path, _text.ToString());
        return path;
    }
}

namespace EdgeRisk.Release.DryRun.Supervision;

/// <summary>
/// One trading process of the dry run: <see cref="Job"/> is its Prometheus job name (also the log name),
/// <see cref="FileName"/> and <see cref="Arguments"/> its command line (passed as is, also on restart), and
/// <see cref="RecordedMetricsPath"/> the file its <c>--record-metrics</c> flag writes.
/// </summary>
/// <remarks>
/// A restart gets <see cref="Arguments"/> again unless <see cref="RestartArguments"/> is set, e.g. without a
/// one-shot fault injection such as <c>--crash-at</c>.
/// </remarks>
public sealed record DryRunJob(string Job, string FileName, IReadOnlyList<string> Arguments, string RecordedMetricsPath)
{
    public IReadOnlyList<string>? RestartArguments { get; init; }

    public string? WorkingDirectory { get; init; }

    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>
    /// Runtime settings of a long-running trading process (also in docker/trading-core/Dockerfile): a fixed 4 MB gen0
    /// budget and no tiered compilation, so RSS reaches its working size within seconds and stays there. Without them
    /// the gen0 budget and tier-1 re-JIT keep growing RSS for the first minutes — the whole of a compressed dry run —
    /// and the rss_drift gate reads 10–15 % growth. The GC reads gen0size only from the environment, not from
    /// runtimeconfig.json.
    /// </summary>
    public static IReadOnlyDictionary<string, string> TradingProcessRuntime { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["DOTNET_GCgen0size"] = "0x400000",
        ["DOTNET_TieredCompilation"] = "0",
    };
}

namespace EdgeRisk.Release.DryRun;

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
}

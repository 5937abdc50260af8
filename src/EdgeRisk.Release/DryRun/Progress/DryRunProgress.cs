using System.Globalization;
using EdgeRisk.Evidence.Gates;

namespace EdgeRisk.Release.DryRun.Progress;

/// <summary>
/// Where the local dry run stands: <see cref="Elapsed"/> of <see cref="Total"/> virtual time replayed, the events the trading
/// processes handled and the fills they received so far, and each live gate's latest judgement (none when the gates
/// are not judged live). <see cref="Finished"/>: the processes have exited, this is the run's last report.
/// </summary>
public sealed record DryRunProgress(TimeSpan Elapsed, TimeSpan Total, long Events, long Fills, IReadOnlyList<DryRunGateProgress> Gates)
{
    public bool Finished { get; init; }

    /// <summary>Virtual hours replayed, whole (13 of 48 while at 13h40m).</summary>
    public int Hour => (int)Math.Clamp(Elapsed.TotalHours, 0, TotalHours);

    public int TotalHours => (int)Math.Ceiling(Total.TotalHours);

    /// <summary>The plain status line, e.g. <c>dry run: virtual 12h/48h, 5,120 events, 37 fills, gates: var PASS +0.42, pnl_drift WAITING</c>.</summary>
    public string Line()
    {
        var gates = Gates.Count == 0 ? "not judged live" : string.Join(", ", Gates.Select(g => g.Text()));
        return string.Create(CultureInfo.InvariantCulture,
            $"dry run: virtual {DurationText(Elapsed)}/{DurationText(Total)}, {Events:N0} events, {Fills:N0} fills, gates: {gates}");
    }

    /// <summary>The gates' names with no judgement yet: what a live dry run shows before its first judged minute.</summary>
    public static IReadOnlyList<DryRunGateProgress> Waiting { get; } =
        [.. new[] { GateNames.Continuity, GateNames.Alerts, GateNames.PnlDrift, GateNames.Var, GateNames.RssDrift }.Select(n => new DryRunGateProgress(n, null, null))];

    private static string DurationText(TimeSpan span)
    {
        var minutes = (long)Math.Max(0, Math.Floor(span.TotalMinutes));
        return minutes % 60 == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{minutes / 60}h")
            : string.Create(CultureInfo.InvariantCulture, $"{minutes / 60}h{minutes % 60:00}m");
    }
}

/// <summary>One live gate: its latest status (null: not judged yet, WAITING) and margin to its threshold (null when inconclusive).</summary>
public sealed record DryRunGateProgress(string Name, GateStatus? Status, double? Margin)
{
    public string StatusText => Status switch
    {
        null => "WAITING",
        GateStatus.Pass => "PASS",
        GateStatus.Fail => "FAIL",
        _ => "INCONCLUSIVE",
    };

    /// <summary>The signed margin, e.g. <c>+0.42</c>; empty when there is none.</summary>
    public string MarginText => Margin is { } m && double.IsFinite(m)
        ? m.ToString("+#,0.##;-#,0.##;0", CultureInfo.InvariantCulture)
        : string.Empty;

    public string Text() => MarginText.Length == 0 ? $"{Name} {StatusText}" : $"{Name} {StatusText} {MarginText}";

    public static IReadOnlyList<DryRunGateProgress> From(IEnumerable<GateResult> gates) =>
        [.. gates.Select(g => new DryRunGateProgress(g.Name, g.Status, g.Margin))];
}

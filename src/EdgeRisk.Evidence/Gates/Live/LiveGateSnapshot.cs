namespace EdgeRisk.Evidence.Gates.Live;

/// <summary>
/// The five gates judged over the window so far, [Window.Start, <see cref="Time"/>]. <see cref="CoverageRatio"/> is the
/// share of the whole soak window that has elapsed; <see cref="Remaining"/> the run time left in it.
/// </summary>
public sealed record LiveGateSnapshot(DateTimeOffset Time, GateStatus Verdict, IReadOnlyList<GateResult> Gates, double CoverageRatio, TimeSpan Remaining)
{
    /// <summary>The first gate that failed for good, if any.</summary>
    public GateResult? IrreversibleFailure => Gates.FirstOrDefault(g => g.Status == GateStatus.Fail && g.Irreversible);

    public static LiveGateSnapshot From(GateReport report, GateWindow whole)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(whole);
        var elapsed = Math.Clamp((report.Window.EndSeconds - whole.StartSeconds) / whole.LengthSeconds, 0, 1);
        var remaining = whole.End > report.Window.End ? whole.End - report.Window.End : TimeSpan.Zero;
        return new LiveGateSnapshot(report.Window.End, report.Verdict, report.Gates, elapsed, remaining);
    }
}

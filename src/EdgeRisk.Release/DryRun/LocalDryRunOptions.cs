using EdgeRisk.Evidence.Gates;
using EdgeRisk.Evidence.Reporting;
using EdgeRisk.Release.DryRun.Progress;
using EdgeRisk.Release.DryRun.Supervision;

namespace EdgeRisk.Release.DryRun;

/// <summary>
/// The local dry run (runbook §3): the trading processes replay on a virtual clock, record their metrics, and the
/// recordings are backfilled into a real Prometheus as the evidence <c>EvaluateGates</c> judges.
/// </summary>
public sealed record LocalDryRunOptions
{
    /// <summary>The repository, whose alert and recording rules the evidence Prometheus evaluates.</summary>
    public required string RepositoryRoot { get; init; }

    /// <summary>Where the run's files go (<c>artifacts/dry-run</c>); emptied at the start.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Where the report of an early stop goes (<c>artifacts/gates</c>).</summary>
    public required string GatesDirectory { get; init; }

    /// <summary>The supervised trading processes, each recording to its <see cref="DryRunJob.RecordedMetricsPath"/>.</summary>
    public required IReadOnlyList<DryRunJob> Jobs { get; init; }

    /// <summary>Virtual time the processes run.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromHours(48);

    /// <summary>Length of the gate window ending at the first snapshot + <see cref="Duration"/>; default <see cref="Duration"/>.</summary>
    public TimeSpan? WindowLength { get; init; }

    /// <summary>Virtual time between two recorded samples (the evidence's scrape interval).</summary>
    public TimeSpan RecordInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Judge the gates every minute of run time and stop at the first irreversible failure.</summary>
    public bool Live { get; init; } = true;

    /// <summary>Pushgateway for the live <c>edgerisk_gate_*</c> series; null: not pushed.</summary>
    public Uri? PushgatewayUrl { get; init; }

    /// <summary>Plain status lines every this much virtual time when no live display is possible.</summary>
    public TimeSpan ProgressEvery { get; init; } = DryRunProgressLines.DefaultEvery;

    /// <summary>σ of 48 h sim PnL for the live pnl_drift gate.</summary>
    public decimal? PnlSigmaUsd { get; init; }

    /// <summary>The live gates' settings (σ config, --gates file).</summary>
    public GateEvaluationOptions LiveGates { get; init; } = new();

    /// <summary>
    /// The last judgement's options (the same as EvaluateGates'); read only after the evidence is in Prometheus, whose
    /// URL and window replace their source.
    /// </summary>
    public required Func<GateEvaluationOptions> FinalGates { get; init; }

    /// <summary>Release version, commit and Grafana link in the early stop's report.md.</summary>
    public GateReportOptions Report { get; init; } = new();

    /// <summary>Restarts of a crashed trading process before the run fails.</summary>
    public int MaxRestarts { get; init; } = 3;
}

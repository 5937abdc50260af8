using EdgeRisk.Evidence.Gates;
using EdgeRisk.Evidence.Reporting;
using EdgeRisk.Release.DryRun.Supervision;

namespace EdgeRisk.Release.DryRun;

/// <summary>
/// The staging dry run (runbook §3): the stack is already up (StageDeploy), its Prometheus scrapes the trading
/// containers in real time; the run judges the gates every minute for <see cref="Duration"/> with the health watchdog
/// alongside, and writes the gate report where <c>EvaluateGates</c> and <c>Promote</c> read it.
/// </summary>
public sealed record StagingDryRunOptions
{
    /// <summary>The staging Prometheus (required: the evidence).</summary>
    public required Uri PrometheusUrl { get; init; }

    /// <summary>Where the run's own files go (<c>artifacts/dry-run</c>): the watchdog log and <see cref="StagingDryRunState.FileName"/>.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Where gates.json, report.md, the plots and evidence/ go (<c>artifacts/gates</c>).</summary>
    public required string GatesDirectory { get; init; }

    /// <summary>Release version, commit and Grafana link in report.md's header.</summary>
    public GateReportOptions Report { get; init; } = new();

    /// <summary>Real time the soak runs, from <see cref="Start"/>.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromHours(48);

    /// <summary>Length of the gate window, ending at <see cref="Start"/> + <see cref="Duration"/>; default <see cref="Duration"/>.</summary>
    public TimeSpan? WindowLength { get; init; }

    /// <summary>Start of the soak; default the clock's now when the run starts.</summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary>Pushgateway for the <c>edgerisk_gate_*</c> series; null: not exported.</summary>
    public Uri? PushgatewayUrl { get; init; }

    /// <summary>The health watchdog run alongside; null runs none.</summary>
    public HealthcheckLoopOptions? Healthcheck { get; init; }

    /// <summary>σ of 48 h sim PnL for pnl_drift; null makes that gate INCONCLUSIVE.</summary>
    public decimal? PnlSigmaUsd { get; init; }

    /// <summary>Settings, Docker host and compose project, Prometheus client options; the source fields are set by the run.</summary>
    public GateEvaluationOptions Gates { get; init; } = new();

    /// <summary>How far behind the clock the scraped evidence is complete.</summary>
    public TimeSpan IngestionDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Run time between two judgements.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Time between two looks while nothing is due (the watchdog is supervised at every look).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(15);
}

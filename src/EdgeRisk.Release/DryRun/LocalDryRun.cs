using EdgeRisk.Evidence;
using EdgeRisk.Evidence.Gates;
using EdgeRisk.Evidence.Gates.Live;
using EdgeRisk.Evidence.Recordings;
using EdgeRisk.Evidence.Reporting;
using EdgeRisk.Release.DryRun.Progress;
using Spectre.Console;
using EdgeRisk.Release.DryRun.Supervision;
using EdgeRisk.Release.DryRun.Evidence;

namespace EdgeRisk.Release.DryRun;

/// <summary>
/// The local dry run (runbook §3), beside <see cref="StagingDryRun"/>: supervises the trading processes on the virtual
/// clock; live, judges the gates on the growing recordings (a real Prometheus evaluating the alert rules alongside) and
/// stops the processes at the first irreversible failure; then backfills the recordings into the evidence Prometheus,
/// makes the last judgement there (ALERTS included, as EvaluateGates does) and adds the gate series to it. After an early
/// stop the report of that judgement is in the gates directory. Interrupted, nothing of the run outlives it.
/// </summary>
public sealed class LocalDryRun
{
    private readonly LocalDryRunOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly Action<string> _onInformation;
    private readonly Action<string> _onWarning;

    public LocalDryRun(LocalDryRunOptions options, TimeProvider timeProvider, Action<string>? onInformation = null, Action<string>? onWarning = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _options = options;
        _timeProvider = timeProvider;
        _onInformation = onInformation ?? (_ => { });
        _onWarning = onWarning ?? (_ => { });
    }

    /// <summary>
    /// Stops the dry run's Prometheus processes named in <paramref name="directory"/> (the evidence's prometheus.json, and
    /// the live alerts' live-prometheus.json a killed run may have left); false when there was none.
    /// </summary>
    public static async Task<bool> StopPrometheusAsync(string directory, TimeProvider timeProvider)
    {
        var evidence = await EvidencePrometheus.StopNamedAsync(Path.Combine(directory, DryRunEvidencePipeline.StateFileName), timeProvider, CancellationToken.None);
        var liveAlerts = await EvidencePrometheus.StopNamedAsync(Path.Combine(directory, LiveAlertsPrometheus.StateFileName), timeProvider, CancellationToken.None);
        return evidence || liveAlerts;
    }

    /// <param name="withConsole">Runs the progress display with the terminal's console (null: plain lines).</param>
    public async Task<LocalDryRunResult> RunAsync(Func<Func<IAnsiConsole?, Task<DryRunProgress>>, Task<DryRunProgress>> withConsole,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(withConsole);
        var directory = _options.OutputDirectory;
        var recordInterval = _options.RecordInterval;
        var duration = _options.Duration;
        // A previous dry run's Prometheus may still serve its evidence: stop it before its state file goes.
        if (await StopPrometheusAsync(directory, _timeProvider))
        {
            _onInformation("Stopped the previous dry run's Prometheus");
        }

        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        Directory.CreateDirectory(directory);
        // Interrupted (SIGINT/SIGTERM): the supervisor kills the trading processes and the live alerts' Prometheus is
        // disposed; this, disposed last, stops the evidence Prometheus too, so nothing of the run outlives the build.
        await using var onInterrupt = new OnInterrupt(() => StopPrometheusAsync(directory, _timeProvider), cancellationToken);
        var jobs = _options.Jobs;
        using var supervisor = new TradingProcessSupervisor(
            new TradingProcessSupervisorOptions { LogDirectory = directory, MaxRestarts = _options.MaxRestarts }, _timeProvider);
        var live = _options.Live;
        // Live, a real Prometheus evaluates the alert rules on the virtual clock as the recordings grow.
        await using var liveAlerts = live
            ? await LiveAlertsPrometheus.StartAsync(directory, DryRunEvidenceOptions.ProjectRuleFiles(_options.RepositoryRoot), recordInterval,
                duration, _timeProvider, cancellationToken)
            : null;
        var recordings = new RecordedLiveEvidence(jobs.Select(j => new RecordedMetricsSource(j.Job, j.RecordedMetricsPath)).ToList(),
            new RecordedLiveEvidenceOptions { ScrapeInterval = recordInterval, ExpectedDuration = duration }, liveAlerts?.Evaluation);
        var progress = new DryRunProgressSource(jobs.Select(j => new RecordedMetricsSource(j.Job, j.RecordedMetricsPath)).ToList(), duration, live);
        var run = supervisor.RunAsync(jobs, cancellationToken);
        var watch = live ? WatchAsync(recordings, supervisor, run, progress, cancellationToken) : Task.FromResult<(LiveGateOutcome, GateWindow)?>(null);
        var shown = withConsole(console =>
            DryRunProgressReporter.RunAsync(console, progress, run, _options.ProgressEvery, _onInformation, _timeProvider, cancellationToken));
        var outcome = await run;
        await shown;
        recordings.MarkWritersExited();
        var watched = await watch;
        cancellationToken.ThrowIfCancellationRequested();
        if (liveAlerts is not null)
        {
            _onInformation(recordings.AlertsProblem is { } problem
                ? $"Live alerts: {problem}; the alerts gate is judged on the backfill only"
                : $"Live alerts: {liveAlerts.Evaluation.SamplesWritten} samples written to Prometheus {liveAlerts.Url}, rules evaluated up to {liveAlerts.Evaluation.EvaluatedUpTo:u}");
            await liveAlerts.DisposeAsync();
        }

        foreach (var job in outcome.Jobs)
        {
            _onInformation($"{job.Job}: exit codes [{string.Join(", ", job.ExitCodes)}], restarts {job.Restarts}, virtual {job.FirstSampleTime:u} .. {job.LastSampleTime:u}");
        }

        var pipeline = new DryRunEvidencePipeline(_timeProvider);
        var evidence = await pipeline.RunAsync(
            DryRunEvidenceOptions.FromOutcome(_options.RepositoryRoot, outcome, recordInterval, duration) with { OutputDirectory = directory }, cancellationToken);
        _onInformation($"Dry-run evidence in Prometheus {evidence.Url} (pid {evidence.Pid}), window {evidence.Window.Start:u} .. {evidence.Window.End:u}");
        if (watched is not var (liveOutcome, liveWindow))
        {
            return new LocalDryRunResult(outcome, evidence, null, null, null);
        }

        // The last judgement is made on the backfilled evidence, ALERTS included: the same evaluation as EvaluateGates.
        var finalEnd = liveOutcome.Stop?.Time ?? liveWindow.End;
        var final = await new GateEvaluator(_timeProvider).EvaluateAsync(
            _options.FinalGates() with { PrometheusUrl = evidence.Url, EvidenceDirectory = null, WindowEnd = finalEnd, WindowLength = finalEnd - liveWindow.Start },
            null, cancellationToken);
        var series = liveOutcome.Snapshots.Where(s => s.Time < finalEnd).Append(LiveGateSnapshot.From(final, liveWindow)).ToList();
        var gatesFile = Path.Combine(directory, "gates.om");
        await File.WriteAllTextAsync(gatesFile, GateMetricsExporter.ToOpenMetrics(series, recordInterval), cancellationToken);
        evidence = await pipeline.AddOpenMetricsAsync(evidence, gatesFile, recordInterval, cancellationToken);
        _onInformation($"Live gates: {series.Count} judgements of {liveWindow.Start:u} .. {finalEnd:u} as edgerisk_gate_* in Prometheus {evidence.Url}");
        if (liveOutcome.Stop is not null)
        {
            await GateReportWriter.WriteAsync(final, _options.GatesDirectory, _options.Report, CancellationToken.None);
        }

        return new LocalDryRunResult(outcome, evidence, liveWindow, liveOutcome.Stop, final);
    }

    /// <summary>Judges the gates on the growing recordings and stops the supervised run at the first irreversible failure.</summary>
    private async Task<(LiveGateOutcome, GateWindow)?> WatchAsync(RecordedLiveEvidence recordings, TradingProcessSupervisor supervisor, Task<DryRunOutcome> run,
        DryRunProgressSource progress, CancellationToken cancellationToken)
    {
        while (recordings.FirstSnapshot is null)
        {
            var exited = run.IsCompleted;
            await recordings.RefreshAsync(cancellationToken);
            if (recordings.FirstSnapshot is not null)
            {
                break;
            }

            if (exited)
            {
                _onWarning("Live gates: the trading processes recorded nothing; nothing to judge live.");
                return null;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), _timeProvider, cancellationToken);
        }

        // The window EvaluateGates judges after a full run: the processes record from their first snapshot to --duration after it.
        var window = GateWindow.Ending(recordings.FirstSnapshot.Value + _options.Duration, _options.WindowLength ?? _options.Duration);
        var monitor = new LiveGateMonitor(new LiveGateOptions
        {
            Window = window,
            PnlSigmaUsd = _options.PnlSigmaUsd,
            Gates = _options.LiveGates,
        }, recordings, _timeProvider);
        using var gates = new LiveGateRun(monitor, _options.PushgatewayUrl, _timeProvider, _onWarning);
        var wall = _timeProvider.GetTimestamp();
        var outcome = await gates.RunAsync((step, _) =>
        {
            if (step.Snapshots.Count > 0)
            {
                progress.Observe(step.Snapshots[^1]);
            }

            if (step.Stop is { } stop)
            {
                _onWarning($"Live gates: stopping the dry run after {_timeProvider.GetElapsedTime(wall).TotalSeconds:0.0} s wall: {stop.Reason}");
                supervisor.Stop(stop.Reason);
            }

            return Task.CompletedTask;
        }, cancellationToken);
        if (_options.PushgatewayUrl is not null)
        {
            _onInformation($"Live gates: {gates.Pushes} judgements pushed to {_options.PushgatewayUrl.OriginalString}, {gates.PushFailures} failed");
        }

        _onInformation($"Live gates: {outcome.Snapshots.Count} judgements, live verdict so far {outcome.Verdict}");
        return (outcome, window);
    }

    /// <summary>Runs a cleanup when disposed after the run was interrupted (and only then).</summary>
    private sealed class OnInterrupt(Func<Task<bool>> cleanup, CancellationToken interrupted) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (interrupted.IsCancellationRequested)
            {
                await cleanup();
            }
        }
    }
}

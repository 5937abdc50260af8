using EdgeRisk.Evidence;
using EdgeRisk.Evidence.Docker;
using EdgeRisk.Evidence.Gates;
using EdgeRisk.Evidence.Gates.Live;
using EdgeRisk.Evidence.Prometheus;
using EdgeRisk.Evidence.Reporting;
using EdgeRisk.Release.DryRun.Supervision;

namespace EdgeRisk.Release.DryRun;

/// <summary>
/// The staging dry run (runbook §3). The trading containers run already (StageDeploy) and the staging Prometheus scrapes
/// them; this run starts the health watchdog alongside, judges the five gates over [start, t] every minute of real time
/// t until start + duration (<see cref="LiveGateRun"/>, each judgement pushed to the Pushgateway when one is given), and
/// stops at the first minute a gate fails irreversibly. Either way it ends with the watchdog stopped, the final report
/// of [start, stop or end] in the gates directory (gates.json, report.md, plots, evidence/) and
/// <see cref="StagingDryRunState.FileName"/> naming that window, so <c>EvaluateGates</c> and <c>Promote</c> read the
/// same judgement. The verdict after an early stop is FAIL whatever a later look would say.
/// </summary>
public sealed class StagingDryRun : IAsyncDisposable
{
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromHours(1);

    private readonly StagingDryRunOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly Action<string>? _onInformation;
    private readonly Action<string>? _onWarning;
    private LiveGateRun? _live;
    private HealthcheckLoop? _healthcheck;
    private LiveGateSnapshot? _reported;

    public StagingDryRun(StagingDryRunOptions options, TimeProvider timeProvider, Action<string>? onInformation = null, Action<string>? onWarning = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _options = options;
        _timeProvider = timeProvider;
        _onInformation = onInformation;
        _onWarning = onWarning;
    }

    /// <summary>The soak window; known once <see cref="Start"/> ran.</summary>
    public GateWindow Window => _live?.Window ?? throw new InvalidOperationException("the staging dry run has not started");

    /// <summary>The watchdog's runs so far (null when none is configured or the run has not started).</summary>
    public HealthcheckLoopOutcome? Healthcheck => _healthcheck?.Outcome;

    public string StateFile => Path.Combine(_options.OutputDirectory, StagingDryRunState.FileName);

    /// <summary>
    /// Checks the options (one line naming the input and the fix), removes the state of an earlier run and starts the
    /// watchdog. The window starts now unless <see cref="StagingDryRunOptions.Start"/> says otherwise.
    /// </summary>
    public void Start()
    {
        if (_live is not null)
        {
            throw new InvalidOperationException("the staging dry run has already started");
        }

        if (_options.Duration <= TimeSpan.Zero)
        {
            throw new DryRunException($"--duration {_options.Duration} must be positive (e.g. 48h)");
        }

        var length = _options.WindowLength ?? _options.Duration;
        if (length <= TimeSpan.Zero || length > _options.Duration)
        {
            throw new DryRunException($"--window {length} must be positive and at most --duration {_options.Duration}");
        }

        if (_options.Healthcheck is { } watchdog && watchdog.Arguments.Count > 0 && watchdog.Arguments[0].EndsWith(".sh", StringComparison.Ordinal)
            && !File.Exists(watchdog.Arguments[0]))
        {
            throw new DryRunException($"health watchdog {watchdog.Arguments[0]} does not exist; run the dry run from the repository root");
        }

        var start = _options.Start ?? _timeProvider.GetUtcNow();
        var window = GateWindow.Ending(start + _options.Duration, length);
        var live = new LiveGateRun(new LiveGateRunOptions
        {
            PrometheusUrl = _options.PrometheusUrl,
            Window = window,
            PnlSigmaUsd = _options.PnlSigmaUsd,
            Gates = _options.Gates,
            PushgatewayUrl = _options.PushgatewayUrl,
            IngestionDelay = _options.IngestionDelay,
            Interval = _options.Interval,
            PollInterval = _options.PollInterval,
        }, _timeProvider, _onWarning);
        Directory.CreateDirectory(_options.OutputDirectory);
        File.Delete(StateFile);
        _live = live;
        if (_options.Healthcheck is { } options)
        {
            _healthcheck = new HealthcheckLoop(options, _timeProvider, _onWarning);
            _healthcheck.Start();
        }

        _onInformation?.Invoke($"Staging dry run: gates over {window.Start:u} .. {window.End:u} from {_options.PrometheusUrl}, judged every "
            + $"{_options.Interval.TotalMinutes:0.##} min{(_options.PushgatewayUrl is { } push ? $", pushed to {push}" : string.Empty)}"
            + $"{(_healthcheck is null ? string.Empty : $"; health watchdog log {_options.Healthcheck!.LogPath}")}");
    }

    /// <summary>One look: judges the minutes now due, pushes the latest judgement, supervises the watchdog.</summary>
    public async Task<LiveGateStep> StepAsync(CancellationToken cancellationToken)
    {
        var live = _live ?? throw new InvalidOperationException("the staging dry run has not started");
        var step = await live.StepAsync(cancellationToken);
        OnStep(step);
        return step;
    }

    /// <summary>
    /// Stops the watchdog, evaluates [start, stop or window end] once more as <c>EvaluateGates</c> does, pushes that
    /// judgement, and writes the report and the state file.
    /// </summary>
    public async Task<StagingDryRunResult> FinishAsync(CancellationToken cancellationToken)
    {
        var live = _live ?? throw new InvalidOperationException("the staging dry run has not started");
        if (_healthcheck is not null)
        {
            await _healthcheck.StopAsync();
        }

        var outcome = live.Outcome;
        var window = live.Window;
        var end = outcome.Stop?.Time ?? (outcome.Snapshots.Count > 0 ? outcome.Snapshots[^1].Time : window.End);
        var judged = new GateWindow(window.Start, end > window.Start ? end : window.End);
        var docker = _options.Gates.DockerHost is { } host ? new DockerContainerInspector(host, _options.Gates.ComposeProject) : null;
        var source = new PrometheusEvidenceSource(_options.PrometheusUrl, _options.Gates.Source, docker, _timeProvider);
        var final = await new GateEvaluator(_timeProvider).EvaluateAsync(source, judged, _options.PnlSigmaUsd, _options.Gates, null, cancellationToken);
        if (outcome.Stop is { } stop && final.Verdict != GateStatus.Fail && outcome.Last is { } last)
        {
            // Irreversible failures stay failures; evidence that no longer shows one (e.g. a Prometheus that lost data)
            // must not turn an early stop into anything but FAIL, so the judgement that stopped the run is the report.
            _onWarning?.Invoke($"Staging dry run: the final evaluation no longer shows the stop ({stop.Reason}); reporting the judgement that stopped the run.");
            final = last;
        }

        await live.PushAsync(LiveGateSnapshot.From(final, window), cancellationToken);
        await GateReportWriter.WriteAsync(final, _options.GatesDirectory, _options.Report, cancellationToken);
        var verdict = outcome.Stop is not null ? GateStatus.Fail : final.Verdict;
        new StagingDryRunState(_options.PrometheusUrl, final.Window.Start, final.Window.End, GateReportText.Status(verdict), outcome.Stop?.Reason)
            .Save(StateFile);
        return new StagingDryRunResult(window, outcome, final, _healthcheck?.Outcome, live.Pushes, live.PushFailures, _options.GatesDirectory, StateFile);
    }

    /// <summary>
    /// The whole run: <see cref="Start"/>, looks every poll interval until the window is judged to its end or a gate
    /// failed for good, then <see cref="FinishAsync"/>. The watchdog is stopped whatever ends the run (cancellation and
    /// errors included).
    /// </summary>
    public async Task<StagingDryRunResult> RunAsync(CancellationToken cancellationToken)
    {
        Start();
        try
        {
            var outcome = await _live!.RunAsync((step, _) =>
            {
                OnStep(step);
                return Task.CompletedTask;
            }, cancellationToken);
            if (outcome.Stop is { } stop)
            {
                _onWarning?.Invoke($"Staging dry run: stopping early, verdict FAIL: {stop.Reason}");
            }
        }
        catch
        {
            if (_healthcheck is not null)
            {
                await _healthcheck.StopAsync();
            }

            throw;
        }

        return await FinishAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_healthcheck is not null)
        {
            await _healthcheck.StopAsync();
        }

        _live?.Dispose();
    }

    private void OnStep(LiveGateStep step)
    {
        _healthcheck?.Supervise();
        foreach (var snapshot in step.Snapshots)
        {
            if (_reported is null || snapshot.Verdict != _reported.Verdict || snapshot.Time - _reported.Time >= ProgressEvery
                || snapshot.IrreversibleFailure is not null)
            {
                _reported = snapshot;
                var gates = string.Join(", ", snapshot.Gates.Select(g => $"{g.Name} {GateReportText.Status(g.Status)}"));
                _onInformation?.Invoke(
                    $"Live gates at {snapshot.Time:u} ({snapshot.CoverageRatio:P0} of the window): {GateReportText.Status(snapshot.Verdict)} so far; {gates}");
            }
        }
    }
}

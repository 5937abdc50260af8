namespace EdgeRisk.Evidence.Gates.Live;

/// <summary>
/// The gates while the dry run runs: at every <see cref="LiveGateOptions.Interval"/> of run time t (Start + k·Interval,
/// and the window end), the five gates are judged over [Start, t] from the evidence so far — the same
/// <see cref="GateEvaluator"/> as the offline evaluation, so missing data is INCONCLUSIVE here too. The first minute
/// at which a gate fails irreversibly (<see cref="GateResult.Irreversible"/>: a restart, up = 0 or a hole, a critical or
/// third warning alert episode, var_pct above 95) stops the loop; recoverable failures (pnl_drift, rss_drift, an alert
/// still firing) only show in the snapshots until the window ends. Irreversible failures stay failures as the window
/// grows, which lets a loop that fell behind judge a sample of the due minutes and trace a failure back to its first
/// minute by bisection. Each evaluation has the fetch deadline of <see cref="GateEvaluator"/>; when Prometheus does not
/// answer within it, that minute is judged INCONCLUSIVE and the look ends, leaving the later due minutes to the next look,
/// so a frozen Prometheus costs one deadline per look.
/// </summary>
public sealed class LiveGateMonitor
{
    private readonly LiveGateOptions _options;
    private readonly ILiveEvidence _evidence;
    private readonly GateEvaluator _evaluator;
    private readonly List<LiveGateSnapshot> _snapshots = [];
    private readonly int _points;
    private int _evaluated;
    private GateReport? _last;
    private LiveGateStop? _stop;
    private bool _done;

    public LiveGateMonitor(LiveGateOptions options, ILiveEvidence evidence, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(evidence);
        if (options.Interval <= TimeSpan.Zero)
        {
            throw new GateConfigurationException($"live gates: interval {options.Interval} must be positive (e.g. 1m)");
        }

        if (options.Window.LengthSeconds <= 0)
        {
            throw new GateConfigurationException($"live gates: window {options.Window.Start:u} .. {options.Window.End:u} is empty; pass a positive --window");
        }

        if (options.MaxEvaluationsPerPoll < 1)
        {
            throw new GateConfigurationException($"live gates: MaxEvaluationsPerPoll {options.MaxEvaluationsPerPoll} must be at least 1");
        }

        _options = options;
        _evidence = evidence;
        _evaluator = new GateEvaluator(timeProvider);
        var whole = (options.Window.End - options.Window.Start).Ticks;
        var full = whole / options.Interval.Ticks;
        _points = checked((int)(full + (whole % options.Interval.Ticks == 0 ? 0 : 1)));
    }

    public GateWindow Window => _options.Window;

    /// <summary>Wall time a runner waits between two looks that judged nothing (<see cref="LiveGateRun"/>).</summary>
    public TimeSpan PollInterval => _options.PollInterval;

    public IReadOnlyList<LiveGateSnapshot> Snapshots => _snapshots;

    public LiveGateOutcome Outcome => new([.. _snapshots], _stop, _last);

    /// <summary>The k-th evaluation time (1-based): Start + k·Interval, the last one clamped to the window end.</summary>
    public DateTimeOffset TimeOf(int k) => k >= _points ? _options.Window.End : _options.Window.Start + (_options.Interval * k);

    /// <summary>Takes in new evidence and judges every minute now due (or a sample of them, see the class remarks).</summary>
    public async Task<LiveGateStep> StepAsync(CancellationToken cancellationToken)
    {
        if (_done)
        {
            return new LiveGateStep([], _stop, true);
        }

        var frontier = await _evidence.RefreshAsync(cancellationToken);
        var due = frontier.Frontier is { } f ? DueUpTo(f) : 0;
        var judged = new List<LiveGateSnapshot>();
        if (due > _evaluated)
        {
            var count = due - _evaluated;
            var stride = (count + _options.MaxEvaluationsPerPoll - 1) / _options.MaxEvaluationsPerPoll;
            var clean = _evaluated;
            var reached = due;
            for (var k = Math.Min(_evaluated + stride, due); ; k = Math.Min(k + stride, due))
            {
                var report = await EvaluateAsync(k, cancellationToken);
                judged.Add(Snapshot(report));
                if (LiveGateSnapshot.From(report, _options.Window).IrreversibleFailure is not null)
                {
                    var (first, firstReport) = await FirstFailureAsync(clean + 1, k, report, judged, cancellationToken);
                    var gate = LiveGateSnapshot.From(firstReport, _options.Window).IrreversibleFailure!;
                    _stop = new LiveGateStop(TimeOf(first), TimeOf(first) - _options.Window.Start, gate);
                    _last = firstReport;
                    _done = true;
                    judged.RemoveAll(s => s.Time > TimeOf(first));
                    break;
                }

                clean = k;
                _last = report;
                if (report.EvidenceTimedOut && k < due)
                {
                    reached = k;
                    break;
                }

                if (k == due)
                {
                    break;
                }
            }

            _evaluated = _stop is null ? reached : due;
        }

        judged.Sort((a, b) => a.Time.CompareTo(b.Time));
        _snapshots.AddRange(judged);
        if (_evaluated >= _points || (frontier.Finished && due <= _evaluated))
        {
            _done = true;
        }

        return new LiveGateStep(judged, _stop, _done);
    }

    private int DueUpTo(DateTimeOffset frontier)
    {
        if (frontier >= _options.Window.End)
        {
            return _points;
        }

        var k = (int)Math.Min(_points - 1, Math.Max(0, (frontier - _options.Window.Start).Ticks / _options.Interval.Ticks));
        return k;
    }

    /// <summary>Bisects (lo..hi] for the first minute that fails irreversibly; <paramref name="hi"/> is known to.</summary>
    private async Task<(int K, GateReport Report)> FirstFailureAsync(int lo, int hi, GateReport hiReport, List<LiveGateSnapshot> judged,
        CancellationToken cancellationToken)
    {
        var report = hiReport;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            var candidate = await EvaluateAsync(mid, cancellationToken);
            judged.Add(Snapshot(candidate));
            if (LiveGateSnapshot.From(candidate, _options.Window).IrreversibleFailure is not null)
            {
                (hi, report) = (mid, candidate);
            }
            else
            {
                lo = mid + 1;
            }
        }

        return (hi, report);
    }

    private LiveGateSnapshot Snapshot(GateReport report) => LiveGateSnapshot.From(report, _options.Window);

    private Task<GateReport> EvaluateAsync(int k, CancellationToken cancellationToken) =>
        _evaluator.EvaluateAsync(_evidence, new GateWindow(_options.Window.Start, TimeOf(k)), _options.PnlSigmaUsd, _options.Gates, null,
            cancellationToken);
}

using EdgeRisk.Evidence.Gates.Live;

namespace EdgeRisk.Release.DryRun.Evidence;

/// <summary>
/// The Prometheus that evaluates the alert rules while the local dry run runs: started empty under
/// <c>artifacts/dry-run/live-alerts</c> with the remote-write receiver on and an out-of-order window as long as the run
/// (the jobs' virtual clocks run a little apart), no rules loaded (its own rule manager would evaluate on wall time);
/// <see cref="Evaluation"/> writes the recordings into it and queries the rules on the virtual clock. It is detached and
/// named in <c>live-prometheus.json</c>, so a run that was killed leaves nothing a later <see cref="EvidencePrometheus.StopNamedAsync"/> misses.
/// </summary>
public sealed class LiveAlertsPrometheus : IAsyncDisposable
{
    public const string StateFileName = "live-prometheus.json";

    private readonly EvidencePrometheus _prometheus;
    private readonly string _stateFile;
    private readonly TimeProvider _timeProvider;
    private bool _disposed;

    private LiveAlertsPrometheus(EvidencePrometheus prometheus, string stateFile, LiveAlertEvaluation evaluation, TimeProvider timeProvider)
    {
        _prometheus = prometheus;
        _stateFile = stateFile;
        Evaluation = evaluation;
        _timeProvider = timeProvider;
    }

    public LiveAlertEvaluation Evaluation { get; }

    public Uri Url => _prometheus.Url;

    public static async Task<LiveAlertsPrometheus> StartAsync(string outputDirectory, IReadOnlyList<string> ruleFiles, TimeSpan scrapeInterval,
        TimeSpan duration, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ruleFiles);
        var stateFile = Path.Combine(outputDirectory, StateFileName);
        await EvidencePrometheus.StopNamedAsync(stateFile, timeProvider, cancellationToken);
        // The rules are checked before anything starts: a rule the evaluation cannot reproduce is a clear error here.
        var rules = LiveAlertRules.Load(ruleFiles, scrapeInterval);
        var work = Path.Combine(outputDirectory, "live-alerts");
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }

        var prometheus = await EvidencePrometheus.StartAsync(new EvidencePrometheusOptions
        {
            DataDirectory = Path.Combine(work, "data"),
            WorkDirectory = work,
            EvaluationInterval = scrapeInterval,
            LookbackDelta = scrapeInterval * 2,
            RemoteWriteReceiver = true,
            OutOfOrderWindow = duration + TimeSpan.FromDays(1),
        }, timeProvider, cancellationToken);
        new PrometheusProcessState(prometheus.Pid, prometheus.Url).Save(stateFile);
        return new LiveAlertsPrometheus(prometheus, stateFile, new LiveAlertEvaluation(prometheus.Url, rules), timeProvider);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Evaluation.Dispose();
        await _prometheus.StopAsync(_timeProvider, CancellationToken.None);
        File.Delete(_stateFile);
    }
}

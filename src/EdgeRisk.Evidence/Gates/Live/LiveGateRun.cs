using EdgeRisk.Evidence.Docker;

namespace EdgeRisk.Evidence.Gates.Live;

/// <summary>
/// <see cref="LiveGateMonitor"/> with the latest judgement of every look pushed to a Pushgateway. A push that fails is a
/// warning and is retried with the next judgement: the dashboard feed must not end a soak, and the gates never read the
/// pushed series. Over a scraping Prometheus (<see cref="PrometheusLiveEvidence"/>) for the staging dry run and
/// <c>EvaluateGates --live</c>; over any live evidence (the local dry run's recordings) given its monitor.
/// </summary>
public sealed class LiveGateRun : IDisposable
{
    private readonly TimeProvider _timeProvider;
    private readonly Action<string>? _onWarning;
    private readonly LiveGateMonitor _monitor;
    private readonly TimeSpan _pollInterval;
    private readonly TimeSpan _pushTimeout;
    private readonly HttpClient? _http;
    private readonly Uri? _pushgateway;

    public LiveGateRun(LiveGateRunOptions options, TimeProvider timeProvider, Action<string>? onWarning = null)
        : this(PrometheusMonitor(options, timeProvider), options.PushgatewayUrl, options.PushTimeout, options.PollInterval, timeProvider, onWarning)
    {
    }

    /// <summary>The gates <paramref name="monitor"/> judges (e.g. over the local dry run's recordings), each look's latest judgement pushed to <paramref name="pushgatewayUrl"/> when given.</summary>
    public LiveGateRun(LiveGateMonitor monitor, Uri? pushgatewayUrl, TimeProvider timeProvider, Action<string>? onWarning = null)
        : this(monitor, pushgatewayUrl, LiveGateRunOptions.DefaultPushTimeout, monitor.PollInterval, timeProvider, onWarning)
    {
    }

    private LiveGateRun(LiveGateMonitor monitor, Uri? pushgatewayUrl, TimeSpan pushTimeout, TimeSpan pollInterval, TimeProvider timeProvider,
        Action<string>? onWarning)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (pushgatewayUrl is { } push && !IsHttp(push))
        {
            throw new GateConfigurationException($"live gates: --pushgateway-url '{push}' is not an http(s) URL; pass e.g. http://127.0.0.1:9091");
        }

        _monitor = monitor;
        _pollInterval = pollInterval;
        _pushTimeout = pushTimeout;
        _timeProvider = timeProvider;
        _onWarning = onWarning;
        if (pushgatewayUrl is { } url)
        {
            _pushgateway = new Uri(url.AbsoluteUri.TrimEnd('/') + "/");
            _http = new HttpClient { Timeout = pushTimeout };
        }
    }

    public GateWindow Window => _monitor.Window;

    public LiveGateOutcome Outcome => _monitor.Outcome;

    /// <summary>Pushes that failed so far (each was reported through the warning callback).</summary>
    public int PushFailures { get; private set; }

    /// <summary>Pushes that the Pushgateway accepted.</summary>
    public int Pushes { get; private set; }

    /// <summary>One look: judges every minute now due, then pushes the latest judgement.</summary>
    public async Task<LiveGateStep> StepAsync(CancellationToken cancellationToken)
    {
        var step = await _monitor.StepAsync(cancellationToken);
        if (step.Snapshots.Count > 0)
        {
            await PushAsync(step.Snapshots[^1], cancellationToken);
        }

        return step;
    }

    /// <summary>
    /// Steps until the window has been judged to its end or a gate failed for good, waiting the poll interval
    /// on the clock between looks that judged nothing; <paramref name="onStep"/> sees every look (e.g. to supervise helpers).
    /// </summary>
    public async Task<LiveGateOutcome> RunAsync(Func<LiveGateStep, CancellationToken, Task>? onStep, CancellationToken cancellationToken)
    {
        while (true)
        {
            var step = await StepAsync(cancellationToken);
            if (onStep is not null)
            {
                await onStep(step, cancellationToken);
            }

            if (step.Done)
            {
                return Outcome;
            }

            if (step.Snapshots.Count == 0)
            {
                await Task.Delay(_pollInterval, _timeProvider, cancellationToken);
            }
        }
    }

    /// <summary>Replaces the pushed group with <paramref name="snapshot"/>; a failure is counted and reported, not thrown.</summary>
    public async Task PushAsync(LiveGateSnapshot snapshot, CancellationToken cancellationToken)
    {
        if (_http is null || _pushgateway is null)
        {
            return;
        }

        try
        {
            await GateMetricsExporter.PushAsync(_http, _pushgateway, snapshot, cancellationToken);
            Pushes++;
        }
        catch (Exception e) when (e is GateConfigurationException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            PushFailures++;
            var reason = e is TaskCanceledException ? $"no answer within {_pushTimeout.TotalSeconds:0} s" : e.Message;
            _onWarning?.Invoke($"Live gates: the judgement of {snapshot.Time:u} was not pushed ({reason}); the next judgement retries.");
        }
    }

    public void Dispose() => _http?.Dispose();

    private static LiveGateMonitor PrometheusMonitor(LiveGateRunOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!IsHttp(options.PrometheusUrl))
        {
            throw new GateConfigurationException($"live gates: --prometheus-url '{options.PrometheusUrl}' is not an http(s) URL; pass e.g. http://127.0.0.1:9090");
        }

        if (options.IngestionDelay < TimeSpan.Zero || options.PollInterval <= TimeSpan.Zero)
        {
            throw new GateConfigurationException(
                $"live gates: ingestion delay {options.IngestionDelay} must not be negative and poll interval {options.PollInterval} must be positive");
        }

        _ = options.Gates.Source.CheckedTimeout();
        var docker = options.Gates.DockerHost is { } host ? new DockerContainerInspector(host, options.Gates.ComposeProject) : null;
        var evidence = new PrometheusLiveEvidence(options.PrometheusUrl, options.Gates.Source, docker, timeProvider, options.IngestionDelay);
        return new LiveGateMonitor(new LiveGateOptions
        {
            Window = options.Window,
            Interval = options.Interval,
            PollInterval = options.PollInterval,
            PnlSigmaUsd = options.PnlSigmaUsd,
            Gates = options.Gates,
        }, evidence, timeProvider);
    }

    private static bool IsHttp(Uri url) => url.IsAbsoluteUri && url.Scheme is "http" or "https";
}

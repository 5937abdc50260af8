using System.Globalization;
using System.Text.Json;
using EdgeRisk.Evidence.Docker;
using EdgeRisk.Evidence.Prometheus;

namespace EdgeRisk.Evidence.Gates;

/// <summary>
/// Fetches the evidence for the five gates and evaluates them. A fetch failure makes the gates that need it
/// INCONCLUSIVE with the reason; nothing missing can yield PASS. Safe to call repeatedly over a growing window.
/// </summary>
public sealed class GateEvaluator
{
    public const string UpSelector = "up{job=~\"edgerisk.*\"}";
    public const string TradingStartSelector = ContinuityGate.StartMetric + "{job=~\"edgerisk.*\"}";
    public const string AlertsSelector = "ALERTS{alertstate=\"firing\"}";
    public const string RulesMarkerSelector = "edgerisk_rules_evaluated";
    public const string PnlSelector = "pnl_usd";
    public const string VarSelector = "var_pct";
    public const string RssSelector = "process_resident_memory_bytes{job=~\"edgerisk.*\"}";
    public const string BuildInfoSelector = "edgerisk_build_info";

    private const string RulesStep = "alerting rules";
    private const string ContainersStep = "containers";
    private const string PrometheusName = "Prometheus";
    private const string DockerName = "Docker";

    private readonly TimeProvider _timeProvider;

    public GateEvaluator(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
    }

    /// <summary>Evaluates against <see cref="GateEvaluationOptions.PrometheusUrl"/> or replays <see cref="GateEvaluationOptions.EvidenceDirectory"/>.</summary>
    public async Task<GateReport> EvaluateAsync(GateEvaluationOptions options, IProgress<GateProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if ((options.PrometheusUrl is null) == (options.EvidenceDirectory is null))
        {
            throw new GateConfigurationException("gates: give exactly one of --prometheus-url URL and --evidence DIR");
        }

        if (options.WindowLength <= TimeSpan.Zero)
        {
            throw new GateConfigurationException($"gates: --window {options.WindowLength} must be positive (e.g. 48h)");
        }

        if (options.EvidenceDirectory is { } dir)
        {
            DirectoryEvidenceSource replay;
            try
            {
                replay = DirectoryEvidenceSource.Open(dir);
            }
            catch (EvidenceUnavailableException e)
            {
                throw new GateConfigurationException(e.Message, e);
            }

            return await EvaluateAsync(replay, replay.Window, options.PnlSigmaUsd ?? replay.Index.PnlSigmaUsd,
                options with { VarLimitUsd = options.VarLimitUsd ?? replay.Index.VarLimitUsd }, progress, cancellationToken);
        }

        var window = GateWindow.Ending(options.WindowEnd ?? _timeProvider.GetUtcNow(), options.WindowLength);
        var docker = options.DockerHost is { } host ? new DockerContainerInspector(host, options.ComposeProject) : null;
        var source = new PrometheusEvidenceSource(options.PrometheusUrl!, options.Source, docker, _timeProvider);
        return await EvaluateAsync(source, window, options.PnlSigmaUsd ?? ReadSigma(options.PnlStatsPath),
            options with { PnlSigmaConfig = options.PnlSigmaConfig ?? PnlSigmaConfig.For(options.PnlSigmaUsd, options.PnlStatsPath) }, progress, cancellationToken);
    }

    /// <summary>
    /// Evaluates the window from any evidence source (the live loop and tests call this directly). Fetching has one
    /// deadline, <see cref="PrometheusSourceOptions.Timeout"/> on this evaluator's clock: every request, its retries and
    /// its body read end by then, and each gate whose evidence has not arrived is INCONCLUSIVE ("Prometheus did not
    /// answer within N s"), which <see cref="GateReport.EvidenceTimedOut"/> also tells.
    /// </summary>
    public async Task<GateReport> EvaluateAsync(IEvidenceSource source, GateWindow window, decimal? pnlSigmaUsd,
        GateEvaluationOptions options, IProgress<GateProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(options);
        var timeout = options.Source.CheckedTimeout();
        var settings = options.Settings;
        using var deadline = new CancellationTokenSource(timeout, _timeProvider);
        using var fetching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var sigmaConfig = options.PnlSigmaConfig;
        var steps = new Fetcher(progress, sigmaConfig is null ? 9 : 10, timeout, deadline.Token, fetching.Token, cancellationToken);
        GateReport report;
        try
        {
            var up = steps.Series(source, UpSelector, window);
            var starts = steps.Series(source, TradingStartSelector, window);
            var alerts = steps.Series(source, AlertsSelector, window);
            var marker = steps.Series(source, RulesMarkerSelector, window);
            var pnl = steps.Series(source, PnlSelector, window);
            var varPct = steps.Series(source, VarSelector, window);
            var rss = steps.Series(source, RssSelector, window);
            var rules = steps.Run(RulesStep, PrometheusName, source.GetAlertRulesAsync);
            var containers = steps.Run(ContainersStep, DockerName, source.GetContainersAsync);
            var buildInfo = sigmaConfig is null ? null : steps.Series(source, BuildInfoSelector, window);

            var gates = new List<GateResult>
            {
                await Gate(GateNames.Continuity, settings.MaxUpGap.TotalSeconds,
                    async () => ContinuityGate.Evaluate(window, await up, await starts, await containers, settings)),
                await Gate(GateNames.Alerts, settings.MaxWarningEpisodes,
                    async () => steps.Explain(
                        AlertsGate.Evaluate(window, await alerts, await Optional(marker), await Optional(rules), await Optional(varPct), settings),
                        RulesMarkerSelector, RulesStep, VarSelector)),
                await Gate(GateNames.PnlDrift, settings.MaxPnlDriftSigmas,
                    async () => PnlDriftGate.Evaluate(window, await pnl, pnlSigmaUsd, settings,
                        sigmaConfig is null ? null : sigmaConfig.MismatchWith(await buildInfo!))),
                await Gate(GateNames.Var, settings.MaxVarPct, async () => VarGate.Evaluate(window, await varPct, settings)),
                await Gate(GateNames.RssDrift, settings.RssDriftFailRatio, async () => RssDriftGate.Evaluate(window, await rss, settings)),
            };
            VarBacktest backtest;
            try
            {
                backtest = VarBacktest.Compute(window, await pnl, await varPct, options.VarLimitUsd, options.VarHorizon, options.VarConfidence);
            }
            catch (EvidenceUnavailableException e)
            {
                backtest = VarBacktest.NotComputable(e.Message);
            }

            report = new GateReport(GateReport.Combine(gates), window, gates, backtest, source.Recording, pnlSigmaUsd, options.VarLimitUsd) { Settings = settings };
        }
        finally
        {
            // A gate stops at its first missing input; its other fetches end by the deadline and are let finish here.
            await steps.SettleAsync();
        }

        return report with { EvidenceTimedOut = steps.TimedOut };
    }

    /// <summary>The detail of evidence that <paramref name="who"/> did not deliver before the deadline.</summary>
    private static string NoAnswerDetail(string who, TimeSpan timeout, string step) =>
        $"{who} did not answer within {timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s (--timeout): {step}";

    /// <summary>Reads <c>pnl_sigma_usd</c> from the sim stats file; null (→ pnl_drift INCONCLUSIVE) when absent.</summary>
    public static decimal? ReadSigma(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            return doc.RootElement.TryGetProperty("pnl_sigma_usd", out var sigma) && sigma.ValueKind == JsonValueKind.Number
                ? sigma.GetDecimal()
                : null;
        }
        catch (JsonException e)
        {
            throw new GateConfigurationException($"gates: {path} is not valid JSON ({e.Message}); fix it or pass --pnl-sigma-usd", e);
        }
    }

    /// <summary>Reads <c>config_hash</c> (the configuration σ was computed for) from the sim stats file; null when absent.</summary>
    public static string? ReadConfigHash(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            return doc.RootElement.TryGetProperty("config_hash", out var hash) && hash.ValueKind == JsonValueKind.String ? hash.GetString() : null;
        }
        catch (JsonException e)
        {
            throw new GateConfigurationException($"gates: {path} is not valid JSON ({e.Message}); fix it or pass --pnl-sigma-usd", e);
        }
    }

    private static async Task<GateResult> Gate(string name, double threshold, Func<Task<GateResult>> evaluate)
    {
        try
        {
            return await evaluate();
        }
        catch (EvidenceUnavailableException e)
        {
            return GateResult.Inconclusive(name, threshold, e.Message);
        }
    }

    /// <summary>Inputs that only serve as alternative proofs: unreadable counts as absent.</summary>
    private static async Task<T?> Optional<T>(Task<T> task)
    {
        try
        {
            return await task;
        }
        catch (EvidenceUnavailableException)
        {
            return default;
        }
    }

    private static async Task<IReadOnlyList<TimeSeries>> Optional(Task<IReadOnlyList<TimeSeries>> task) =>
        await Optional<IReadOnlyList<TimeSeries>>(task) ?? [];

    /// <summary>
    /// Starts the fetches (the source bounds concurrency) under the evaluation's deadline, reports each as it completes,
    /// and turns a fetch the deadline cut into <see cref="EvidenceUnavailableException"/> with <see cref="NoAnswerDetail"/>.
    /// </summary>
    private sealed class Fetcher(IProgress<GateProgress>? progress, int total, TimeSpan timeout, CancellationToken deadline,
        CancellationToken fetching, CancellationToken caller)
    {
        private readonly List<Task> _started = [];
        private readonly Dictionary<string, string> _timedOut = new(StringComparer.Ordinal);
        private int _completed;

        /// <summary>Some fetch was cut by the deadline.</summary>
        public bool TimedOut
        {
            get
            {
                lock (_timedOut)
                {
                    return _timedOut.Count > 0;
                }
            }
        }

        public Task<IReadOnlyList<TimeSeries>> Series(IEvidenceSource source, string selector, GateWindow window) =>
            Run(selector, PrometheusName, ct => source.GetSeriesAsync(selector, window, ct));

        public Task<T> Run<T>(string step, string who, Func<CancellationToken, Task<T>> fetch)
        {
            var task = RunAsync(step, who, fetch);
            _started.Add(task);
            return task;
        }

        /// <summary>
        /// An INCONCLUSIVE <paramref name="result"/> whose optional inputs (<paramref name="optionalSteps"/>, read as absent
        /// when missing) were cut by the deadline says so first: the proof may exist, Prometheus did not deliver it in time.
        /// </summary>
        public GateResult Explain(GateResult result, params string[] optionalSteps)
        {
            lock (_timedOut)
            {
                var cut = optionalSteps.Select(s => _timedOut.GetValueOrDefault(s)).OfType<string>().FirstOrDefault();
                return result.Status == GateStatus.Inconclusive && cut is not null ? result with { Detail = $"{cut}; {result.Detail}" } : result;
            }
        }

        /// <summary>Waits for every fetch started, whatever its outcome (each ends by the deadline).</summary>
        public async Task SettleAsync() => await Task.WhenAll(_started).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

        private async Task<T> RunAsync<T>(string step, string who, Func<CancellationToken, Task<T>> fetch)
        {
            var failed = false;
            try
            {
                return await fetch(fetching);
            }
            catch (EvidenceUnavailableException)
            {
                failed = true;
                throw;
            }
            catch (OperationCanceledException e) when (deadline.IsCancellationRequested && !caller.IsCancellationRequested)
            {
                failed = true;
                var detail = NoAnswerDetail(who, timeout, step);
                lock (_timedOut)
                {
                    _timedOut[step] = detail;
                }

                throw new EvidenceUnavailableException(detail, e);
            }
            finally
            {
                progress?.Report(new GateProgress(step, Interlocked.Increment(ref _completed), total, failed));
            }
        }
    }
}

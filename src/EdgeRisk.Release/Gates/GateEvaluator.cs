using System.Text.Json;
using EdgeRisk.Release.Docker;
using EdgeRisk.Release.Prometheus;

namespace EdgeRisk.Release.Gates;

/// <summary>
/// Fetches the evidence for the five gates and evaluates them. A fetch failure makes the gates that need it
/// INCONCLUSIVE with the reason; nothing missing can yield PASS. Safe to call repeatedly over a growing window.
/// </summary>
public sealed class GateEvaluator
{
    public const string UpSelector = "up{job=~\"edgerisk.*\"}";
    public const string ProcessStartSelector = "process_start_time_seconds{job=~\"edgerisk.*\"}";
    public const string AlertsSelector = "ALERTS{alertstate=\"firing\"}";
    public const string RulesMarkerSelector = "edgerisk_rules_evaluated";
    public const string PnlSelector = "pnl_usd";
    public const string VarSelector = "var_pct";
    public const string RssSelector = "process_resident_memory_bytes{job=~\"edgerisk.*\"}";

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
        return await EvaluateAsync(source, window, options.PnlSigmaUsd ?? ReadSigma(options.PnlStatsPath), options, progress, cancellationToken);
    }

    /// <summary>Evaluates the window from any evidence source (the live loop and tests call this directly).</summary>
    public static async Task<GateReport> EvaluateAsync(IEvidenceSource source, GateWindow window, decimal? pnlSigmaUsd,
        GateEvaluationOptions options, IProgress<GateProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Settings;
        var steps = new Fetcher(progress, 9);
        var up = steps.Series(source, UpSelector, window, cancellationToken);
        var starts = steps.Series(source, ProcessStartSelector, window, cancellationToken);
        var alerts = steps.Series(source, AlertsSelector, window, cancellationToken);
        var marker = steps.Series(source, RulesMarkerSelector, window, cancellationToken);
        var pnl = steps.Series(source, PnlSelector, window, cancellationToken);
        var varPct = steps.Series(source, VarSelector, window, cancellationToken);
        var rss = steps.Series(source, RssSelector, window, cancellationToken);
        var rules = steps.Run("alerting rules", () => source.GetAlertRulesAsync(cancellationToken));
        var containers = steps.Run("containers", () => source.GetContainersAsync(cancellationToken));

        var gates = new List<GateResult>
        {
            await Gate(GateNames.Continuity, GateThresholds.MaxUpGap.TotalSeconds,
                async () => ContinuityGate.Evaluate(window, await up, await starts, await containers, settings)),
            await Gate(GateNames.Alerts, GateThresholds.MaxWarningEpisodes,
                async () => AlertsGate.Evaluate(window, await alerts, await Optional(marker), await Optional(rules), await Optional(varPct), settings)),
            await Gate(GateNames.PnlDrift, GateThresholds.MaxPnlDriftSigmas,
                async () => PnlDriftGate.Evaluate(window, await pnl, pnlSigmaUsd, settings)),
            await Gate(GateNames.Var, GateThresholds.MaxVarPct, async () => VarGate.Evaluate(window, await varPct, settings)),
            await Gate(GateNames.RssDrift, GateThresholds.RssDriftFailRatio, async () => RssDriftGate.Evaluate(window, await rss, settings)),
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

        return new GateReport(GateReport.Combine(gates), window, gates, backtest, source.Recording, pnlSigmaUsd, options.VarLimitUsd);
    }

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

    /// <summary>Starts the fetches (the source bounds concurrency) and reports each as it completes.</summary>
    private sealed class Fetcher(IProgress<GateProgress>? progress, int total)
    {
        private int _completed;

        public Task<IReadOnlyList<TimeSeries>> Series(IEvidenceSource source, string selector, GateWindow window, CancellationToken ct) =>
            Run(selector, () => source.GetSeriesAsync(selector, window, ct));

        public async Task<T> Run<T>(string step, Func<Task<T>> fetch)
        {
            var failed = false;
            try
            {
                return await fetch();
            }
            catch (EvidenceUnavailableException)
            {
                failed = true;
                throw;
            }
            finally
            {
                progress?.Report(new GateProgress(step, Interlocked.Increment(ref _completed), total, failed));
            }
        }
    }
}

using System.Globalization;
using System.Net;
using EdgeRisk.Evidence.Prometheus;

namespace EdgeRisk.Evidence.Gates.Live;

/// <summary>
/// The project's alert rules evaluated while the local dry run runs, by a real Prometheus over the recordings written
/// into it as they grow (<see cref="PrometheusRemoteWriter"/>): the rules become the same <c>ALERTS</c> expressions the
/// end-of-run backfill records (<see cref="AlertsRecordingRules"/>), queried with <c>query_range</c> on the scrape grid
/// (aligned to the epoch, as the backfill's) for every new stretch of virtual time, the project's recording rules first
/// (their results written back, so alerts may read them). Each evaluated grid point also yields the
/// <c>edgerisk_rules_evaluated</c> marker, so "no alert fired" is told from "nothing evaluated" exactly as offline.
/// </summary>
public sealed class LiveAlertEvaluation : IDisposable
{
    /// <summary>Prometheus answers at most 11,000 points per series and query.</summary>
    private const int MaxPointsPerQuery = 10_000;

    private readonly HttpClient _http;
    private readonly IPrometheusApi _api;
    private readonly Uri _prometheusUrl;
    private readonly PrometheusRemoteWriter _writer;
    private readonly long _stepMs;
    private readonly LiveAlertRules _rules;
    private readonly Dictionary<string, GrowingSeries> _alerts = new(StringComparer.Ordinal);
    private readonly GrowingSeries _marker =
        new(new Dictionary<string, string>(StringComparer.Ordinal) { ["__name__"] = AlertsRecordingRules.MarkerMetric });
    private long? _evaluatedUpToMs;

    /// <param name="prometheusUrl">The dry run's own Prometheus, started with the remote-write receiver.</param>
    /// <param name="rules">The rules to evaluate.</param>
    /// <param name="requestTimeout">Bound of each write and each rule query (connect, headers and body); default 60 s.</param>
    public LiveAlertEvaluation(Uri prometheusUrl, LiveAlertRules rules, TimeSpan? requestTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(prometheusUrl);
        ArgumentNullException.ThrowIfNull(rules);
        _prometheusUrl = prometheusUrl;
        _stepMs = (long)rules.Step.TotalMilliseconds;
        _rules = rules;
        _http = new HttpClient { BaseAddress = prometheusUrl, Timeout = requestTimeout ?? TimeSpan.FromSeconds(60) };
        _api = PrometheusClientFactory.Create(_http);
        _writer = new PrometheusRemoteWriter(_http, prometheusUrl);
    }

    /// <summary>The metric names the rules read: the recordings' series to write (<c>up</c> included when a rule reads it).</summary>
    public IReadOnlySet<string> InputMetrics => _rules.InputMetrics;

    /// <summary>The last grid point evaluated; null before the first evaluation.</summary>
    public DateTimeOffset? EvaluatedUpTo => _evaluatedUpToMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;

    public long SamplesWritten => _writer.SamplesWritten;

    /// <summary>Writes recorded samples (series named by <c>__name__</c>, each newer than what was written of it before).</summary>
    public Task WriteAsync(IReadOnlyList<TimeSeries> series, CancellationToken cancellationToken) => _writer.WriteAsync(series, cancellationToken);

    /// <summary>
    /// Evaluates the rules at every grid point after the last one evaluated up to <paramref name="upTo"/>; the first call
    /// starts at the grid point at or before <paramref name="from"/>. The inputs must be written up to <paramref name="upTo"/>.
    /// </summary>
    public async Task EvaluateAsync(DateTimeOffset from, DateTimeOffset upTo, CancellationToken cancellationToken)
    {
        var first = _evaluatedUpToMs is { } done ? done + _stepMs : Align(from.ToUnixTimeMilliseconds());
        var last = Align(upTo.ToUnixTimeMilliseconds());
        while (first <= last)
        {
            var end = Math.Min(last, first + ((MaxPointsPerQuery - 1) * _stepMs));
            foreach (var rule in _rules.Recording)
            {
                var results = await QueryRangeAsync(rule, first, end, cancellationToken);
                await _writer.WriteAsync(results.Select(r => Named(r, rule.Record!, rule.Labels)).ToList(), cancellationToken);
            }

            var fired = await Task.WhenAll(_rules.Firing.Select(rule => QueryRangeAsync(rule, first, end, cancellationToken)));
            for (var i = 0; i < _rules.Firing.Count; i++)
            {
                foreach (var series in fired[i])
                {
                    Append(Named(series, AlertsRecordingRules.AlertsMetric, _rules.Firing[i].Labels));
                }
            }

            for (var t = first; t <= end; t += _stepMs)
            {
                _marker.Times.Add(t / 1000.0);
                _marker.Values.Add(1);
            }

            _evaluatedUpToMs = end;
            first = end + _stepMs;
        }
    }

    /// <summary><c>ALERTS{alertstate="firing"}</c> as evaluated so far, within <paramref name="window"/>.</summary>
    public IReadOnlyList<TimeSeries> Alerts(GateWindow window) => _alerts.Values.Select(b => b.Slice(window)).OfType<TimeSeries>().ToList();

    /// <summary><c>edgerisk_rules_evaluated</c> = 1 at every grid point evaluated, within <paramref name="window"/>.</summary>
    public IReadOnlyList<TimeSeries> Marker(GateWindow window) => _marker.Slice(window) is { } marker ? [marker] : [];

    public void Dispose() => _http.Dispose();

    private long Align(long ms) => ms - (((ms % _stepMs) + _stepMs) % _stepMs);

    private async Task<IReadOnlyList<TimeSeries>> QueryRangeAsync(PrometheusRule rule, long startMs, long endMs, CancellationToken cancellationToken)
    {
        var what = $"rule {rule.Labels?.GetValueOrDefault("alertname") ?? rule.Record} over {Seconds(startMs)} .. {Seconds(endMs)}";
        // HttpClient.Timeout ends at the headers (the reply is streamed): this bound covers the body read too.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_http.Timeout);
        HttpStatusCode status;
        byte[] body;
        try
        {
            using var response = await _api.QueryRangeAsync(rule.Expr, Seconds(startMs), Seconds(endMs), Seconds(_stepMs), timeout.Token);
            status = response.StatusCode;
            body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new EvidenceUnavailableException($"Prometheus at {_prometheusUrl} unreachable evaluating {what}: {e.Message}", e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new EvidenceUnavailableException($"Prometheus at {_prometheusUrl} gave no answer within {_http.Timeout.TotalSeconds:0.###} s evaluating {what}", e);
        }

        try
        {
            return PrometheusReply.ParseMatrix(body, what);
        }
        catch (EvidenceUnavailableException e) when ((int)status is < 200 or > 299)
        {
            throw new EvidenceUnavailableException($"Prometheus at {_prometheusUrl} answered HTTP {(int)status} evaluating {e.Message}", e);
        }
    }

    private static TimeSeries Named(TimeSeries result, string name, IReadOnlyDictionary<string, string>? ruleLabels)
    {
        var labels = new Dictionary<string, string>(result.Labels, StringComparer.Ordinal) { ["__name__"] = name };
        foreach (var (key, value) in ruleLabels ?? new Dictionary<string, string>())
        {
            labels[key] = value;
        }

        return new TimeSeries(labels, result.Times, result.Values);
    }

    private void Append(TimeSeries series)
    {
        var key = string.Join('\u0001', series.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));
        if (!_alerts.TryGetValue(key, out var buffer))
        {
            buffer = new GrowingSeries(series.Labels);
            _alerts.Add(key, buffer);
        }

        buffer.Times.AddRange(series.Times);
        buffer.Values.AddRange(series.Values);
    }

    private static string Seconds(long ms) => (ms / 1000.0).ToString("0.###", CultureInfo.InvariantCulture);
}

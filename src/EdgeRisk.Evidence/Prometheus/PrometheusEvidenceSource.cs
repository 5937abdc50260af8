using System.Globalization;
using System.Net;
using System.Net.Sockets;
using EdgeRisk.Evidence.Docker;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using Refit;

namespace EdgeRisk.Evidence.Prometheus;

/// <summary>
/// Reads raw samples from a live Prometheus with range-selector instant queries (<c>sel[Nms]</c> at the chunk end),
/// chunked so a reply holds at most 11,000 points per series; records every reply. Transient failures
/// (connection refused, an attempt that timed out before its whole body arrived, 5xx, 429) are retried; a bad_data error
/// reply is not. Each call ends when its <see cref="CancellationToken"/> does, body read included: the evaluation's
/// deadline (<see cref="PrometheusSourceOptions.Timeout"/>) bounds every request and its retries together.
/// </summary>
public sealed class PrometheusEvidenceSource : IEvidenceSource
{
    private readonly IPrometheusApi _api;
    private readonly Uri _baseUrl;
    private readonly PrometheusSourceOptions _options;
    private readonly DockerContainerInspector? _docker;
    private readonly ResiliencePipeline<Reply> _pipeline;
    private readonly SemaphoreSlim _gate;

    public PrometheusEvidenceSource(Uri baseUrl, PrometheusSourceOptions options, DockerContainerInspector? docker, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(options);
        _baseUrl = baseUrl;
        _options = options;
        _docker = docker;
        _api = PrometheusClientFactory.Create(baseUrl);
        _gate = new SemaphoreSlim(options.MaxConcurrentQueries);
        var builder = new ResiliencePipelineBuilder<Reply> { TimeProvider = timeProvider };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<Reply>
            {
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                ShouldHandle = new PredicateBuilder<Reply>()
                    .Handle<HttpRequestException>()
                    .Handle<ApiRequestException>()
                    .Handle<IOException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(r => (int)r.Status >= 500 || r.Status == HttpStatusCode.TooManyRequests),
            });
        }

        _pipeline = builder.AddTimeout(options.AttemptTimeout).Build();
    }

    public EvidenceRecording Recording { get; } = new();

    public async Task<IReadOnlyList<TimeSeries>> GetSeriesAsync(string selector, GateWindow window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        var chunk = Math.Max(1, _options.ScrapeInterval.TotalSeconds * _options.MaxPointsPerSeries);
        var ranges = new List<(double From, double To)>();
        // The first chunk starts 1 ms early so a sample exactly at the window start is included either way the range is closed.
        for (var from = window.StartSeconds - 0.001; from < window.EndSeconds; from += chunk)
        {
            ranges.Add((from, Math.Min(from + chunk, window.EndSeconds)));
        }

        var replies = await Task.WhenAll(ranges.Select(r => FetchChunkAsync(selector, r.From, r.To, cancellationToken)));
        return SeriesMerge.Merge(replies.SelectMany(r => r), window);
    }

    public async Task<RulesEvidence?> GetAlertRulesAsync(CancellationToken cancellationToken)
    {
        var body = await SendAsync("alerting rules (/api/v1/rules?type=alert)", ct => _api.GetRulesAsync("alert", ct), cancellationToken);
        var rules = PrometheusReply.ParseAlertRules(body, "/api/v1/rules");
        Recording.AddRules(body);
        return rules;
    }

    public async Task<IReadOnlyList<ContainerFacts>?> GetContainersAsync(CancellationToken cancellationToken)
    {
        if (_docker is null)
        {
            return null;
        }

        var containers = await _docker.InspectProjectAsync(cancellationToken);
        Recording.AddContainers(containers);
        return containers;
    }

    private async Task<IReadOnlyList<TimeSeries>> FetchChunkAsync(string selector, double from, double to, CancellationToken cancellationToken)
    {
        var rangeMs = (long)Math.Round((to - from) * 1000);
        var query = $"{selector}[{rangeMs.ToString(CultureInfo.InvariantCulture)}ms]";
        var time = to.ToString("0.###", CultureInfo.InvariantCulture);
        var what = $"query {query} at {time}";
        var body = await SendAsync(what, ct => _api.QueryAsync(query, time, ct), cancellationToken);
        var series = PrometheusReply.ParseMatrix(body, what);
        Recording.AddQuery(selector, from, to, body);
        return series;
    }

    private async Task<byte[]> SendAsync(string what, Func<CancellationToken, Task<HttpResponseMessage>> call, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // The body is read inside the attempt: its timeout and the caller's deadline cover it as they cover the headers.
            var (status, body) = await _pipeline.ExecuteAsync(async ct =>
            {
                using var response = await call(ct);
                return new Reply(response.StatusCode, await response.Content.ReadAsByteArrayAsync(ct));
            }, cancellationToken);
            if ((int)status is < 200 or > 299)
            {
                // Prometheus puts {"status":"error","errorType":...,"error":...} in 4xx/5xx bodies: surface it.
                try
                {
                    PrometheusReply.ParseMatrix(body, what);
                }
                catch (EvidenceUnavailableException e)
                {
                    throw new EvidenceUnavailableException($"Prometheus at {_baseUrl} answered HTTP {(int)status} to {e.Message}", e);
                }

                throw new EvidenceUnavailableException($"Prometheus at {_baseUrl} answered HTTP {(int)status} to {what}");
            }

            return body;
        }
        catch (Exception e) when (e is HttpRequestException or ApiRequestException or IOException)
        {
            throw new EvidenceUnavailableException(
                $"Prometheus at {_baseUrl} unreachable after {_options.MaxRetries + 1} attempts ({what}): {Inner(e)}", e);
        }
        catch (TimeoutRejectedException e)
        {
            throw new EvidenceUnavailableException(
                $"Prometheus at {_baseUrl} timed out after {_options.MaxRetries + 1} attempts of {_options.AttemptTimeout.TotalSeconds:0} s ({what})", e);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>One whole answer: status and body, read within one attempt.</summary>
    private readonly record struct Reply(HttpStatusCode Status, byte[] Body);

    private static string Inner(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket)
            {
                return $"{socket.SocketErrorCode} ({socket.Message})";
            }
        }

        return e.Message;
    }
}

using System.Globalization;
using System.Text.Json;
using Refit;

namespace EdgeRisk.Evidence.Prometheus;

/// <summary>Instant queries (<c>/api/v1/query</c>) through <see cref="IPrometheusApi"/>, their answers as samples.</summary>
public sealed class PrometheusQueryClient
{
    private readonly IPrometheusApi _api;

    /// <param name="api">Its client's timeout bounds each query (<see cref="PrometheusClientFactory"/>).</param>
    public PrometheusQueryClient(IPrometheusApi api)
    {
        ArgumentNullException.ThrowIfNull(api);
        _api = api;
    }

    /// <summary>The Prometheus root (or the proxy in front of it) the queries go to.</summary>
    public Uri BaseUrl => _api.Client.BaseAddress!;

    /// <exception cref="PrometheusQueryException">Prometheus answered with an error or could not be reached.</exception>
    public async Task<IReadOnlyList<PrometheusSample>> QueryAsync(string expr, DateTimeOffset time, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(expr);
        string body;
        try
        {
            using var response = await _api.QueryAsync(expr, (time.ToUnixTimeMilliseconds() / 1000m).ToString(CultureInfo.InvariantCulture), cancellationToken);
            body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode && !IsPrometheusError(body))
            {
                // Not Prometheus speaking: e.g. Grafana's data source proxy refusing the call ({"message": "Unauthorized"}).
                throw new PrometheusQueryException($"Prometheus {BaseUrl} answered {(int)response.StatusCode} to '{expr}'{MessageOf(body)}");
            }
        }
        catch (Exception e) when (e is TaskCanceledException or ApiRequestException { InnerException: TaskCanceledException }
                                  && !cancellationToken.IsCancellationRequested)
        {
            throw new PrometheusQueryException($"Prometheus {BaseUrl} did not answer '{expr}' in time", e);
        }
        catch (Exception e) when (e is HttpRequestException or ApiRequestException)
        {
            throw new PrometheusQueryException($"Prometheus {BaseUrl} is unreachable ({e.Message}): start it or fix the URL", e);
        }

        return Parse(body, expr);
    }

    private static bool IsPrometheusError(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("status", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string MessageOf(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String
                ? $": {m.GetString()}"
                : string.Empty;
        }
        catch (JsonException)
        {
            return string.Empty;
        }
    }

    private static List<PrometheusSample> Parse(string body, string expr)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.GetProperty("status").GetString() != "success")
            {
                var type = root.TryGetProperty("errorType", out var t) ? t.GetString() : "error";
                var error = root.TryGetProperty("error", out var e) ? e.GetString() : "no error text";
                throw new PrometheusQueryException($"'{expr}': {type}: {error}");
            }

            var data = root.GetProperty("data");
            var result = data.GetProperty("result");
            return data.GetProperty("resultType").GetString() switch
            {
                "vector" => result.EnumerateArray().Select(s => Sample(s.GetProperty("metric"), s.GetProperty("value"))).ToList(),
                "scalar" => [Sample(default, result)],
                var other => throw new PrometheusQueryException($"'{expr}': unexpected result type '{other}' for an instant query"),
            };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new PrometheusQueryException($"'{expr}': Prometheus answered something that is not an API response ({e.Message})", e);
        }
    }

    private static PrometheusSample Sample(JsonElement metric, JsonElement pair)
    {
        var labels = metric.ValueKind == JsonValueKind.Object
            ? metric.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        var seconds = pair[0].GetDouble();
        var timestamp = DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000d));
        var value = pair[1].GetString() switch
        {
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            "NaN" => double.NaN,
            var text => double.Parse(text!, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
        return new PrometheusSample(labels, timestamp, value);
    }
}

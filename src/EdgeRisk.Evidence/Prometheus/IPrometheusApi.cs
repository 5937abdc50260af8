using Refit;

namespace EdgeRisk.Evidence.Prometheus;

/// <summary>The Prometheus HTTP API endpoints the gates read. Replies stay raw so they can be kept as evidence.</summary>
[Headers("Accept: application/json")]
public interface IPrometheusApi
{
    /// <summary>Instant query; with a range selector (<c>up[3h]</c>) it returns every raw sample with its own timestamp.</summary>
    [Get("/api/v1/query")]
    Task<HttpResponseMessage> QueryAsync(string query, string time, CancellationToken cancellationToken = default);

    /// <summary>Range query: the expression evaluated at start, start + step, … ≤ end (Unix seconds; step in seconds).</summary>
    [Get("/api/v1/query_range")]
    Task<HttpResponseMessage> QueryRangeAsync(string query, string start, string end, string step, CancellationToken cancellationToken = default);

    /// <summary><c>type</c>: alert or record.</summary>
    [Get("/api/v1/rules")]
    Task<HttpResponseMessage> GetRulesAsync(string type, CancellationToken cancellationToken = default);
}

using Refit;

namespace EdgeRisk.Evidence.Prometheus;

/// <summary>
/// The Prometheus HTTP API endpoints the gates, the dry run and the dashboard checks read: the one way this code base
/// queries Prometheus. Replies stay raw so they can be kept as evidence.
/// </summary>
[Headers("Accept: application/json")]
public interface IPrometheusApi
{
    /// <summary>The client the calls go through; its base address is the Prometheus root (or a proxy in front of it).</summary>
    HttpClient Client { get; }

    /// <summary>Instant query; with a range selector (<c>up[3h]</c>) it returns every raw sample with its own timestamp.</summary>
    [Get("/api/v1/query")]
    Task<HttpResponseMessage> QueryAsync(string query, string time, CancellationToken cancellationToken = default);

    /// <summary>Range query: the expression evaluated at start, start + step, … ≤ end (Unix seconds; step in seconds).</summary>
    [Get("/api/v1/query_range")]
    Task<HttpResponseMessage> QueryRangeAsync(string query, string start, string end, string step, CancellationToken cancellationToken = default);

    /// <summary><c>type</c>: alert or record; null for every rule group.</summary>
    [Get("/api/v1/rules")]
    Task<HttpResponseMessage> GetRulesAsync(string? type, CancellationToken cancellationToken = default);
}

using EdgeRisk.Evidence.Prometheus;

namespace EdgeRisk.Release.Grafana;

/// <summary>
/// Runs every panel query of the given dashboards (Grafana variables substituted) on a real Prometheus as an instant
/// query. A query passes when Prometheus executes it without error; an empty result is fine (no data yet).
/// </summary>
public sealed class DashboardQueryChecker
{
    private readonly PrometheusQueryClient _prometheus;
    private readonly TimeProvider _time;
    private readonly QueryTemplateOptions _template;

    public DashboardQueryChecker(PrometheusQueryClient prometheus, TimeProvider time, QueryTemplateOptions? template = null)
    {
        ArgumentNullException.ThrowIfNull(prometheus);
        ArgumentNullException.ThrowIfNull(time);
        _prometheus = prometheus;
        _time = time;
        _template = template ?? new QueryTemplateOptions();
    }

    public async Task<IReadOnlyList<QueryCheckResult>> CheckAsync(IEnumerable<PanelQuery> queries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var results = new List<QueryCheckResult>();
        foreach (var query in queries)
        {
            string executed;
            try
            {
                executed = QueryTemplate.Substitute(query.Expr, _template, query.AllValues);
            }
            catch (DashboardValidationException e)
            {
                results.Add(new QueryCheckResult(query, query.Expr, 0, e.Message));
                continue;
            }

            try
            {
                var samples = await _prometheus.QueryAsync(executed, _time.GetUtcNow(), cancellationToken);
                results.Add(new QueryCheckResult(query, executed, samples.Count, null));
            }
            catch (PrometheusQueryException e)
            {
                results.Add(new QueryCheckResult(query, executed, 0, e.Message));
            }
        }

        return results;
    }
}

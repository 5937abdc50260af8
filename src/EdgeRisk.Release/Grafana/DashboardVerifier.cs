using EdgeRisk.Evidence.Prometheus;

namespace EdgeRisk.Release.Grafana;

/// <summary>
/// Checks that every panel of the given dashboards shows live data: for each series selector a panel reads, the newest
/// sample (<c>max(timestamp(selector))</c> at now) must be less than the allowed lag behind the clock.
/// </summary>
public sealed class DashboardVerifier
{
    public static readonly TimeSpan DefaultMaxLag = TimeSpan.FromSeconds(2);

    private readonly PrometheusQueryClient _prometheus;
    private readonly TimeProvider _time;
    private readonly PanelLagEvaluator _evaluator;
    private readonly QueryTemplateOptions _template;

    public DashboardVerifier(PrometheusQueryClient prometheus, TimeProvider time, TimeSpan? maxLag = null, QueryTemplateOptions? template = null)
    {
        ArgumentNullException.ThrowIfNull(prometheus);
        ArgumentNullException.ThrowIfNull(time);
        _prometheus = prometheus;
        _time = time;
        _evaluator = new PanelLagEvaluator(time, maxLag ?? DefaultMaxLag);
        _template = template ?? new QueryTemplateOptions();
    }

    /// <exception cref="DashboardValidationException">A dashboard is missing, unreadable, or uses an unresolvable variable.</exception>
    /// <exception cref="PrometheusQueryException">Prometheus is unreachable or rejects a freshness query.</exception>
    public async Task<DashboardVerificationReport> VerifyAsync(IEnumerable<string> dashboardPaths, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dashboardPaths);
        var queries = dashboardPaths.SelectMany(DashboardPanels.ReadQueries).ToList();
        return await VerifyAsync(queries, cancellationToken);
    }

    public async Task<DashboardVerificationReport> VerifyAsync(IReadOnlyList<PanelQuery> queries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var newest = new Dictionary<string, DateTimeOffset?>(StringComparer.Ordinal);
        var panels = new List<PanelFreshness>();
        foreach (var panel in queries.GroupBy(q => (q.Dashboard, q.PanelId, q.PanelTitle)))
        {
            var selectors = panel
                .SelectMany(q => PromQlSelectors.Extract(QueryTemplate.Substitute(q.Expr, _template, q.AllValues)))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            var inputs = new List<SelectorFreshness>();
            foreach (var selector in selectors)
            {
                if (!newest.TryGetValue(selector, out var sample))
                {
                    sample = await NewestSampleAsync(selector, cancellationToken);
                    newest[selector] = sample;
                }

                inputs.Add(new SelectorFreshness(selector, sample));
            }

            panels.Add(_evaluator.Evaluate(panel.Key.Dashboard, panel.Key.PanelId, panel.Key.PanelTitle, inputs));
        }

        return new DashboardVerificationReport(panels, _evaluator.MaxLag);
    }

    private async Task<DateTimeOffset?> NewestSampleAsync(string selector, CancellationToken cancellationToken)
    {
        var samples = await _prometheus.QueryAsync($"max(timestamp({selector}))", _time.GetUtcNow(), cancellationToken);
        return samples.Count == 0 || double.IsNaN(samples[0].Value)
            ? null
            : DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(samples[0].Value * 1000d));
    }
}

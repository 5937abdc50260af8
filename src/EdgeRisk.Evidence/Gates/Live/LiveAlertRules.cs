using EdgeRisk.Evidence.Prometheus;

namespace EdgeRisk.Evidence.Gates.Live;

/// <summary>
/// The project's rules as the live evaluation runs them: its recording rules, and each alerting rule as the expression
/// of its firing <c>ALERTS</c> series (<see cref="AlertsRecordingRules"/>, the same conversion as the end-of-run
/// backfill, with its checks), plus the metric names they read. Loading fails with the rule file and the fix.
/// </summary>
public sealed record LiveAlertRules(IReadOnlyList<PrometheusRule> Recording, IReadOnlyList<PrometheusRule> Firing,
    IReadOnlySet<string> InputMetrics, TimeSpan Step)
{
    public static LiveAlertRules Load(IReadOnlyList<string> ruleFiles, TimeSpan step)
    {
        ArgumentNullException.ThrowIfNull(ruleFiles);
        var recording = AlertsRecordingRules.ProjectRecordingRules(ruleFiles, step)?.Groups.Single().Rules ?? [];
        var firing = AlertsRecordingRules.Build(ruleFiles, step).Groups.Single().Rules
            .Where(r => r.Record == AlertsRecordingRules.AlertsMetric && r.Labels?.GetValueOrDefault("alertstate") == "firing")
            .ToList();
        var inputs = recording.Concat(firing)
            .SelectMany(r => PromQlSelectors.Extract(r.Expr))
            .Select(MetricName)
            .OfType<string>()
            .Except(recording.Select(r => r.Record!))
            .ToHashSet(StringComparer.Ordinal);
        return new LiveAlertRules(recording, firing, inputs, step);
    }

    /// <summary>The metric name of a selector (<c>m</c>, <c>m{…}</c>, <c>{__name__="m",…}</c>); null when it names none.</summary>
    private static string? MetricName(string selector)
    {
        var brace = selector.IndexOf('{', StringComparison.Ordinal);
        if (brace > 0)
        {
            return selector[..brace].Trim();
        }

        if (brace < 0)
        {
            return selector.Trim();
        }

        const string named = "__name__=\"";
        var at = selector.IndexOf(named, StringComparison.Ordinal);
        return at < 0 ? null : selector[(at + named.Length)..].Split('"', 2)[0];
    }
}

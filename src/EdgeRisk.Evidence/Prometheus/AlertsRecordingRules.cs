using System.Globalization;

namespace EdgeRisk.Evidence.Prometheus;

/// <summary>
/// Rewrites alerting rules as recording rules that write the <c>ALERTS</c> series Prometheus itself would have written
/// while evaluating them every <c>step</c>, so <c>promtool tsdb create-blocks-from rules</c> (which evaluates recording
/// rules only) can backfill alert history. For a rule with labels L and expression E:
/// <list type="bullet">
/// <item><c>for: 0</c> → <c>ALERTS{alertname, alertstate="firing", L} = (E) ^ 0</c>: present exactly when E is.</item>
/// <item><c>for: F</c>, k = ⌈F/step⌉ → firing = <c>(count_over_time((E)[k·step+step−1ms : step]) &gt;= k+1) ^ 0</c>:
///   Prometheus fires once E held at k+1 consecutive evaluations (activeAt … activeAt + k·step ≥ F) and resets on the
///   first evaluation without it. The subquery evaluates E on the absolute step grid; a window of k·step+step−1ms holds
///   exactly k+1 grid points whatever the phase of the outer evaluation (promtool offsets each group by a hash),
///   and with either closed (Prometheus 2) or left-open (Prometheus 3) range boundaries. Pending =
///   E at the latest grid point, <c>unless</c> firing.</item>
/// </list>
/// <c>^ 0</c> turns every value (NaN and ±Inf too, unlike <c>* 0 + 1</c>) into 1 and drops the metric name, as ALERTS has.
/// Limits: each subquery point is one evaluation, so the step must be the data's scrape interval; states follow the
/// grid point at or before the evaluation (at most one step late); templated rule labels, <c>keep_firing_for</c> and
/// <c>ALERTS_FOR_STATE</c> are not reproduced. A marker <c>edgerisk_rules_evaluated</c> (= 1 at every evaluation)
/// tells "no alert fired" from "no rules evaluated".
/// </summary>
public static class AlertsRecordingRules
{
    public const string AlertsMetric = "ALERTS";
    public const string MarkerMetric = "edgerisk_rules_evaluated";
    public const string GroupName = "edgerisk-alerts-backfill";

    public static PrometheusRuleFile Build(IReadOnlyList<string> ruleFiles, TimeSpan step)
    {
        ArgumentNullException.ThrowIfNull(ruleFiles);
        RequireStep(step);
        var rules = new List<PrometheusRule> { new() { Record = MarkerMetric, Expr = "vector(1)" } };
        foreach (var (file, rule) in Rules(ruleFiles).Where(r => r.Rule.Alert is not null))
        {
            rules.AddRange(Convert(file, rule, step));
        }

        return SingleGroup(GroupName, step, rules);
    }

    /// <summary>The project's own recording rules, to backfill before the alerts that may read them; null when there are none.</summary>
    public static PrometheusRuleFile? ProjectRecordingRules(IReadOnlyList<string> ruleFiles, TimeSpan step)
    {
        ArgumentNullException.ThrowIfNull(ruleFiles);
        RequireStep(step);
        var rules = Rules(ruleFiles)
            .Where(r => r.Rule.Record is not null)
            .Select(r => new PrometheusRule { Record = r.Rule.Record, Expr = r.Rule.Expr, Labels = r.Rule.Labels })
            .ToList();
        return rules.Count == 0 ? null : SingleGroup("edgerisk-recording-backfill", step, rules);
    }

    public static int CountAlertingRules(IReadOnlyList<string> ruleFiles) => Rules(ruleFiles).Count(r => r.Rule.Alert is not null);

    private static IEnumerable<PrometheusRule> Convert(string file, PrometheusRule rule, TimeSpan step)
    {
        var what = $"{file}: alert {rule.Alert}";
        if (string.IsNullOrWhiteSpace(rule.Expr))
        {
            throw new EvidenceInputException($"{what} has no expr; give every alerting rule an expression");
        }

        if (rule.KeepFiringFor is not null && PrometheusDuration.Parse(rule.KeepFiringFor, what + " keep_firing_for") > TimeSpan.Zero)
        {
            throw new EvidenceInputException($"{what} uses keep_firing_for, which the alert backfill cannot reproduce; drop it or extend the rule's for");
        }

        var templated = rule.Labels?.FirstOrDefault(l => l.Value.Contains("{{", StringComparison.Ordinal));
        if (templated is { Key: not null })
        {
            throw new EvidenceInputException($"{what} label '{templated.Value.Key}' is templated, which recording rules cannot reproduce; use a constant label");
        }

        var hold = rule.For is null ? TimeSpan.Zero : PrometheusDuration.Parse(rule.For, what + " for");
        var expr = Parenthesise(rule.Expr.Trim());
        if (hold == TimeSpan.Zero)
        {
            yield return AlertsRule(rule, "firing", $"{expr} ^ 0");
            yield break;
        }

        var stepMs = (long)step.TotalMilliseconds;
        var k = (long)Math.Ceiling(hold.TotalMilliseconds / stepMs);
        var stepText = PrometheusDuration.Format(step);
        var held = string.Create(CultureInfo.InvariantCulture,
            $"count_over_time({expr}[{PrometheusDuration.Format(TimeSpan.FromMilliseconds((k * stepMs) + stepMs - 1))}:{stepText}]) >= {k + 1}");
        var latest = $"count_over_time({expr}[{PrometheusDuration.Format(TimeSpan.FromMilliseconds(stepMs - 1))}:{stepText}])";
        yield return AlertsRule(rule, "firing", $"({held}) ^ 0");
        yield return AlertsRule(rule, "pending", $"({latest} ^ 0) unless ({held})");
    }

    private static PrometheusRule AlertsRule(PrometheusRule alert, string state, string expr)
    {
        var labels = new Dictionary<string, string>(alert.Labels ?? [], StringComparer.Ordinal)
        {
            ["alertname"] = alert.Alert!,
            ["alertstate"] = state,
        };
        return new PrometheusRule { Record = AlertsMetric, Expr = expr, Labels = labels };
    }

    // A '#' starts a PromQL comment that would swallow the closing parenthesis on the same line.
    private static string Parenthesise(string expr) => expr.Contains('#', StringComparison.Ordinal) ? $"({expr}\n)" : $"({expr})";

    private static IEnumerable<(string File, PrometheusRule Rule)> Rules(IReadOnlyList<string> ruleFiles)
    {
        foreach (var file in ruleFiles)
        {
            foreach (var group in PrometheusRuleFile.Load(file).Groups)
            {
                foreach (var rule in group.Rules)
                {
                    if ((rule.Alert is null) == (rule.Record is null))
                    {
                        throw new EvidenceInputException($"{file}: group {group.Name} has a rule with {(rule.Alert is null ? "neither" : "both")} 'alert' and 'record'; give it exactly one");
                    }

                    yield return (file, rule);
                }
            }
        }
    }

    private static PrometheusRuleFile SingleGroup(string name, TimeSpan step, List<PrometheusRule> rules) =>
        new() { Groups = [new PrometheusRuleGroup { Name = name, Interval = PrometheusDuration.Format(step), Rules = rules }] };

    private static void RequireStep(TimeSpan step)
    {
        if (step < TimeSpan.FromMilliseconds(2))
        {
            throw new EvidenceInputException($"evaluation step {step} is too small; use the scrape interval (e.g. 15s)");
        }
    }
}

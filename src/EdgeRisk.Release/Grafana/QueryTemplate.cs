using System.Globalization;
using System.Text.RegularExpressions;

namespace EdgeRisk.Release.Grafana;

/// <summary>
/// Substitutes Grafana's built-in variables (<c>$__rate_interval</c>, <c>$__interval</c>, <c>$__interval_ms</c>,
/// <c>$__range</c>, <c>$__range_s</c>, <c>$__range_ms</c>, also as <c>${...}</c>) so a panel query runs on Prometheus as is.
/// A dashboard variable is replaced by its "All" value when the given "All" values have one; any other variable is an
/// error: the query could not be checked as Grafana would run it.
/// </summary>
public static partial class QueryTemplate
{
    /// <exception cref="DashboardValidationException">The query uses a variable this checker cannot resolve.</exception>
    public static string Substitute(string expr, QueryTemplateOptions options, IReadOnlyDictionary<string, string>? allValues = null)
    {
        ArgumentNullException.ThrowIfNull(expr);
        ArgumentNullException.ThrowIfNull(options);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["__rate_interval"] = Duration(options.RateInterval),
            ["__interval"] = Duration(options.Interval),
            ["__interval_ms"] = Milliseconds(options.Interval),
            ["__range"] = Duration(options.Range),
            ["__range_s"] = ((long)options.Range.TotalSeconds).ToString(CultureInfo.InvariantCulture),
            ["__range_ms"] = Milliseconds(options.Range),
        };
        return Variable().Replace(expr, match =>
        {
            var name = match.Groups["braced"].Success ? match.Groups["braced"].Value : match.Groups["plain"].Value;
            return values.TryGetValue(name, out var value) ? value
                : allValues is not null && allValues.TryGetValue(name, out var all) ? all
                : throw new DashboardValidationException(
                    $"query '{expr}' uses variable '{match.Value}', which cannot be resolved outside Grafana: use a built-in ($__rate_interval, $__interval, $__range), a literal, or a dashboard variable with includeAll and an allValue");
        });
    }

    private static string Duration(TimeSpan value) => value.Milliseconds == 0
        ? ((long)value.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s"
        : ((long)value.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms";

    private static string Milliseconds(TimeSpan value) => ((long)value.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\$\{(?<braced>[A-Za-z0-9_]+)(:[^}]*)?\}|\$(?<plain>[A-Za-z_][A-Za-z0-9_]*)|\[\[(?<plain>[A-Za-z0-9_]+)\]\]")]
    private static partial Regex Variable();
}

using System.Text;

namespace EdgeRisk.Staging.Tests.Scripts;

/// <summary>Builds OpenMetrics text for a Prometheus backfill: gauge series sampled every step, grouped per family, ending in # EOF.</summary>
public sealed class OpenMetricsBuilder
{
    private readonly Dictionary<string, StringBuilder> _families = new(StringComparer.Ordinal);

    /// <summary>Adds <paramref name="value"/>(t) for t = from, from + step, ..., to (Unix seconds); a null value skips the sample.</summary>
    public OpenMetricsBuilder Gauge(string name, string labels, long from, long to, long step, Func<long, double?> value)
    {
        if (!_families.TryGetValue(name, out var lines))
        {
            lines = new StringBuilder().Append("# TYPE ").Append(name).Append(" gauge\n");
            _families[name] = lines;
        }

        for (var t = from; t <= to; t += step)
        {
            if (value(t) is { } v)
            {
                lines.Append(CultureInfo.InvariantCulture, $"{name}{{{labels}}} {v.ToString("R", CultureInfo.InvariantCulture)} {t}\n");
            }
        }

        return this;
    }

    public string Build() => string.Concat(_families.Values.Select(f => f.ToString())) + "# EOF\n";
}


namespace EdgeRisk.Evidence;

/// <summary>Joins chunked replies back into one series per label set, sorted, without duplicate timestamps.</summary>
public static class SeriesMerge
{
    public static IReadOnlyList<TimeSeries> Merge(IEnumerable<TimeSeries> parts, GateWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        var groups = new Dictionary<string, List<TimeSeries>>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            var key = part.LabelText();
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = [];
            }

            list.Add(part);
        }

        var result = new List<TimeSeries>(groups.Count);
        foreach (var list in groups.Values)
        {
            var samples = list.SelectMany(p => p.Times.Zip(p.Values))
                .Where(s => s.First >= window.StartSeconds && s.First <= window.EndSeconds)
                .OrderBy(s => s.First).ToList();
            var times = new List<double>(samples.Count);
            var values = new List<double>(samples.Count);
            foreach (var (t, v) in samples)
            {
                if (times.Count > 0 && times[^1] == t)
                {
                    continue;
                }

                times.Add(t);
                values.Add(v);
            }

            result.Add(new TimeSeries(list[0].Labels, [.. times], [.. values]));
        }

        return result.OrderBy(s => s.LabelText(), StringComparer.Ordinal).ToList();
    }
}

namespace EdgeRisk.Evidence.Recordings;

/// <summary>
/// Maps a sample name to its OpenMetrics family and type. Declared types (<c># TYPE</c> lines of the recording, which
/// name counters with their <c>_total</c> suffix as the Prometheus text format does) win; without one, the suffixes
/// decide: <c>_total</c> is a counter, <c>_bucket</c> with <c>le</c> (and its <c>_sum</c>/<c>_count</c>) a histogram,
/// anything else <c>unknown</c>. OpenMetrics names a counter family without <c>_total</c>; a counter whose samples lack
/// the suffix cannot be written as one and becomes <c>unknown</c> under its own name, which stores the same series.
/// </summary>
public sealed class MetricFamilyClassifier
{
    private static readonly string[] HistogramSuffixes = ["_bucket", "_sum", "_count"];

    private readonly HashSet<string> _inferredHistograms = new(StringComparer.Ordinal);

    /// <summary>Notes the histograms of a snapshot before its samples are classified (the text format may put <c>_sum</c> before the buckets).</summary>
    public void Learn(RecordedSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        foreach (var sample in snapshot.Samples)
        {
            if (sample.Name.EndsWith("_bucket", StringComparison.Ordinal) && sample.Name.Length > "_bucket".Length && sample.Series.Label("le") is not null)
            {
                _inferredHistograms.Add(sample.Name[..^"_bucket".Length]);
            }
        }
    }

    public MetricFamily Classify(RecordedSeries series, IReadOnlyDictionary<string, string> declaredTypes)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(declaredTypes);
        var name = series.Name;
        if (declaredTypes.TryGetValue(name, out var declared))
        {
            return declared switch
            {
                "counter" when name.EndsWith("_total", StringComparison.Ordinal) => new MetricFamily(name[..^"_total".Length], "counter"),
                "gauge" => new MetricFamily(name, "gauge"),
                "summary" => new MetricFamily(name, "summary"),
                _ => new MetricFamily(name, "unknown"),
            };
        }

        foreach (var suffix in HistogramSuffixes)
        {
            if (!name.EndsWith(suffix, StringComparison.Ordinal) || name.Length == suffix.Length)
            {
                continue;
            }

            var baseName = name[..^suffix.Length];
            if (declaredTypes.TryGetValue(baseName, out var baseType) && (baseType == "histogram" || (baseType == "summary" && suffix != "_bucket")))
            {
                return new MetricFamily(baseName, baseType);
            }

            if (!declaredTypes.ContainsKey(baseName) && _inferredHistograms.Contains(baseName))
            {
                return new MetricFamily(baseName, "histogram");
            }
        }

        return name.EndsWith("_total", StringComparison.Ordinal) && name.Length > "_total".Length
            ? new MetricFamily(name[..^"_total".Length], "counter")
            : new MetricFamily(name, "unknown");
    }
}

namespace EdgeRisk.Evidence;

/// <summary>One series: its labels and samples sorted by time (Unix seconds). Values may hold NaN as read.</summary>
public sealed class TimeSeries
{
    public TimeSeries(IReadOnlyDictionary<string, string> labels, double[] times, double[] values)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(values);
        if (times.Length != values.Length)
        {
            throw new ArgumentException("times and values must have the same length", nameof(values));
        }

        Labels = labels;
        Times = times;
        Values = values;
    }

    public IReadOnlyDictionary<string, string> Labels { get; }

    public double[] Times { get; }

    public double[] Values { get; }

    public int Count => Times.Length;

    public string Label(string name) => Labels.TryGetValue(name, out var value) ? value : string.Empty;

    /// <summary>Labels as <c>{a="1", b="2"}</c>, sorted by name, for messages and identity.</summary>
    public string LabelText(params string[] exclude) =>
        "{" + string.Join(", ", Labels.Where(l => !exclude.Contains(l.Key)).OrderBy(l => l.Key, StringComparer.Ordinal)
            .Select(l => $"{l.Key}=\"{l.Value}\"")) + "}";

    /// <summary>Samples inside the window with finite values: NaN/Inf are missing data, never a reading.</summary>
    public TimeSeries Clean(GateWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        var start = window.StartSeconds;
        var end = window.EndSeconds;
        var keep = 0;
        for (var i = 0; i < Times.Length; i++)
        {
            if (Times[i] >= start && Times[i] <= end && double.IsFinite(Values[i]))
            {
                keep++;
            }
        }

        if (keep == Times.Length)
        {
            return this;
        }

        var times = new double[keep];
        var values = new double[keep];
        var j = 0;
        for (var i = 0; i < Times.Length; i++)
        {
            if (Times[i] >= start && Times[i] <= end && double.IsFinite(Values[i]))
            {
                times[j] = Times[i];
                values[j++] = Values[i];
            }
        }

        return new TimeSeries(Labels, times, values);
    }
}

namespace EdgeRisk.Evidence.Gates;

/// <summary>What a gate's PNG shows: one or more lines over time (Unix seconds) and the threshold line(s).</summary>
public sealed record GatePlot(string Title, string YLabel, IReadOnlyList<GatePlotLine> Lines, IReadOnlyList<double> Thresholds);

/// <summary>A plotted line, already thinned to a few thousand points.</summary>
public sealed record GatePlotLine(string Legend, double[] Times, double[] Values)
{
    private const int MaxPoints = 4000;

    /// <summary>Keeps the min and max of each bucket so spikes stay visible after thinning.</summary>
    public static GatePlotLine Thin(string legend, ReadOnlySpan<double> times, ReadOnlySpan<double> values)
    {
        if (times.Length <= MaxPoints)
        {
            return new GatePlotLine(legend, times.ToArray(), values.ToArray());
        }

        var buckets = MaxPoints / 2;
        var outTimes = new List<double>(MaxPoints);
        var outValues = new List<double>(MaxPoints);
        var size = (double)times.Length / buckets;
        for (var b = 0; b < buckets; b++)
        {
            var from = (int)(b * size);
            var to = Math.Min(times.Length, (int)((b + 1) * size));
            if (from >= to)
            {
                continue;
            }

            int min = from, max = from;
            for (var i = from; i < to; i++)
            {
                if (values[i] < values[min])
                {
                    min = i;
                }

                if (values[i] > values[max])
                {
                    max = i;
                }
            }

            foreach (var i in min <= max ? new[] { min, max } : [max, min])
            {
                outTimes.Add(times[i]);
                outValues.Add(values[i]);
            }
        }

        return new GatePlotLine(legend, [.. outTimes], [.. outValues]);
    }
}

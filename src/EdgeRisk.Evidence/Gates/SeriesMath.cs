namespace EdgeRisk.Evidence.Gates;

/// <summary>Numerics shared by the gates: coverage, median, least-squares slope.</summary>
public static class SeriesMath
{
    /// <summary>
    /// Share of the window covered by samples, each sample vouching for <paramref name="tolerance"/> seconds after it.
    /// Leading and trailing holes count as uncovered, so a series that starts late cannot pass.
    /// </summary>
    public static double Coverage(ReadOnlySpan<double> times, GateWindow window, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(window);
        var start = window.StartSeconds;
        var end = window.EndSeconds;
        if (end <= start)
        {
            return 0;
        }

        var covered = 0.0;
        var frontier = start;
        foreach (var t in times)
        {
            if (t < start || t > end)
            {
                continue;
            }

            var from = Math.Max(t, frontier);
            var to = Math.Min(t + tolerance, end);
            if (to > from)
            {
                covered += to - from;
                frontier = to;
            }
        }

        return covered / (end - start);
    }

    /// <summary>Lowest coverage over the series; 0 when there is none.</summary>
    public static double MinCoverage(IEnumerable<TimeSeries> series, GateWindow window, double tolerance)
    {
        var min = double.NaN;
        foreach (var s in series)
        {
            var c = Coverage(s.Times, window, tolerance);
            min = double.IsNaN(min) ? c : Math.Min(min, c);
        }

        return double.IsNaN(min) ? 0 : min;
    }

    public static double Median(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            return double.NaN;
        }

        var copy = values.ToArray();
        Array.Sort(copy);
        var mid = copy.Length / 2;
        return copy.Length % 2 == 1 ? copy[mid] : (copy[mid - 1] + copy[mid]) / 2;
    }

    /// <summary>Ordinary least-squares slope of value over time (per second); NaN for fewer than two distinct times.</summary>
    public static double OlsSlope(ReadOnlySpan<double> times, ReadOnlySpan<double> values)
    {
        var n = times.Length;
        if (n < 2)
        {
            return double.NaN;
        }

        // Centre time on the first sample: Unix seconds squared lose precision.
        var t0 = times[0];
        double sumT = 0, sumV = 0;
        for (var i = 0; i < n; i++)
        {
            sumT += times[i] - t0;
            sumV += values[i];
        }

        var meanT = sumT / n;
        var meanV = sumV / n;
        double sxy = 0, sxx = 0;
        for (var i = 0; i < n; i++)
        {
            var dt = times[i] - t0 - meanT;
            sxy += dt * (values[i] - meanV);
            sxx += dt * dt;
        }

        return sxx == 0 ? double.NaN : sxy / sxx;
    }

    /// <summary>Index range [from, to) of samples with from ≤ t &lt; to (times sorted).</summary>
    public static (int From, int To) Range(ReadOnlySpan<double> times, double from, double to)
    {
        var a = LowerBound(times, from);
        var b = LowerBound(times, to);
        return (a, Math.Max(a, b));
    }

    private static int LowerBound(ReadOnlySpan<double> times, double value)
    {
        int lo = 0, hi = times.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (times[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    public static string Duration(double seconds)
    {
        var span = TimeSpan.FromSeconds(Math.Round(seconds));
        return span.TotalHours >= 1 ? $"{(int)span.TotalHours}h{span.Minutes:00}m{span.Seconds:00}s"
            : span.TotalMinutes >= 1 ? $"{span.Minutes}m{span.Seconds:00}s" : $"{span.Seconds}s";
    }

    public static string At(double unixSeconds) => GateWindow.FromSeconds(unixSeconds).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
}

namespace EdgeRisk.Evidence.Gates;

/// <summary>
/// No memory creep, per job on <c>process_resident_memory_bytes</c>: after the warm-up (1 h shipped), B = median of the
/// baseline after it (1 h); FAIL if OLS slope × (window after warm-up) / B ≥ failRatio (3%) or median(last window, 1 h) / B − 1 ≥ failRatio.
/// </summary>
public static class RssDriftGate
{
    public static GateResult Evaluate(GateWindow window, IReadOnlyList<TimeSeries> rss, GateSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(rss);
        settings ??= GateSettings.Default;
        var threshold = settings.RssDriftFailRatio;
        var warmUp = settings.RssWarmUp.TotalSeconds;
        var baselineLength = settings.RssBaseline.TotalSeconds;
        var lastLength = settings.RssLastWindow.TotalSeconds;
        if (window.LengthSeconds < warmUp + baselineLength + lastLength)
        {
            return GateResult.Inconclusive(GateNames.RssDrift, threshold,
                $"window of {SeriesMath.Duration(window.LengthSeconds)} is shorter than warm-up + baseline + last window " +
                $"({SeriesMath.Duration(warmUp + baselineLength + lastLength)})");
        }

        var clean = rss.Select(s => s.Clean(window)).Where(s => s.Count > 0).ToList();
        var unknowns = settings.RequiredJobs.Where(j => clean.All(s => s.Label("job") != j)).Select(j => $"no process_resident_memory_bytes for job {j}").ToList();
        if (clean.Count == 0)
        {
            unknowns.Add("no process_resident_memory_bytes samples in the window");
        }

        var failures = new List<string>();
        var worst = double.NegativeInfinity;
        var lines = new List<GatePlotLine>();
        var fitFrom = window.StartSeconds + warmUp;
        var remaining = window.EndSeconds - fitFrom;
        var notes = new List<string>();
        foreach (var s in clean)
        {
            var name = s.LabelText("__name__");
            var (b0, b1) = SeriesMath.Range(s.Times, fitFrom, fitFrom + baselineLength);
            var baseline = SeriesMath.Median(s.Values.AsSpan(b0, b1 - b0));
            if (!(baseline > 0))
            {
                unknowns.Add($"no positive baseline for {name} in the hour after warm-up");
                continue;
            }

            var (f0, f1) = SeriesMath.Range(s.Times, fitFrom, double.PositiveInfinity);
            var slope = SeriesMath.OlsSlope(s.Times.AsSpan(f0, f1 - f0), s.Values.AsSpan(f0, f1 - f0));
            var (l0, l1) = SeriesMath.Range(s.Times, window.EndSeconds - lastLength, double.PositiveInfinity);
            var lastMedian = SeriesMath.Median(s.Values.AsSpan(l0, l1 - l0));
            if (double.IsNaN(slope) || double.IsNaN(lastMedian))
            {
                unknowns.Add($"too few samples after warm-up for {name}");
                continue;
            }

            var trend = slope * remaining / baseline;
            var last = (lastMedian / baseline) - 1;
            var drift = Math.Max(trend, last);
            worst = Math.Max(worst, drift);
            notes.Add($"{s.Label("job")}: trend {GateText.SignedPercent(trend)}, last hour {GateText.SignedPercent(last)}");
            if (drift >= threshold)
            {
                failures.Add($"{name} grows {GateText.SignedPercent(drift)} (trend {GateText.SignedPercent(trend)}, last-hour median {GateText.SignedPercent(last)}; B = {baseline:0} bytes) ≥ {threshold:P0}");
            }

            var ratio = new double[f1 - f0];
            for (var i = f0; i < f1; i++)
            {
                ratio[i - f0] = (s.Values[i] / baseline) - 1;
            }

            lines.Add(GatePlotLine.Thin(s.Label("job"), s.Times.AsSpan(f0, f1 - f0), ratio));
            var coverage = SeriesMath.Coverage(s.Times, window, settings.CoverageSampleTolerance.TotalSeconds);
            if (coverage < settings.MinCoverage)
            {
                unknowns.Add($"process_resident_memory_bytes{name} covers {coverage:P1} of the window (< {settings.MinCoverage:P0})");
            }
        }

        var plot = new GatePlot("rss_drift: RSS / B − 1 after warm-up", "ratio", lines, [threshold]);
        double? value = double.IsNegativeInfinity(worst) ? null : worst;
        if (failures.Count > 0)
        {
            return new GateResult(GateNames.RssDrift, GateStatus.Fail, value, threshold, GateText.Summarise(failures), threshold - worst, false, plot);
        }

        if (unknowns.Count > 0)
        {
            return GateResult.Inconclusive(GateNames.RssDrift, threshold, GateText.Summarise(unknowns), plot);
        }

        return new GateResult(GateNames.RssDrift, GateStatus.Pass, value, threshold, string.Join("; ", notes), threshold - worst, false, plot);
    }
}

namespace EdgeRisk.Evidence.Gates;

/// <summary>
/// Paper tracks the simulation: P(t) = Σ pnl_usd{book="paper"}, S(t) = Σ pnl_usd{book="sim"};
/// drift(t) = ((P(t) − P(start)) − (S(t) − S(start))) / σ, σ = std-dev of 48 h sim PnL. PASS iff max |drift| ≤ maxAbsDriftSigmas (0.5 shipped).
/// Series are held at their last value between samples; the start is the first instant every series has a value.
/// </summary>
public static class PnlDriftGate
{
    /// <param name="configMismatch">Why σ does not belong to the configuration run (<see cref="PnlSigmaConfig.MismatchWith"/>): INCONCLUSIVE.</param>
    public static GateResult Evaluate(GateWindow window, IReadOnlyList<TimeSeries> pnl, decimal? sigmaUsd, GateSettings? settings = null, string? configMismatch = null)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(pnl);
        settings ??= GateSettings.Default;
        var threshold = settings.MaxPnlDriftSigmas;
        var clean = pnl.Select(s => s.Clean(window)).Where(s => s.Count > 0).ToList();
        var paper = clean.Where(s => s.Label("book") == "paper").ToList();
        var sim = clean.Where(s => s.Label("book") == "sim").ToList();
        if (paper.Count == 0 || sim.Count == 0)
        {
            return GateResult.Inconclusive(GateNames.PnlDrift, threshold,
                $"pnl_usd has {paper.Count} paper and {sim.Count} sim series in the window (need both books)");
        }

        if (sigmaUsd is not { } sigmaDecimal || sigmaDecimal <= 0)
        {
            return GateResult.Inconclusive(GateNames.PnlDrift, threshold,
                $"no positive σ of sim PnL ({(sigmaUsd is null ? "none given" : $"{sigmaUsd} USD")}): pass --pnl-sigma-usd or provide artifacts/sim/pnl_stats.json field pnl_sigma_usd");
        }

        if (configMismatch is not null)
        {
            return GateResult.Inconclusive(GateNames.PnlDrift, threshold, configMismatch);
        }

        var sigma = (double)sigmaDecimal;
        var (times, drift) = Drift(paper.Concat(sim).ToList(), paper.Count, sigma);
        var plot = new GatePlot("pnl_drift: (paper − sim) / σ", "σ", [GatePlotLine.Thin("drift", times, drift)], [threshold, -threshold]);
        var maxAbs = 0.0;
        var at = double.NaN;
        for (var i = 0; i < drift.Length; i++)
        {
            if (Math.Abs(drift[i]) > maxAbs)
            {
                maxAbs = Math.Abs(drift[i]);
                at = times[i];
            }
        }

        var when = double.IsNaN(at) ? string.Empty : $" at {SeriesMath.At(at)}";
        var summary = $"max |drift| {maxAbs:0.####}σ{when} (σ = {sigmaDecimal} USD, {paper.Count} paper / {sim.Count} sim series)";
        if (maxAbs > threshold)
        {
            return new GateResult(GateNames.PnlDrift, GateStatus.Fail, maxAbs, threshold, summary + $" > {threshold}σ", threshold - maxAbs, false, plot);
        }

        var coverage = SeriesMath.MinCoverage(clean, window, settings.CoverageSampleTolerance.TotalSeconds);
        if (coverage < settings.MinCoverage || times.Length == 0)
        {
            return GateResult.Inconclusive(GateNames.PnlDrift, threshold, $"pnl_usd covers {coverage:P1} of the window (< {settings.MinCoverage:P0}); {summary}", plot);
        }

        return new GateResult(GateNames.PnlDrift, GateStatus.Pass, maxAbs, threshold, summary, threshold - maxAbs, false, plot);
    }

    /// <summary>Merges the series (first <paramref name="paperCount"/> are paper) on their joint timeline.</summary>
    private static (double[] Times, double[] Drift) Drift(List<TimeSeries> series, int paperCount, double sigma)
    {
        var k = series.Count;
        var idx = new int[k];
        var current = new double[k];
        var seen = 0;
        var have = new bool[k];
        var capacity = series.Max(s => s.Count);
        var times = new List<double>(capacity);
        var drift = new List<double>(capacity);
        double p0 = 0, s0 = 0;
        var started = false;
        while (true)
        {
            var next = double.PositiveInfinity;
            for (var j = 0; j < k; j++)
            {
                if (idx[j] < series[j].Count && series[j].Times[idx[j]] < next)
                {
                    next = series[j].Times[idx[j]];
                }
            }

            if (double.IsPositiveInfinity(next))
            {
                break;
            }

            for (var j = 0; j < k; j++)
            {
                if (idx[j] < series[j].Count && series[j].Times[idx[j]] == next)
                {
                    current[j] = series[j].Values[idx[j]++];
                    if (!have[j])
                    {
                        have[j] = true;
                        seen++;
                    }
                }
            }

            if (seen < k)
            {
                continue;
            }

            double p = 0, s = 0;
            for (var j = 0; j < k; j++)
            {
                if (j < paperCount)
                {
                    p += current[j];
                }
                else
                {
                    s += current[j];
                }
            }

            if (!started)
            {
                (p0, s0, started) = (p, s, true);
            }

            times.Add(next);
            drift.Add(((p - p0) - (s - s0)) / sigma);
        }

        return ([.. times], [.. drift]);
    }
}

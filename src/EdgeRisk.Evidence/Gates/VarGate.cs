namespace EdgeRisk.Evidence.Gates;

/// <summary>Max <c>var_pct</c> over every raw sample of the window ≤ 95 (a two-minute spike is a sample like any other).</summary>
public static class VarGate
{
    public static GateResult Evaluate(GateWindow window, IReadOnlyList<TimeSeries> varPct, GateSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(varPct);
        settings ??= GateSettings.Default;
        var threshold = settings.MaxVarPct;
        var clean = varPct.Select(s => s.Clean(window)).Where(s => s.Count > 0).ToList();
        if (clean.Count == 0)
        {
            return GateResult.Inconclusive(GateNames.Var, threshold, "no var_pct samples in the window");
        }

        var max = double.NegativeInfinity;
        var at = 0.0;
        var above = 0;
        foreach (var s in clean)
        {
            for (var i = 0; i < s.Count; i++)
            {
                if (s.Values[i] > max)
                {
                    max = s.Values[i];
                    at = s.Times[i];
                }

                if (s.Values[i] > threshold)
                {
                    above++;
                }
            }
        }

        var plot = new GatePlot("var: var_pct", "% of VaR limit", clean.Select(s => GatePlotLine.Thin("var_pct" + s.LabelText("__name__"), s.Times, s.Values)).ToList(), [threshold]);
        var samples = clean.Sum(s => s.Count);
        if (max > threshold)
        {
            return new GateResult(GateNames.Var, GateStatus.Fail, max, threshold,
                $"var_pct reached {max:0.####} at {SeriesMath.At(at)} (> {threshold}); {above} of {samples} samples above", threshold - max, true, plot);
        }

        var coverage = SeriesMath.MinCoverage(clean, window, settings.CoverageSampleTolerance.TotalSeconds);
        if (coverage < settings.MinCoverage)
        {
            return GateResult.Inconclusive(GateNames.Var, threshold, $"var_pct covers {coverage:P1} of the window (< {settings.MinCoverage:P0}); max so far {max:0.####}", plot);
        }

        return new GateResult(GateNames.Var, GateStatus.Pass, max, threshold, $"max var_pct {max:0.####} at {SeriesMath.At(at)} over {samples} samples", threshold - max, false, plot);
    }
}

namespace EdgeRisk.Evidence.Gates;

/// <summary>Advisory VaR backtest (never gates): Kupiec POF and Christoffersen independence, each an LR statistic with its χ²(1) p-value.</summary>
public sealed record VarBacktest(bool Computable, string Detail, int Periods, int Exceptions, double? KupiecLr, double? KupiecP,
    double? ChristoffersenLr, double? ChristoffersenP)
{
    public static VarBacktest NotComputable(string why) => new(false, "not computable: " + why, 0, 0, null, null, null, null);

    /// <summary>
    /// Splits the window into periods of <paramref name="horizon"/>; a period is an exception when the paper loss over
    /// it exceeds the VaR in USD at its start (var_pct / 100 × <paramref name="varLimitUsd"/>).
    /// </summary>
    public static VarBacktest Compute(GateWindow window, IReadOnlyList<TimeSeries> pnl, IReadOnlyList<TimeSeries> varPct,
        decimal? varLimitUsd, TimeSpan horizon, double confidence)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(pnl);
        ArgumentNullException.ThrowIfNull(varPct);
        if (varLimitUsd is not { } limitDecimal || limitDecimal <= 0)
        {
            return NotComputable("the VaR limit in USD is unknown (pass --var-limit-usd)");
        }

        var paper = pnl.Where(s => s.Label("book") == "paper").Select(s => s.Clean(window)).Where(s => s.Count > 0).ToList();
        var vars = varPct.Select(s => s.Clean(window)).Where(s => s.Count > 0).ToList();
        if (paper.Count == 0 || vars.Count == 0)
        {
            return NotComputable("pnl_usd{book=\"paper\"} or var_pct is absent");
        }

        var limit = (double)limitDecimal;
        var h = horizon.TotalSeconds;
        var exceptions = new List<bool>();
        for (var t = window.StartSeconds; t + h <= window.EndSeconds; t += h)
        {
            var before = SumAt(paper, t);
            var after = SumAt(paper, t + h);
            var v = MaxAt(vars, t);
            if (double.IsNaN(before) || double.IsNaN(after) || double.IsNaN(v))
            {
                continue;
            }

            exceptions.Add(before - after > v / 100 * limit);
        }

        var n = exceptions.Count;
        if (n < 2)
        {
            return NotComputable($"only {n} period(s) of {SeriesMath.Duration(h)} with both PnL and VaR");
        }

        var x = exceptions.Count(e => e);
        var p = 1 - confidence;
        var kupiec = KupiecPof(n, x, p);
        var christoffersen = ChristoffersenIndependence(exceptions);
        return new VarBacktest(true, $"{x} exception(s) in {n} periods of {SeriesMath.Duration(h)} at {confidence:P1} (expected {n * p:0.##})",
            n, x, kupiec, ChiSquare1PValue(kupiec), christoffersen, ChiSquare1PValue(christoffersen));
    }

    public static double KupiecPof(int n, int x, double p)
    {
        var observed = (double)x / n;
        var nullLog = ((n - x) * Math.Log(1 - p)) + (x * Math.Log(p));
        var altLog = XLogY(n - x, 1 - observed) + XLogY(x, observed);
        return Math.Max(0, -2 * (nullLog - altLog));
    }

    public static double ChristoffersenIndependence(IReadOnlyList<bool> hits)
    {
        ArgumentNullException.ThrowIfNull(hits);
        int n00 = 0, n01 = 0, n10 = 0, n11 = 0;
        for (var i = 1; i < hits.Count; i++)
        {
            switch (hits[i - 1], hits[i])
            {
                case (false, false): n00++; break;
                case (false, true): n01++; break;
                case (true, false): n10++; break;
                default: n11++; break;
            }
        }

        var pi0 = n00 + n01 == 0 ? 0 : (double)n01 / (n00 + n01);
        var pi1 = n10 + n11 == 0 ? 0 : (double)n11 / (n10 + n11);
        var pi = (double)(n01 + n11) / Math.Max(1, n00 + n01 + n10 + n11);
        var nullLog = XLogY(n00 + n10, 1 - pi) + XLogY(n01 + n11, pi);
        var altLog = XLogY(n00, 1 - pi0) + XLogY(n01, pi0) + XLogY(n10, 1 - pi1) + XLogY(n11, pi1);
        return Math.Max(0, -2 * (nullLog - altLog));
    }

    /// <summary>P(χ²₁ ≥ lr) = erfc(√(lr/2)).</summary>
    public static double ChiSquare1PValue(double lr) => Erfc(Math.Sqrt(lr / 2));

    private static double XLogY(double x, double y) => x == 0 ? 0 : x * Math.Log(y);

    // Numerical Recipes erfc (Chebyshev fit, relative error < 1.2e-7): ample for an advisory p-value.
    private static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + (0.5 * z));
        double[] c = [-1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277];
        var poly = 0.0;
        for (var i = c.Length - 1; i >= 1; i--)
        {
            poly = (poly + c[i]) * t;
        }

        var r = t * Math.Exp((-z * z) + c[0] + poly);
        return x >= 0 ? r : 2 - r;
    }

    private static double SumAt(List<TimeSeries> series, double t)
    {
        var sum = 0.0;
        foreach (var s in series)
        {
            var (_, to) = SeriesMath.Range(s.Times, double.NegativeInfinity, t + 1e-9);
            if (to == 0)
            {
                return double.NaN;
            }

            sum += s.Values[to - 1];
        }

        return sum;
    }

    private static double MaxAt(List<TimeSeries> series, double t)
    {
        var max = double.NaN;
        foreach (var s in series)
        {
            var (_, to) = SeriesMath.Range(s.Times, double.NegativeInfinity, t + 1e-9);
            if (to > 0)
            {
                max = double.IsNaN(max) ? s.Values[to - 1] : Math.Max(max, s.Values[to - 1]);
            }
        }

        return max;
    }
}

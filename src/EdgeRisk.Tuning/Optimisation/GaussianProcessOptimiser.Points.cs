using MathNet.Numerics.Distributions;

namespace EdgeRisk.Tuning.Optimisation;

/// <summary>Points of the unit cube: snapping to the space, random and perturbed points, taken points, standardising.</summary>
public sealed partial class GaussianProcessOptimiser
{
    /// <summary>Whether a trial was already asked at this point (told or pending): rounding ints can map candidates onto one.</summary>
    private bool IsTaken(double[] snapped) =>
        _book.Results.Select(r => r.Trial).Concat(_book.Pending).Any(t => Distance(_book.Space.ToUnit(t.Values), snapped) < Same);

    /// <summary>A random point not asked yet; when a small integer space has none left, a random point.</summary>
    private double[] Untaken()
    {
        for (var i = 0; i < 10_000; i++)
        {
            var point = Snap(RandomPoint(_book.Space.Dimensions));
            if (!IsTaken(point))
            {
                return point;
            }
        }

        return Snap(RandomPoint(_book.Space.Dimensions));
    }

    private static double[] Standardise(double[] raw, out double mean, out double sd)
    {
        var m = raw.Average();
        var s = Math.Sqrt(raw.Sum(v => (v - m) * (v - m)) / raw.Length);
        if (!(s > 1e-12))
        {
            s = 1d;
        }

        (mean, sd) = (m, s);
        return raw.Select(v => (v - m) / s).ToArray();
    }

    private double[] Snap(double[] unit) => _book.Space.ToUnit(_book.Space.FromUnit(unit));

    private double[] RandomPoint(int d)
    {
        var p = new double[d];
        for (var i = 0; i < d; i++)
        {
            p[i] = _random.NextDouble();
        }

        return p;
    }

    private double[] Perturb(double[] p, double sd)
    {
        var q = new double[p.Length];
        for (var i = 0; i < p.Length; i++)
        {
            q[i] = Math.Clamp(p[i] + (sd * Normal.Sample(_random, 0d, 1d)), 0d, 1d);
        }

        return q;
    }

    private static double Distance(double[] a, double[] b)
    {
        var s = 0d;
        for (var i = 0; i < a.Length; i++)
        {
            s = Math.Max(s, Math.Abs(a[i] - b[i]));
        }

        return s;
    }
}

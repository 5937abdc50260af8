using EdgeRisk.Tuning.SearchSpace;

namespace EdgeRisk.Tuning.Optimisation;

/// <summary>A known test function for the optimisers: its space, its global minimum and the function.</summary>
public sealed record TestFunction(string Name, TuneSpace Space, double Minimum, Func<IReadOnlyList<double>, double> Evaluate)
{
    /// <summary>Branin-Hoo on [-5, 10] × [0, 15]; minimum 0.397887 at three points.</summary>
    public static TestFunction Branin { get; } = new(
        "Branin",
        new TuneSpace([new ParameterSpec("x1", -5d, 10d), new ParameterSpec("x2", 0d, 15d)]),
        0.397887357729739,
        v =>
        {
            const double b = 5.1 / (4d * Math.PI * Math.PI), c = 5d / Math.PI, t = 1d / (8d * Math.PI);
            var a = v[1] - (b * v[0] * v[0]) + (c * v[0]) - 6d;
            return (a * a) + (10d * (1d - t) * Math.Cos(v[0])) + 10d;
        });

    /// <summary>Hartmann-6 on [0, 1]^6; minimum −3.32237.</summary>
    public static TestFunction Hartmann6 { get; } = new(
        "Hartmann-6",
        new TuneSpace(Enumerable.Range(1, 6).Select(i => new ParameterSpec($"x{i}", 0d, 1d)).ToArray()),
        -3.32236801141551,
        Hartmann6Value);

    /// <summary>True when <paramref name="value"/> is within <paramref name="fraction"/> of the minimum (|f − f*| ≤ fraction·|f*|).</summary>
    public bool Reached(double value, double fraction) => value - Minimum <= fraction * Math.Abs(Minimum);

    private static readonly double[] Alpha = [1.0, 1.2, 3.0, 3.2];

    private static readonly double[,] A =
    {
        { 10, 3, 17, 3.5, 1.7, 8 },
        { 0.05, 10, 17, 0.1, 8, 14 },
        { 3, 3.5, 1.7, 10, 17, 8 },
        { 17, 8, 0.05, 10, 0.1, 14 },
    };

    private static readonly double[,] P =
    {
        { 0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886 },
        { 0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991 },
        { 0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650 },
        { 0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381 },
    };

    private static double Hartmann6Value(IReadOnlyList<double> x)
    {
        var sum = 0d;
        for (var i = 0; i < 4; i++)
        {
            var inner = 0d;
            for (var j = 0; j < 6; j++)
            {
                var d = x[j] - P[i, j];
                inner += A[i, j] * d * d;
            }

            sum += Alpha[i] * Math.Exp(-inner);
        }

        return -sum;
    }
}

namespace EdgeRisk.Tuning.Optimisation;

/// <summary>Hyper-parameters of a Matern-5/2 ARD kernel, all in log space: one length-scale per input, signal and noise variance.</summary>
internal sealed record KernelParameters(double[] LogLengthScales, double LogSignal, double LogNoise)
{
    public const double MinLogLength = -4.6; // 0.01 of the unit cube
    public const double MaxLogLength = 2.3;  // ten unit cubes: the input barely matters
    public const double MinLogSignal = -3d;
    public const double MaxLogSignal = 3d;
    public const double MinLogNoise = -13.8; // 1e-6 of the standardised variance
    public const double MaxLogNoise = -2.3;

    /// <summary>Log-normal prior on each length-scale (median 0.5 of the unit cube, σ 0.75 in log space): without it, an
    /// input the early data do not show varying gets a huge length-scale and is never explored again (Hartmann-6 then sticks
    /// in its −3.20 local minimum).</summary>
    public const double PriorLogLength = -0.693;
    public const double PriorLogLengthSd = 0.75;

    public static KernelParameters Default(int dimensions) => new(Enumerable.Repeat(Math.Log(0.3), dimensions).ToArray(), 0d, -9d);

    /// <summary>The log of the length-scale prior (up to a constant).</summary>
    public double LogPrior() => LogLengthScales.Sum(l => -0.5 * Math.Pow((l - PriorLogLength) / PriorLogLengthSd, 2d));

    public double[] ToVector() => [.. LogLengthScales, LogSignal, LogNoise];

    public static KernelParameters FromVector(double[] v)
    {
        var d = v.Length - 2;
        var lengths = new double[d];
        for (var i = 0; i < d; i++)
        {
            lengths[i] = Math.Clamp(v[i], MinLogLength, MaxLogLength);
        }

        return new KernelParameters(lengths, Math.Clamp(v[d], MinLogSignal, MaxLogSignal), Math.Clamp(v[d + 1], MinLogNoise, MaxLogNoise));
    }
}

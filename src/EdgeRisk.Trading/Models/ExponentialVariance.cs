namespace EdgeRisk.Trading.Models;

/// <summary>Exponentially weighted mean and variance (West's incremental form).</summary>
public struct ExponentialVariance
{
    private readonly double _alpha;

    public ExponentialVariance(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _alpha = 2d / (period + 1d);
        Mean = 0d;
        Variance = 0d;
        Samples = 0;
    }

    public double Mean { get; private set; }

    public double Variance { get; private set; }

    public readonly double StdDev => Math.Sqrt(Variance);

    public long Samples { get; private set; }

    public void Add(double sample)
    {
        if (Samples == 0)
        {
            Mean = sample;
        }
        else
        {
            var diff = sample - Mean;
            var increment = _alpha * diff;
            Mean += increment;
            Variance = (1d - _alpha) * (Variance + (diff * increment));
        }

        Samples++;
    }
}

namespace EdgeRisk.Trading.Models;

/// <summary>Exponential moving average with α = 2 / (period + 1), seeded with the first sample.</summary>
public struct ExponentialAverage
{
    private readonly double _alpha;

    public ExponentialAverage(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        _alpha = 2d / (period + 1d);
        Value = 0d;
        Samples = 0;
    }

    public int Period { get; }

    public double Value { get; private set; }

    public long Samples { get; private set; }

    /// <summary>True once <see cref="Period"/> samples have been seen.</summary>
    public readonly bool IsReady => Samples >= Period;

    public void Add(double sample)
    {
        Value = Samples == 0 ? sample : Value + (_alpha * (sample - Value));
        Samples++;
    }
}

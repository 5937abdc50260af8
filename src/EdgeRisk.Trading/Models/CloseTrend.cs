namespace EdgeRisk.Trading.Models;

/// <summary>
/// A symbol's trend from its trade closes: a fast and a slow EMA of the closes and the exponentially weighted variance
/// of their log returns (the long-horizon model and the regime router both measure trend and noise this way).
/// </summary>
internal struct CloseTrend(int fastPeriod, int slowPeriod, int returnsPeriod)
{
    public ExponentialAverage Fast = new(fastPeriod);
    public ExponentialAverage Slow = new(slowPeriod);
    public ExponentialVariance Returns = new(returnsPeriod);
    public double LastClose;

    public void Add(double close)
    {
        if (LastClose > 0d)
        {
            Returns.Add(Math.Log(close / LastClose));
        }

        LastClose = close;
        Fast.Add(close);
        Slow.Add(close);
    }
}

namespace EdgeRisk.Trading.Risk;

/// <summary>
/// EWMA covariance of per-step returns: Σᵢⱼ ← λ·Σᵢⱼ + (1 − λ)·rᵢ·rⱼ. Symbols trade asynchronously (equities
/// only in session), so a pair is updated only in steps where both have a return; a symbol without a bar does
/// not decay its variance toward zero overnight.
/// </summary>
public sealed class EwmaCovariance
{
    private readonly double _lambda;
    private readonly double[] _cov;
    private readonly long[] _count;

    public EwmaCovariance(int maxSymbols, double lambda)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSymbols, 1);
        if (!(lambda > 0d && lambda < 1d))
        {
            throw new ArgumentOutOfRangeException(nameof(lambda), "lambda must be in (0, 1).");
        }

        MaxSymbols = maxSymbols;
        _lambda = lambda;
        _cov = new double[maxSymbols * maxSymbols];
        _count = new long[maxSymbols];
    }

    public int MaxSymbols { get; }

    public double this[int i, int j] => _cov[(i * MaxSymbols) + j];

    /// <summary>Returns observed for a symbol so far.</summary>
    public long Count(int i) => _count[i];

    /// <summary>Adds one step; <paramref name="present"/> marks which symbols had a return in it.</summary>
    public void Update(ReadOnlySpan<double> returns, ReadOnlySpan<bool> present)
    {
        var n = Math.Min(returns.Length, MaxSymbols);
        Span<bool> fresh = stackalloc bool[n];
        for (var i = 0; i < n; i++)
        {
            fresh[i] = present[i] && _count[i] == 0;
        }

        for (var i = 0; i < n; i++)
        {
            if (!present[i])
            {
                continue;
            }

            for (var j = 0; j < n; j++)
            {
                if (!present[j])
                {
                    continue;
                }

                ref var c = ref _cov[(i * MaxSymbols) + j];
                var product = returns[i] * returns[j];
                // Seed a fresh symbol's row and column with its first observation instead of decaying from zero.
                c = fresh[i] || fresh[j] ? product : (_lambda * c) + ((1d - _lambda) * product);
            }
        }

        for (var i = 0; i < n; i++)
        {
            if (present[i])
            {
                _count[i]++;
            }
        }
    }
}

using EdgeRisk.Trading.Domain;
using EdgeRisk.Trading.Routing;

namespace EdgeRisk.Trading.Risk;

/// <summary>
/// Combines the horizons' desired positions (wₛ·qₛ + wₗ·qₗ per symbol) and scales the whole portfolio so that
/// its 99% one-day parametric VaR = z·√(xᵀΣx) (x = USD exposures, Σ = EWMA λ covariance of 1-minute log
/// returns scaled to a day) stays at or below <see cref="RiskOptions.ScaleDownAt"/> × limit. VaR is
/// homogeneous in x, so one scale factor lands on the target.
/// Symbols whose covariance is not warmed up get a zero target (fail closed).
/// </summary>
public sealed class VarRiskHarmoniser : IRiskHarmoniser
{
    private readonly RiskOptions _options;
    private readonly EwmaCovariance _covariance;
    private readonly double[] _lastClose;
    private readonly double[] _pending;
    private readonly bool[] _present;
    private readonly double[] _sqrtBarsPerDay;
    private readonly double[] _exposure;
    private readonly double _limit;
    private int _dimension;
    private DateTime _stepTime;

    public VarRiskHarmoniser(RiskOptions? options = null)
    {
        _options = options ?? new RiskOptions();
        if (_options.VarLimitUsd <= 0m || !(_options.ScaleDownAt > 0d && _options.ScaleDownAt <= 1d) || _options.ZScore <= 0d || _options.WarmupReturns < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "VarLimitUsd and ZScore must be > 0, ScaleDownAt in (0, 1], WarmupReturns ≥ 1.");
        }

        var n = _options.MaxSymbols;
        _covariance = new EwmaCovariance(n, _options.Lambda);
        _lastClose = new double[n];
        _pending = new double[n];
        _present = new bool[n];
        _sqrtBarsPerDay = new double[n];
        _exposure = new double[n];
        _limit = (double)_options.VarLimitUsd;
    }

    public RiskOptions Options => _options;

    public double LimitUsd => _limit;

    public EwmaCovariance Covariance => _covariance;

    public void Observe(in MarketEvent e)
    {
        if (e.Kind != MarketEventKind.Trade)
        {
            return;
        }

        var id = e.Symbol.Id;
        if (id >= _options.MaxSymbols)
        {
            throw new InvalidOperationException($"Symbol {e.Symbol.Ticker} exceeds the risk model's capacity of {_options.MaxSymbols} symbols (RiskOptions.MaxSymbols).");
        }

        if (e.Time > _stepTime)
        {
            CommitStep();
            _stepTime = e.Time;
        }

        _dimension = Math.Max(_dimension, id + 1);
        if (_sqrtBarsPerDay[id] == 0d)
        {
            _sqrtBarsPerDay[id] = Math.Sqrt(e.Symbol.AssetClass == AssetClass.Crypto ? _options.CryptoBarsPerDay : _options.EquityBarsPerDay);
        }

        var close = (double)e.Close;
        if (_lastClose[id] > 0d)
        {
            _pending[id] += Math.Log(close / _lastClose[id]);
            _present[id] = true;
        }

        _lastClose[id] = close;
    }

    public VarReport Harmonise(
        ReadOnlySpan<double> shortHorizonQty,
        ReadOnlySpan<double> longHorizonQty,
        ReadOnlySpan<HorizonWeights> weights,
        Span<double> target)
    {
        var n = target.Length;
        if (shortHorizonQty.Length < n || longHorizonQty.Length < n || weights.Length < n || n > _options.MaxSymbols)
        {
            throw new ArgumentException("Input spans must cover every target symbol and stay within RiskOptions.MaxSymbols.", nameof(target));
        }

        var ready = true;
        for (var i = 0; i < n; i++)
        {
            var q = (weights[i].Short * shortHorizonQty[i]) + (weights[i].Long * longHorizonQty[i]);
            if (q != 0d && (_covariance.Count(i) < _options.WarmupReturns || !double.IsFinite(q)))
            {
                q = 0d;
                ready = false;
            }

            target[i] = q;
        }

        var desiredVar = ValueAtRisk(target);
        var ceiling = _options.ScaleDownAt * _limit;
        if (desiredVar <= ceiling)
        {
            return new VarReport(desiredVar, _limit, 1d, ready);
        }

        // VaR is homogeneous of degree 1 in the exposures, so one factor lands on the ceiling; the loop only
        // absorbs floating-point error.
        var scale = ceiling / desiredVar;
        for (var i = 0; i < n; i++)
        {
            target[i] *= scale;
        }

        for (var attempt = 0; attempt < 8; attempt++)
        {
            var achieved = ValueAtRisk(target);
            if (achieved <= ceiling)
            {
                return new VarReport(achieved, _limit, scale, ready);
            }

            for (var i = 0; i < n; i++)
            {
                target[i] *= 0.999;
            }

            scale *= 0.999;
        }

        target.Clear();
        return new VarReport(0d, _limit, 0d, ready);
    }

    public double ValueAtRisk(ReadOnlySpan<double> quantities)
    {
        var n = Math.Min(quantities.Length, _options.MaxSymbols);
        var x = _exposure.AsSpan(0, n);
        for (var i = 0; i < n; i++)
        {
            x[i] = quantities[i] == 0d ? 0d : quantities[i] * _lastClose[i] * _sqrtBarsPerDay[i];
        }

        var quadratic = 0d;
        var bound = 0d;
        for (var i = 0; i < n; i++)
        {
            if (x[i] == 0d)
            {
                continue;
            }

            bound += Math.Abs(x[i]) * Math.Sqrt(Math.Max(0d, _covariance[i, i]));
            for (var j = 0; j < n; j++)
            {
                quadratic += x[i] * x[j] * _covariance[i, j];
            }
        }

        // Pairwise-updated EWMA can lose positive semi-definiteness; fall back to the perfect-correlation bound.
        var sigma = quadratic > 0d && double.IsFinite(quadratic) ? Math.Sqrt(quadratic) : bound;
        return _options.ZScore * sigma;
    }

    private void CommitStep()
    {
        if (_dimension == 0)
        {
            return;
        }

        _covariance.Update(_pending.AsSpan(0, _dimension), _present.AsSpan(0, _dimension));
        _pending.AsSpan(0, _dimension).Clear();
        _present.AsSpan(0, _dimension).Clear();
    }
}

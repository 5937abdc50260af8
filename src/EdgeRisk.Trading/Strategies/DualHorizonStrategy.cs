using EdgeRisk.Trading.Blending;
using EdgeRisk.Trading.Domain;
using EdgeRisk.Trading.Engine;
using EdgeRisk.Trading.Models;
using EdgeRisk.Trading.Risk;
using EdgeRisk.Trading.Routing;

namespace EdgeRisk.Trading.Strategies;

/// <summary>
/// Both edge models see every event; the router picks blend weights per symbol; the blender reports the
/// blended edge; on each trade bar each horizon's edge is sized into a desired position and the risk
/// harmoniser turns both into one VaR-bounded target portfolio. Sizing runs in double (model output); a target
/// becomes a decimal order quantity only when it moves by more than the rebalance threshold.
/// </summary>
public sealed class DualHorizonStrategy : IStrategy
{
    private readonly IEdgeModel _shortModel;
    private readonly IEdgeModel _longModel;
    private readonly IHorizonRouter _router;
    private readonly IEdgeBlender _blender;
    private readonly IRiskHarmoniser _risk;
    private readonly DualHorizonOptions _options;
    private readonly double _maxNotional;
    private readonly decimal _quantityStep;
    private readonly int _capacity;
    private readonly double[] _shortQty;
    private readonly double[] _longQty;
    private readonly HorizonWeights[] _weights;
    private readonly double[] _prices;
    private readonly double[] _target;
    private readonly double[] _held;
    private readonly bool[] _changed;
    private readonly Symbol?[] _symbols;
    private int _dimension;

    public DualHorizonStrategy(
        IEdgeModel shortModel,
        IEdgeModel longModel,
        IHorizonRouter router,
        IEdgeBlender blender,
        IRiskHarmoniser risk,
        DualHorizonOptions? options = null,
        int maxSymbols = 32,
        decimal quantityStep = 0.00000001m)
    {
        _shortModel = shortModel ?? throw new ArgumentNullException(nameof(shortModel));
        _longModel = longModel ?? throw new ArgumentNullException(nameof(longModel));
        _router = router ?? throw new ArgumentNullException(nameof(router));
        _blender = blender ?? throw new ArgumentNullException(nameof(blender));
        _risk = risk ?? throw new ArgumentNullException(nameof(risk));
        _options = options ?? new DualHorizonOptions();
        if (_options.MaxNotionalUsdPerSymbol <= 0m || _options.EdgeScaleBps <= 0d || _options.MinEdgeBps < 0d || _options.MinRebalanceFraction is < 0d or > 1d || _options.DeRiskAtLimitFraction is <= 0d or > 1d || quantityStep <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "MaxNotionalUsdPerSymbol, EdgeScaleBps and quantityStep must be > 0, MinEdgeBps ≥ 0, MinRebalanceFraction in [0, 1], DeRiskAtLimitFraction in (0, 1].");
        }

        _maxNotional = (double)_options.MaxNotionalUsdPerSymbol;
        _quantityStep = quantityStep;
        _capacity = maxSymbols;
        _shortQty = new double[maxSymbols];
        _longQty = new double[maxSymbols];
        _weights = new HorizonWeights[maxSymbols];
        _prices = new double[maxSymbols];
        _target = new double[maxSymbols];
        _held = new double[maxSymbols];
        _changed = new bool[maxSymbols];
        _symbols = new Symbol?[maxSymbols];
    }

    public string Name => "dual-horizon";

    public void OnEvent(in MarketEvent e, PortfolioTargets targets, IPipelineObserver observer)
    {
        var symbol = e.Symbol;
        var id = symbol.Id;
        if (id >= _capacity)
        {
            throw new InvalidOperationException($"Symbol {symbol.Ticker} exceeds the strategy's capacity of {_capacity} symbols.");
        }

        if (_symbols[id] is null)
        {
            _symbols[id] = symbol;
            _dimension = Math.Max(_dimension, id + 1);
        }

        var shortEdge = _shortModel.Estimate(e);
        var longEdge = _longModel.Estimate(e);
        var decision = _router.Route(e, observer);
        var blended = _blender.Blend(shortEdge, longEdge, decision.Weights);
        observer.OnBlendedEdge(symbol, blended.EdgeBps, e.Time);
        if (e.Kind != MarketEventKind.Trade)
        {
            return;
        }

        _risk.Observe(e);
        var price = (double)e.Close;
        _prices[id] = price;
        _weights[id] = decision.Weights;
        _shortQty[id] = Size(shortEdge, price);
        _longQty[id] = Size(longEdge, price);

        var n = _dimension;
        _risk.Harmonise(_shortQty.AsSpan(0, n), _longQty.AsSpan(0, n), _weights.AsSpan(0, n), _target.AsSpan(0, n));
        var deRiskAt = _options.DeRiskAtLimitFraction * _risk.LimitUsd;
        var anyChange = false;
        for (var i = 0; i < n; i++)
        {
            // Changes smaller than the threshold are ignored to avoid churn (VaR is re-checked below).
            var threshold = _prices[i] > 0d ? _options.MinRebalanceFraction * _maxNotional / _prices[i] : 0d;
            _changed[i] = Math.Abs(_target[i] - _held[i]) > threshold;
            anyChange |= _changed[i];
        }

        if (anyChange)
        {
            Span<double> candidate = stackalloc double[n];
            for (var i = 0; i < n; i++)
            {
                candidate[i] = _changed[i] ? _target[i] : _held[i];
            }

            // The mix of kept and new targets may breach the limit: then the harmonised portfolio is adopted whole.
            if (_risk.ValueAtRisk(candidate) > deRiskAt)
            {
                _changed.AsSpan(0, n).Fill(true);
            }

            Adopt(targets, n);
        }
        else if (_risk.ValueAtRisk(_held.AsSpan(0, n)) > deRiskAt)
        {
            // Kept targets re-priced under a re-estimated covariance crossed the de-risk level: de-risk now by
            // adopting the harmonised portfolio, which sits at or below the harmoniser's scale-down ceiling.
            _changed.AsSpan(0, n).Fill(true);
            Adopt(targets, n);
        }

        observer.OnVarPct(_risk.ValueAtRisk(_held.AsSpan(0, n)) / _risk.LimitUsd * 100d, e.Time);
    }

    private void Adopt(PortfolioTargets targets, int n)
    {
        for (var i = 0; i < n; i++)
        {
            if (!_changed[i] || _symbols[i] is not { } s)
            {
                continue;
            }

            // Rounded toward zero, so the decimal target never carries more exposure than the harmonised one.
            var quantity = decimal.Truncate((decimal)_target[i] / _quantityStep) * _quantityStep;
            _held[i] = (double)quantity;
            targets.Set(s, quantity);
        }
    }

    private double Size(EdgeEstimate edge, double price)
    {
        var conviction = edge.EdgeBps * edge.Confidence;
        if (Math.Abs(conviction) < _options.MinEdgeBps || price <= 0d)
        {
            return 0d;
        }

        var fraction = Math.Clamp(conviction / _options.EdgeScaleBps, _options.AllowShort ? -1d : 0d, 1d);
        return fraction * _maxNotional / price;
    }
}

using EdgeRisk.Trading.Domain;
using EdgeRisk.Trading.Engine;
using EdgeRisk.Trading.Routing;

namespace EdgeRisk.Trading.Statistics;

/// <summary>
/// Keeps the peak VaR utilisation of a run: the largest portfolio VaR / limit the strategy reported over its decisions
/// (<see cref="IPipelineObserver.OnVarPct"/> / 100, the figure the live host exports as <c>var_pct</c>), and forwards every
/// signal to the observer it wraps. Null while nothing was reported, or once a reported figure was not finite (fail
/// closed). No allocation per call.
/// </summary>
public sealed class VarUtilisationRecorder(IPipelineObserver? inner = null) : IPipelineObserver
{
    private readonly IPipelineObserver _inner = inner ?? NullPipelineObserver.Instance;
    private double _peak = double.NegativeInfinity;
    private bool _invalid;

    /// <summary>Peak VaR / limit over the run (0.87 = 87 % of the limit); null when unknown.</summary>
    public double? MaxVarUtilisation => _invalid || double.IsNegativeInfinity(_peak) ? null : _peak;

    public void OnVarPct(double varPct, DateTime time)
    {
        if (double.IsFinite(varPct))
        {
            _peak = Math.Max(_peak, varPct / 100d);
        }
        else
        {
            _invalid = true;
        }

        _inner.OnVarPct(varPct, time);
    }

    public void OnModelSwitch(Symbol symbol, HorizonRegime from, HorizonRegime to, DateTime time) => _inner.OnModelSwitch(symbol, from, to, time);

    public void OnBlendedEdge(Symbol symbol, double edgeBps, DateTime time) => _inner.OnBlendedEdge(symbol, edgeBps, time);

    public void OnOrder(Order order) => _inner.OnOrder(order);

    public void OnFill(Fill fill) => _inner.OnFill(fill);

    public void OnPnl(Symbol symbol, Book book, decimal pnlUsd) => _inner.OnPnl(symbol, book, pnlUsd);

    public void OnDecisionLatency(TimeSpan latency) => _inner.OnDecisionLatency(latency);
}

using EdgeRisk.Trading.Domain;
using EdgeRisk.Trading.Routing;

namespace EdgeRisk.Trading.Engine;

/// <summary>
/// Everything the pipeline reports; the host maps each call to a metric. Called synchronously on the
/// pipeline thread, so implementations must be cheap and must not block.
/// </summary>
public interface IPipelineObserver : IModelSwitchObserver
{
    /// <summary>Blended edge of a symbol after an update (<c>edge_blended_bps</c>).</summary>
    void OnBlendedEdge(Symbol symbol, double edgeBps, DateTime time);

    /// <summary>Target portfolio VaR as % of the limit (<c>var_pct</c>).</summary>
    void OnVarPct(double varPct, DateTime time);

    void OnOrder(Order order);

    void OnFill(Fill fill);

    /// <summary>Cumulative PnL since start (realised + unrealised − fees) of one symbol in one book (<c>pnl_usd</c>).</summary>
    void OnPnl(Symbol symbol, Book book, decimal pnlUsd);

    /// <summary>Time from receiving an event to having decided on it, measured with the engine's TimeProvider.</summary>
    void OnDecisionLatency(TimeSpan latency);
}

using EdgeRisk.Trading.Domain;

namespace EdgeRisk.Trading.Routing;

/// <summary>Selects the regime per symbol from market state; raises <see cref="IModelSwitchObserver"/> on each switch.</summary>
public interface IHorizonRouter
{
    /// <summary>Updates the regime state with the event and returns the decision for <c>e.Symbol</c>.</summary>
    RouterDecision Route(in MarketEvent e, IModelSwitchObserver observer);
}

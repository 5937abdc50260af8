using EdgeRisk.Trading.Domain;

namespace EdgeRisk.Trading.Models;

/// <summary>
/// An edge model keeps per-symbol state and updates it with each event. It sees only events up to and
/// including <paramref name="e"/>, so it cannot look ahead.
/// </summary>
public interface IEdgeModel
{
    /// <summary>Short name used in logs and metrics, e.g. <c>short</c> or <c>long</c>.</summary>
    string Name { get; }

    /// <summary>Updates the model with the event and returns the current edge for <c>e.Symbol</c>.</summary>
    EdgeEstimate Estimate(in MarketEvent e);
}

using EdgeRisk.Trading.Domain;

namespace EdgeRisk.Trading.Engine;

/// <summary>
/// Turns market events into desired positions. One instance drives both books (paper and sim): it never
/// sees fills, so the books differ only by their execution model.
/// </summary>
public interface IStrategy
{
    string Name { get; }

    /// <summary>Updates the strategy with the event and writes any changed desired positions into <paramref name="targets"/>.</summary>
    void OnEvent(in MarketEvent e, PortfolioTargets targets, IPipelineObserver observer);
}

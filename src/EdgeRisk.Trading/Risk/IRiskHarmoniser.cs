using EdgeRisk.Trading.Domain;
using EdgeRisk.Trading.Routing;

namespace EdgeRisk.Trading.Risk;

/// <summary>
/// Turns the desired positions of both horizons into one target portfolio whose VaR stays within the limit.
/// Spans are indexed by <see cref="Symbol.Id"/>. Desired quantities are model outputs (double); the strategy
/// rounds the final targets to decimal order quantities.
/// </summary>
public interface IRiskHarmoniser
{
    /// <summary>The VaR limit in USD.</summary>
    double LimitUsd { get; }

    /// <summary>Feeds a trade bar into the return/covariance estimate and the last known prices.</summary>
    void Observe(in MarketEvent e);

    /// <summary>
    /// Writes the target quantity per symbol into <paramref name="target"/>:
    /// wₛ·shortQty + wₗ·longQty, scaled down as a whole so that VaR ≤ limit.
    /// </summary>
    VarReport Harmonise(
        ReadOnlySpan<double> shortHorizonQty,
        ReadOnlySpan<double> longHorizonQty,
        ReadOnlySpan<HorizonWeights> weights,
        Span<double> target);

    /// <summary>99% one-day VaR in USD of the given quantities at the last observed prices.</summary>
    double ValueAtRisk(ReadOnlySpan<double> quantities);
}

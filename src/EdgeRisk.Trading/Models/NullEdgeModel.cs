using EdgeRisk.Trading.Domain;

namespace EdgeRisk.Trading.Models;

/// <summary>Has no opinion: zero edge, zero confidence.</summary>
public sealed class NullEdgeModel : IEdgeModel
{
    public static readonly NullEdgeModel Instance = new();

    public string Name => "null";

    public EdgeEstimate Estimate(in MarketEvent e) => EdgeEstimate.None;
}

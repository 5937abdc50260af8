using EdgeRisk.Trading.Models;
using EdgeRisk.Trading.Routing;

namespace EdgeRisk.Trading.Blending;

/// <summary>
/// Blended edge = Σ wᵢ·cᵢ·edgeᵢ over the two horizons; blended confidence = Σ wᵢ·cᵢ.
/// A model with no confidence contributes nothing, so a warming-up model cannot move the blend.
/// </summary>
public sealed class ConfidenceWeightedBlender : IEdgeBlender
{
    public static readonly ConfidenceWeightedBlender Instance = new();

    public EdgeEstimate Blend(EdgeEstimate shortEdge, EdgeEstimate longEdge, HorizonWeights weights)
    {
        var ws = weights.Short * shortEdge.Confidence;
        var wl = weights.Long * longEdge.Confidence;
        var edge = (ws * shortEdge.EdgeBps) + (wl * longEdge.EdgeBps);
        return new EdgeEstimate(edge, Math.Clamp(ws + wl, 0d, 1d));
    }
}

using EdgeRisk.Trading.Models;
using EdgeRisk.Trading.Routing;

namespace EdgeRisk.Trading.Blending;

/// <summary>Blends the short- and long-horizon edges by router weights into one edge in bps.</summary>
public interface IEdgeBlender
{
    EdgeEstimate Blend(EdgeEstimate shortEdge, EdgeEstimate longEdge, HorizonWeights weights);
}

namespace EdgeRisk.Trading.Routing;

/// <summary>Blend weights of the two horizons; each in [0, 1], summing to 1.</summary>
public readonly record struct HorizonWeights(double Short, double Long);

namespace EdgeRisk.Trading.Routing;

/// <summary>The router's current regime and weights for one symbol.</summary>
public readonly record struct RouterDecision(HorizonRegime Regime, HorizonWeights Weights);

using EdgeRisk.Trading.Domain;

namespace EdgeRisk.Trading.Execution;

/// <summary>A (possibly partial) execution of a working order reported by an execution model.</summary>
public readonly record struct ExecutionReport(Order Order, decimal Quantity, decimal Price, decimal FeeUsd, DateTime Time);

namespace EdgeRisk.Trading.Statistics;

/// <summary>One point of a book's equity curve: cash plus marked positions at <see cref="Time"/>.</summary>
public readonly record struct EquityPoint(DateTime Time, decimal EquityUsd);

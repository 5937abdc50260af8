using EdgeRisk.Trading.Host.Options;

namespace EdgeRisk.Trading.Host.Cli;

/// <summary>A parsed command line.</summary>
public abstract record Command;

public sealed record HelpCommand : Command;

public sealed record LiveCommand(LiveOptions Options) : Command;

/// <param name="From">First day, inclusive.</param>
/// <param name="To">Last day, inclusive.</param>
/// <param name="Strategy"><c>ema</c> (one EMA-crossover model) or <c>dual</c> (short + long horizon models, routed and blended).</param>
public sealed record BacktestCommand(DateOnly From, DateOnly To, IReadOnlyList<string> Symbols, string Strategy, string DataDirectory, string? OutDirectory) : Command;

public sealed record SimStatsCommand(string DataDirectory, string OutFile, IReadOnlyList<string> Symbols) : Command;

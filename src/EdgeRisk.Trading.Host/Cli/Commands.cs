namespace EdgeRisk.Trading.Host.Cli;

/// <summary>A parsed command line.</summary>
public abstract record Command;

public sealed record HelpCommand : Command;

public sealed record LiveCommand(LiveOptions Options) : Command;

/// <param name="From">First day, inclusive.</param>
/// <param name="To">Last day, inclusive.</param>
/// <param name="Strategy"><c>ema-cross</c> (EMA(10)/EMA(60) crossover) or <c>dual-horizon</c> (short + long horizon models, routed, blended, VaR-bounded); null: the config's <c>strategy</c>.</param>
public sealed record BacktestCommand(DateOnly From, DateOnly To, IReadOnlyList<string> Symbols, string? Strategy, string DataDirectory, string? OutDirectory) : Command
{
    /// <summary><c>--config DIR</c>: the folder holding strategy.json and router.json.</summary>
    public string ConfigDirectory { get; init; } = CommandLineParser.DefaultConfigDirectory;

    /// <summary>Virtual seconds per wall second; infinity (<c>--speed max</c>, the default) runs flat out.</summary>
    public double Speed { get; init; } = double.PositiveInfinity;

    /// <summary><c>--repeat-days N</c>: a SYNTHETIC replay cycling the From..To files, re-dated, for N virtual days.</summary>
    public int? RepeatDays { get; init; }

    /// <summary><c>--skip-bad-files</c>: an unreadable data file is a warning and a count instead of an error.</summary>
    public bool SkipBadFiles { get; init; }
}

public sealed record SimStatsCommand(string DataDirectory, string OutFile, IReadOnlyList<string> Symbols) : Command
{
    /// <summary><c>--config DIR</c>: the folder holding strategy.json and router.json.</summary>
    public string ConfigDirectory { get; init; } = CommandLineParser.DefaultConfigDirectory;

    /// <summary><c>--skip-bad-files</c>: an unreadable data file is a warning instead of an error.</summary>
    public bool SkipBadFiles { get; init; }
}

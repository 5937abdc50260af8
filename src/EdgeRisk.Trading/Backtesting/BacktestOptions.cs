using EdgeRisk.Trading.Composition;
using EdgeRisk.Trading.Engine;
using EdgeRisk.Trading.Feeds;

namespace EdgeRisk.Trading.Backtesting;

/// <summary>What to replay and with which strategy.</summary>
public sealed record BacktestOptions
{
    /// <summary>LEAN data root, e.g. <c>data/lean</c>.</summary>
    public string DataRoot { get; init; } = Path.Combine("data", "lean");

    /// <summary>First and last shipped day (inclusive), replayed back to back.</summary>
    public DateOnly From { get; init; } = new(2017, 9, 3);

    public DateOnly To { get; init; } = new(2017, 9, 4);

    /// <summary>Crypto pairs (<c>BTC-USD</c>) read from LEAN data; plain tickers (<c>NVDA</c>) are equities.</summary>
    public IReadOnlyList<string> Symbols { get; init; } = ["BTC-USD", "ETH-USD"];

    public required IStrategy Strategy { get; init; }

    public TradingConfig Config { get; init; } = new();

    public IPipelineObserver? Observer { get; init; }

    public IFeedRejectionSink? RejectionSink { get; init; }

    /// <summary>
    /// Skip data files that cannot be read (reported to <see cref="RejectionSink"/> and in <see cref="BacktestResult.BadFiles"/>)
    /// instead of failing with <see cref="BadDataFileException"/>; see <see cref="ReplayPlan.SkipBadFiles"/>.
    /// </summary>
    public bool SkipBadFiles { get; init; }

    /// <summary>Measures the timing split; defaults to the system clock.</summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>Seed of the synthetic equity tape.</summary>
    public int SyntheticSeed { get; init; } = 20170904;

    /// <summary>User-supplied equity file (LEAN zip or CSV); null → synthetic tape.</summary>
    public string? EquityFile { get; init; }

    /// <summary>
    /// Replay pace in virtual seconds per wall second (waits go through <see cref="TimeProvider"/>);
    /// <see cref="double.PositiveInfinity"/> (the default) runs flat out. Pacing never changes which events are replayed
    /// or what is decided, only when.
    /// </summary>
    public double Speed { get; init; } = double.PositiveInfinity;

    /// <summary>
    /// SYNTHETIC tape: replays the <see cref="From"/>..<see cref="To"/> days cyclically, re-dated back to back, until
    /// this many virtual days have been played (e.g. 30 from a 2-day range). Null replays the range once.
    /// </summary>
    public int? RepeatDays { get; init; }
}

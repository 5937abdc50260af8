namespace EdgeRisk.Trading.Tests.Core;

/// <summary>Locations and builders shared by the trading-core tests.</summary>
internal static class CoreTestData
{
    private static readonly Lazy<string> Root = new(FindRepoRoot);

    public static string RepoRoot => Root.Value;

    public static string DataRoot => Path.Combine(RepoRoot, "data", "lean");

    public static string ConfigDir => Path.Combine(RepoRoot, "config");

    public static string Lean(string relative) => Path.Combine(DataRoot, "crypto", "coinbase", relative);

    public static DateTime Utc(int year, int month, int day, int hour = 0, int minute = 0)
        => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    public static MarketEvent Trade(Symbol s, DateTime end, decimal close, decimal volume = 10m)
        => MarketEvent.TradeBar(s, end, close, close, close, close, volume);

    public static MarketEvent Quote(Symbol s, DateTime end, decimal bid, decimal ask, decimal size = 5m)
        => MarketEvent.QuoteBar(s, end, bid, size, ask, size);

    /// <summary>Writes text to a fresh temp file with the given name and returns its path.</summary>
    public static string TempFile(string name, string contents)
    {
        var path = TempPath(name);
        File.WriteAllText(path, contents);
        return path;
    }

    /// <summary>A path in a fresh temp folder; the file does not exist yet.</summary>
    public static string TempPath(string name)
    {
        var dir = Path.Combine(Path.GetTempPath(), "edgerisk-core-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name);
    }

    public static List<MarketEvent> Drain(IMarketFeed feed)
    {
        var list = new List<MarketEvent>();
        while (feed.TryRead(out var e))
        {
            list.Add(e);
        }

        return list;
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EdgeRisk.sln")) && Directory.Exists(Path.Combine(dir.FullName, "data", "lean")))
            {
                return dir.FullName;
            }

            dir = dir.Parent;
        }

        var fromEnv = Environment.GetEnvironmentVariable("EDGERISK_REPO_ROOT");
        return fromEnv is not null && Directory.Exists(Path.Combine(fromEnv, "data", "lean"))
            ? fromEnv
            : throw new InvalidOperationException("Repository root (EdgeRisk.sln + data/lean) not found above the test binaries; set EDGERISK_REPO_ROOT.");
    }
}

/// <summary>Records everything the pipeline reports.</summary>
internal sealed class RecordingObserver : NullPipelineObserver
{
    public List<(Symbol Symbol, HorizonRegime From, HorizonRegime To, DateTime Time)> Switches { get; } = [];

    public List<double> VarPcts { get; } = [];

    public List<double> Edges { get; } = [];

    public List<Order> Orders { get; } = [];

    public List<Fill> Fills { get; } = [];

    public List<TimeSpan> Latencies { get; } = [];

    public Dictionary<(string, Book), decimal> Pnl { get; } = [];

    public override void OnModelSwitch(Symbol symbol, HorizonRegime from, HorizonRegime to, DateTime time) => Switches.Add((symbol, from, to, time));

    public override void OnVarPct(double varPct, DateTime time) => VarPcts.Add(varPct);

    public override void OnBlendedEdge(Symbol symbol, double edgeBps, DateTime time) => Edges.Add(edgeBps);

    public override void OnOrder(Order order) => Orders.Add(order);

    public override void OnFill(Fill fill) => Fills.Add(fill);

    public override void OnPnl(Symbol symbol, Book book, decimal pnlUsd) => Pnl[(symbol.Ticker, book)] = pnlUsd;

    public override void OnDecisionLatency(TimeSpan latency) => Latencies.Add(latency);
}

/// <summary>A strategy that records what it sees and optionally sets fixed targets at given times.</summary>
internal sealed class ScriptedStrategy : IStrategy
{
    private readonly Dictionary<DateTime, (Symbol Symbol, decimal Quantity)> _script = [];

    public List<MarketEvent> Seen { get; } = [];

    public string Name => "scripted";

    public ScriptedStrategy At(DateTime time, Symbol symbol, decimal quantity)
    {
        _script[time] = (symbol, quantity);
        return this;
    }

    public void OnEvent(in MarketEvent e, PortfolioTargets targets, IPipelineObserver observer)
    {
        Seen.Add(e);
        if (e.Kind == MarketEventKind.Trade && _script.TryGetValue(e.Time, out var step) && step.Symbol == e.Symbol)
        {
            targets.Set(step.Symbol, step.Quantity);
        }
    }
}

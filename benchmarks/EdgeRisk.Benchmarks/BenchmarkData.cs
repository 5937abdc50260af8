using EdgeRisk.Trading.Routing;

namespace EdgeRisk.Benchmarks;

/// <summary>Locates the repository's data and config from wherever BenchmarkDotNet runs the benchmark process.</summary>
internal static class BenchmarkData
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string DataRoot => Path.Combine(RepoRoot, "data", "lean");

    public static RouterConfig Router() => RouterConfigLoader.Load(Path.Combine(RepoRoot, "config", "router.json"));

    public static TradingConfig Config() => TradingConfigLoader.Load(Path.Combine(RepoRoot, "config", "strategy.json"));

    /// <summary>48 virtual hours: BTC-USD + ETH-USD (LEAN, 2017-09-03..04) + SYNTHETIC NVDA, pre-loaded.</summary>
    public static MarketEvent[] Load48h()
    {
        using var feed = ReplayPlan.Default48hWithNvda.Open(DataRoot, new SymbolRegistry());
        return ArrayFeed.ReadAll(feed);
    }

    private static string FindRepoRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (Directory.Exists(Path.Combine(dir.FullName, "data", "lean")) && Directory.Exists(Path.Combine(dir.FullName, "config")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Repository root with data/lean and config/ not found; run the benchmarks from inside the repository.");
    }
}

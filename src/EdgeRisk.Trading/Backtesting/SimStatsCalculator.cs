using System.Text.Json;
using EdgeRisk.Trading.Composition;
using EdgeRisk.Trading.Domain;
using EdgeRisk.Trading.Engine;
using EdgeRisk.Trading.Feeds;
using EdgeRisk.Trading.Routing;

namespace EdgeRisk.Trading.Backtesting;

/// <summary>
/// Mean and σ of the sim book's PnL over every 48 h window the shipped minute history allows — each pair of
/// consecutive calendar days that both have minute trade files, for each crypto symbol that has both days —
/// run from flat with a fresh strategy. Also the mean and σ of the blended edge over all events seen.
/// The shipped history yields only a handful of windows, and overlapping pairs share a day, so σ is a rough
/// estimate; <see cref="PnlStats.Windows"/> says how many.
/// </summary>
public static class SimStatsCalculator
{
    public const string Method = "48h windows = every pair of consecutive shipped days with minute trades (overlapping pairs allowed), symbols with data on both days, replayed from flat through the sim book; sample sigma (n-1)";

    /// <param name="skipBadFiles">Leave out data files that cannot be read, reporting them to <paramref name="sink"/>, instead of failing.</param>
    public static PnlStats Compute(string dataRoot, TradingConfig config, RouterConfig router, IReadOnlyList<string>? cryptoSymbols = null,
        bool skipBadFiles = false, IFeedRejectionSink? sink = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataRoot);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(router);
        var tickers = cryptoSymbols ?? ["BTC-USD", "ETH-USD"];
        var probe = new SymbolRegistry();
        var daysBySymbol = new Dictionary<string, HashSet<DateOnly>>(StringComparer.Ordinal);
        var allDays = new SortedSet<DateOnly>();
        foreach (var ticker in tickers)
        {
            var days = LeanDataPaths.MinuteTradeDays(dataRoot, probe.GetOrAdd(ticker, AssetClass.Crypto));
            daysBySymbol[ticker] = [.. days];
            allDays.UnionWith(days);
        }

        var edges = new EdgeAccumulator();
        var windows = new List<WindowPnl>();
        foreach (var day in allDays)
        {
            var next = day.AddDays(1);
            var symbols = new List<string>();
            foreach (var ticker in tickers)
            {
                if (daysBySymbol[ticker].Contains(day) && daysBySymbol[ticker].Contains(next))
                {
                    symbols.Add(ticker);
                }
            }

            if (symbols.Count == 0)
            {
                continue;
            }

            var result = Backtester.Run(new BacktestOptions
            {
                DataRoot = dataRoot,
                From = day,
                To = next,
                Symbols = symbols,
                Strategy = PipelineFactory.CreateStrategy(config, router),
                Config = config,
                Observer = edges,
                SkipBadFiles = skipBadFiles,
                RejectionSink = sink,
            });
            windows.Add(new WindowPnl(day, next, symbols, result.SimPnlUsd, result.SimFills.Count));
        }

        if (windows.Count == 0)
        {
            throw new InvalidOperationException($"{dataRoot}: no two consecutive days of minute trade data found; sim statistics need at least one 48 h window.");
        }

        var mean = 0m;
        foreach (var w in windows)
        {
            mean += w.PnlUsd;
        }

        mean /= windows.Count;
        var sumSquares = 0d;
        foreach (var w in windows)
        {
            var d = (double)(w.PnlUsd - mean);
            sumSquares += d * d;
        }

        var sigma = windows.Count > 1 ? Math.Sqrt(sumSquares / (windows.Count - 1)) : 0d;
        return new PnlStats
        {
            PnlMeanUsd = decimal.Round(mean, 2),
            PnlSigmaUsd = decimal.Round((decimal)sigma, 2),
            Windows = windows.Count,
            EdgeBlendedMeanBps = Math.Round(edges.Mean, 4),
            EdgeBlendedSigmaBps = Math.Round(edges.StdDev, 4),
            EdgeSamples = edges.Count,
            EdgeBands = edges.Bands(),
            Method = Method,
            Strategy = config.Strategy,
            WindowPnls = windows,
        };
    }

    /// <summary>Writes the statistics as JSON via a temporary file and an atomic rename.</summary>
    public static void WriteJson(PnlStats stats, string path)
    {
        ArgumentNullException.ThrowIfNull(stats);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        File.WriteAllText(temp, JsonSerializer.Serialize(stats, BacktestingJsonContext.Default.PnlStats) + "\n");
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Welford mean/variance of every blended edge reported, pooled and per symbol.</summary>
    private sealed class EdgeAccumulator : NullPipelineObserver
    {
        private readonly Welford _pooled = new();
        private readonly SortedDictionary<string, Welford> _bySymbol = new(StringComparer.Ordinal);

        public long Count => _pooled.Count;

        public double Mean => _pooled.Mean;

        public double StdDev => _pooled.StdDev;

        public override void OnBlendedEdge(Symbol symbol, double edgeBps, DateTime time)
        {
            _pooled.Add(edgeBps);
            if (!_bySymbol.TryGetValue(symbol.Ticker, out var own))
            {
                own = new Welford();
                _bySymbol[symbol.Ticker] = own;
            }

            own.Add(edgeBps);
        }

        public SortedDictionary<string, EdgeBand> Bands()
        {
            var bands = new SortedDictionary<string, EdgeBand>(StringComparer.Ordinal);
            foreach (var (ticker, w) in _bySymbol)
            {
                bands[ticker] = new EdgeBand(Math.Round(w.Mean, 4), Math.Round(w.StdDev, 4), w.Count);
            }

            return bands;
        }
    }

    private sealed class Welford
    {
        private double _m2;

        public long Count { get; private set; }

        public double Mean { get; private set; }

        public double StdDev => Count > 1 ? Math.Sqrt(_m2 / (Count - 1)) : 0d;

        public void Add(double value)
        {
            Count++;
            var delta = value - Mean;
            Mean += delta / Count;
            _m2 += delta * (value - Mean);
        }
    }
}

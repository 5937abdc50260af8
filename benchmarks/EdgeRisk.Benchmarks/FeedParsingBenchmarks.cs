using System.IO.Compression;

namespace EdgeRisk.Benchmarks;

/// <summary>
/// The feed side of the backtest loop without deciding: the 8 LEAN minute files of 2017-09-03..04 (BTC-USD, ETH-USD,
/// trades and quotes, 11,510 rows), split into what each stage costs — inflating the zips, decoding to text, parsing
/// every row — and the whole 30-day SYNTHETIC plan (the same files cycled and re-dated, 172,650 events): through
/// <see cref="ReplayPlan"/> (each distinct file parsed once, replayed re-dated) and, for comparison, with every day's
/// files read from the zips again.
/// </summary>
[ReplayColumns]
public class FeedParsingBenchmarks
{
    private static readonly DateOnly[] Days = [new(2017, 9, 3), new(2017, 9, 4)];
    private (string Path, Symbol Symbol, LeanFileOptions Options)[] _files = [];
    private readonly byte[] _bytes = new byte[1 << 16];
    private readonly char[] _chars = new char[1 << 16];

    [GlobalSetup]
    public void Setup()
    {
        var symbols = new SymbolRegistry();
        var files = new List<(string, Symbol, LeanFileOptions)>();
        foreach (var day in Days)
        {
            foreach (var ticker in new[] { "BTC-USD", "ETH-USD" })
            {
                var symbol = symbols.GetOrAdd(ticker, AssetClass.Crypto);
                foreach (var kind in new[] { MarketEventKind.Trade, MarketEventKind.Quote })
                {
                    files.Add((LeanDataPaths.MinuteFile(BenchmarkData.DataRoot, symbol, day, kind), symbol, new LeanFileOptions { Kind = kind, Date = day }));
                }
            }
        }

        _files = [.. files];
    }

    /// <summary>Opening the 8 zips and inflating their CSV bytes, nothing else.</summary>
    [Benchmark]
    public long Inflate48h()
    {
        long total = 0;
        foreach (var (path, _, _) in _files)
        {
            using var zip = ZipFile.OpenRead(path);
            using var stream = zip.Entries[0].Open();
            int read;
            while ((read = stream.Read(_bytes)) > 0)
            {
                total += read;
            }
        }

        return total;
    }

    /// <summary>Inflating and decoding to UTF-16 text (what a <see cref="StreamReader"/> costs on top).</summary>
    [Benchmark]
    public long InflateAndDecode48h()
    {
        long total = 0;
        foreach (var (path, _, _) in _files)
        {
            using var zip = ZipFile.OpenRead(path);
            using var reader = new StreamReader(zip.Entries[0].Open());
            int read;
            while ((read = reader.Read(_chars)) > 0)
            {
                total += read;
            }
        }

        return total;
    }

    /// <summary>Every row of the 8 files parsed and validated into events by <see cref="LeanBarFeed"/>.</summary>
    [Benchmark]
    public long Parse48h()
    {
        long total = 0;
        foreach (var (path, symbol, options) in _files)
        {
            using var feed = new LeanBarFeed(path, symbol, options);
            while (feed.TryRead(out _))
            {
                total++;
            }
        }

        return total;
    }

    /// <summary>The merged, re-dated feed of the 30-day SYNTHETIC plan (<c>--repeat-days 30</c>), drained without deciding.</summary>
    [Benchmark]
    public long Feed30dSynthetic()
    {
        var plan = new ReplayPlan { SourceDays = [.. Enumerable.Range(0, 30).Select(i => Days[i % 2])] };
        using var feed = plan.Open(BenchmarkData.DataRoot, new SymbolRegistry());
        long total = 0;
        while (feed.TryRead(out _))
        {
            total++;
        }

        return total;
    }

    /// <summary>
    /// The same 30-day stream with every day's 4 files unzipped and parsed again (a <see cref="LeanBarFeed"/> per file
    /// and day, re-dated, opened one day at a time): what the SYNTHETIC loop would cost without parsing each file once.
    /// </summary>
    [Benchmark]
    public long Feed30dRereadEveryDay()
    {
        long total = 0;
        for (var i = 0; i < 30; i++)
        {
            var offset = TimeSpan.FromDays(i - (i % 2));
            var day = _files.Skip((i % 2) * 4).Take(4).Select(f => (IMarketFeed)new RedatingFeed(new LeanBarFeed(f.Path, f.Symbol, f.Options), offset));
            using var feed = new MergedFeed([.. day]);
            while (feed.TryRead(out _))
            {
                total++;
            }
        }

        return total;
    }
}

using EdgeRisk.Trading.Domain;

namespace EdgeRisk.Trading.Feeds;

/// <summary>
/// Which shipped days to replay as one continuous virtual period. Source day i is re-dated to
/// <see cref="VirtualStart"/> + i days (a pure time shift, bars keep their time of day), so non-consecutive
/// shipped days play back to back. The default is 2017-09-03 + 2017-09-04 for BTC-USD and ETH-USD: already
/// consecutive, so virtual time equals real time. Equities (NVDA) come from <see cref="EquityFile"/> when given
/// (LEAN zip or CSV) and otherwise from the SYNTHETIC tape over the virtual days.
/// </summary>
public sealed record ReplayPlan
{
    public static readonly ReplayPlan Default48h = new();

    public IReadOnlyList<DateOnly> SourceDays { get; init; } = [new(2017, 9, 3), new(2017, 9, 4)];

    public DateOnly VirtualStart { get; init; } = new(2017, 9, 3);

    public IReadOnlyList<string> CryptoSymbols { get; init; } = ["BTC-USD", "ETH-USD"];

    /// <summary>Equity tickers to add (default none); each uses <see cref="EquityFile"/> or the synthetic tape.</summary>
    public IReadOnlyList<string> EquitySymbols { get; init; } = [];

    /// <summary>Seed of the synthetic equity tape.</summary>
    public int SyntheticSeed { get; init; } = 20170904;

    /// <summary>User-supplied file for the (single) equity symbol, LEAN zip/CSV or plain CSV; null → synthetic.</summary>
    public string? EquityFile { get; init; }

    public TimeSpan Duration => TimeSpan.FromDays(SourceDays.Count);

    public DateTime VirtualStartUtc => VirtualStart.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    public DateTime VirtualEndUtc => VirtualStartUtc + Duration;

    /// <summary>The default plan plus SYNTHETIC NVDA.</summary>
    public static ReplayPlan Default48hWithNvda => new() { EquitySymbols = ["NVDA"] };

    /// <summary>
    /// Opens the merged, re-dated feed. Missing crypto trade files fail (fail closed); missing quote files are
    /// allowed (days without quotes fill at trade closes). Crypto days are opened one at a time as the replay reaches
    /// them; a file that several virtual days play (a source day listed more than once, i.e. a SYNTHETIC cycle) is
    /// parsed once and its events re-dated for each of those days — the same events and rejections as reading it again.
    /// </summary>
    public MergedFeed Open(string dataRoot, SymbolRegistry symbols, IFeedRejectionSink? sink = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataRoot);
        ArgumentNullException.ThrowIfNull(symbols);
        if (SourceDays.Count == 0)
        {
            throw new InvalidOperationException("A replay plan needs at least one source day.");
        }

        // Every file is checked now (a missing trade file fails before anything plays); each day opens its files only
        // when the replay reaches it (LeanDaySequence).
        var days = new List<IReadOnlyList<LeanDayFile>>(SourceDays.Count);
        for (var i = 0; i < SourceDays.Count; i++)
        {
            var source = SourceDays[i];
            var offset = VirtualStart.AddDays(i).ToDateTime(TimeOnly.MinValue) - source.ToDateTime(TimeOnly.MinValue);
            var files = new List<LeanDayFile>();
            foreach (var ticker in CryptoSymbols)
            {
                var symbol = symbols.GetOrAdd(ticker, AssetClass.Crypto);
                foreach (var kind in (ReadOnlySpan<MarketEventKind>)[MarketEventKind.Trade, MarketEventKind.Quote])
                {
                    var path = LeanDataPaths.MinuteFile(dataRoot, symbol, source, kind);
                    if (!File.Exists(path))
                    {
                        if (kind == MarketEventKind.Quote)
                        {
                            continue;
                        }

                        throw new FileNotFoundException($"{path}: no minute trade data for {ticker} on {source:yyyy-MM-dd}; pick a shipped day (see data/README.md).", path);
                    }

                    files.Add(new LeanDayFile(path, symbol, new LeanFileOptions { Kind = kind, Date = source }, offset));
                }
            }

            days.Add(files);
        }

        var feeds = new List<IMarketFeed>();
        if (CryptoSymbols.Count > 0)
        {
            feeds.Add(new LeanDaySequence(days, sink ?? NullFeedRejectionSink.Instance));
        }

        foreach (var ticker in EquitySymbols)
        {
            var symbol = symbols.GetOrAdd(ticker, AssetClass.Equity);
            feeds.Add(OpenEquity(symbol, symbols, sink));
        }

        return new MergedFeed(feeds);
    }

    private IMarketFeed OpenEquity(Symbol symbol, SymbolRegistry symbols, IFeedRejectionSink? sink)
    {
        if (EquityFile is null)
        {
            return new SyntheticEquityTape(symbol, new SyntheticTapeOptions
            {
                Seed = SyntheticSeed,
                From = VirtualStart,
                To = VirtualStart.AddDays(SourceDays.Count - 1),
            });
        }

        if (!File.Exists(EquityFile))
        {
            throw new FileNotFoundException($"{EquityFile}: equity data file not found; pass an existing LEAN zip or CSV, or omit it to use the synthetic tape.", EquityFile);
        }

        return EquityFile.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)
            ? new LeanBarFeed(EquityFile, symbol, LeanBarFeed.InferOptions(EquityFile, AssetClass.Equity), sink)
            : CsvBarFeed.Open(EquityFile, symbols, sink);
    }
}

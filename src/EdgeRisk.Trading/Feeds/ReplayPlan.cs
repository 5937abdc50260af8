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

    /// <summary>
    /// False (the default): a data file that cannot be read — a missing trade file, an empty file, a zip that is not one,
    /// is truncated or corrupt, or holds no or several entries — fails the replay with an exception naming it. True: it is
    /// reported to <see cref="IFeedRejectionSink.OnBadFile"/> and left out (from where it breaks off, when mid-way).
    /// </summary>
    public bool SkipBadFiles { get; init; }

    public TimeSpan Duration => TimeSpan.FromDays(SourceDays.Count);

    public DateTime VirtualStartUtc => VirtualStart.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    public DateTime VirtualEndUtc => VirtualStartUtc + Duration;

    /// <summary>The default plan plus SYNTHETIC NVDA.</summary>
    public static ReplayPlan Default48hWithNvda => new() { EquitySymbols = ["NVDA"] };

    /// <summary>
    /// Opens the merged, re-dated feed. Missing crypto trade files fail (fail closed); missing quote files are
    /// allowed (days without quotes fill at trade closes). Every file is checked first (<see cref="DataFile.Check"/>): an
    /// unreadable one fails with <see cref="BadDataFileException"/>, or is skipped (<see cref="SkipBadFiles"/>) before
    /// anything plays. Crypto days are opened one at a time as the replay reaches
    /// them; a file that several virtual days play (a source day listed more than once, i.e. a SYNTHETIC cycle) is
    /// parsed once and its events re-dated for each of those days — the same events and rejections as reading it again.
    /// </summary>
    public MergedFeed Open(string dataRoot, SymbolRegistry symbols, IFeedRejectionSink? sink = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataRoot);
        ArgumentNullException.ThrowIfNull(symbols);
        sink ??= NullFeedRejectionSink.Instance;
        if (SourceDays.Count == 0)
        {
            throw new InvalidOperationException("A replay plan needs at least one source day.");
        }

        // Every file is checked now (a missing or unreadable file fails before anything plays, or is skipped); each day
        // opens its files only when the replay reaches it (LeanDaySequence). A file several days play is checked once.
        var checkedFiles = new Dictionary<string, bool>(StringComparer.Ordinal);
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
                    if (!checkedFiles.TryGetValue(path, out var playable))
                    {
                        playable = CheckDayFile(path, ticker, source, kind, sink);
                        checkedFiles.Add(path, playable);
                    }

                    if (!playable)
                    {
                        continue;
                    }

                    files.Add(new LeanDayFile(path, symbol, new LeanFileOptions { Kind = kind, Date = source }, offset));
                }
            }

            days.Add(files);
        }

        var feeds = new List<IMarketFeed>();
        if (CryptoSymbols.Count > 0)
        {
            feeds.Add(new LeanDaySequence(days, sink, SkipBadFiles));
        }

        foreach (var ticker in EquitySymbols)
        {
            var symbol = symbols.GetOrAdd(ticker, AssetClass.Equity);
            if (OpenEquity(symbol, symbols, sink) is { } equity)
            {
                feeds.Add(equity);
            }
        }

        return new MergedFeed(feeds);
    }

    /// <summary>
    /// True when the day's file can be played. A missing quote file is no error (the day fills at trade closes); a
    /// missing trade file and an unreadable file throw, or with <see cref="SkipBadFiles"/> are reported and left out.
    /// </summary>
    private bool CheckDayFile(string path, string ticker, DateOnly day, MarketEventKind kind, IFeedRejectionSink sink)
    {
        BadDataFile? bad;
        if (!File.Exists(path))
        {
            if (kind == MarketEventKind.Quote)
            {
                return false;
            }

            var missing = $"no minute trade data for {ticker} on {day:yyyy-MM-dd}";
            bad = SkipBadFiles
                ? new BadDataFile(path, BadFileReason.Missing, missing)
                : throw new FileNotFoundException($"{path}: {missing}; pick a shipped day (see data/README.md).", path);
        }
        else
        {
            bad = DataFile.Check(path);
        }

        return Playable(bad, sink);
    }

    /// <summary>True for no problem; else the problem throws, or is reported (skip) and false.</summary>
    private bool Playable(BadDataFile? bad, IFeedRejectionSink sink)
    {
        if (bad is null)
        {
            return true;
        }

        if (!SkipBadFiles)
        {
            throw new BadDataFileException(bad);
        }

        sink.OnBadFile(bad);
        return false;
    }

    private IMarketFeed? OpenEquity(Symbol symbol, SymbolRegistry symbols, IFeedRejectionSink sink)
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

        if (!Playable(DataFile.Check(EquityFile), sink))
        {
            return null;
        }

        IMarketFeed feed = EquityFile.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)
            ? new LeanBarFeed(EquityFile, symbol, LeanBarFeed.InferOptions(EquityFile, AssetClass.Equity), sink)
            : CsvBarFeed.Open(EquityFile, symbols, sink);
        return SkipBadFiles ? new BadFileGuard(feed, sink) : feed;
    }
}

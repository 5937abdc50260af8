using System.Globalization;
using System.Text;
using EdgeRisk.Trading.Domain;

namespace EdgeRisk.Trading.Feeds;

/// <summary>
/// Reads one LEAN zip (or its extracted CSV) of trade or quote bars for one symbol. LEAN's first column is the
/// bar's <b>open</b> time; events carry the bar's <b>end</b> time (open + resolution). Bad rows are counted by
/// reason and skipped; a file that cannot be read (empty, not a zip, truncated, corrupt, no or several entries) throws
/// <see cref="BadDataFileException"/> naming it, at the first read or where the data breaks off.
/// </summary>
public sealed class LeanBarFeed : LineBarFeed
{
    /// <summary>Bytes inflated per read (the reader's default is 1 KB, which calls the inflater ≈ 400 times per file).</summary>
    private const int ReadBufferBytes = 1 << 14;

    /// <summary>What <c>new StreamReader(stream)</c> decodes with: UTF-8, invalid bytes replaced, byte order marks detected.</summary>
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly Symbol _symbol;
    private readonly LeanFileOptions _options;
    private readonly TimeSpan _barLength;
    private readonly Range[] _ranges = new Range[12];
    private DataFileStream? _file;
    private StreamReader? _text;
    private DateTime _midnightUtc;
    private DateTime _previous;

    public LeanBarFeed(string path, Symbol symbol, LeanFileOptions options, IFeedRejectionSink? sink = null)
        : base(ExistingFile(path), sink)
    {
        _symbol = symbol ?? throw new ArgumentNullException(nameof(symbol));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _barLength = options.Resolution switch
        {
            LeanResolution.Second => TimeSpan.FromSeconds(1),
            LeanResolution.Minute => TimeSpan.FromMinutes(1),
            _ => TimeSpan.FromDays(1),
        };
    }

    /// <summary>Infers kind, resolution and date from a LEAN path such as <c>minute/btcusd/20170903_trade.zip</c> or <c>daily/btcusd_quote.zip</c>.</summary>
    public static LeanFileOptions InferOptions(string path, AssetClass assetClass)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var name = Path.GetFileNameWithoutExtension(path);
        var kind = name.EndsWith("_quote", StringComparison.OrdinalIgnoreCase) ? MarketEventKind.Quote
            : name.EndsWith("_trade", StringComparison.OrdinalIgnoreCase) ? MarketEventKind.Trade
            : throw new ArgumentException($"{path}: LEAN file name must end in _trade or _quote.", nameof(path));
        var folders = path.Replace('\\', '/').Split('/');
        var resolution = Array.Exists(folders, f => f == "second") ? LeanResolution.Second
            : Array.Exists(folders, f => f == "daily" || f == "hour") ? LeanResolution.Daily
            : LeanResolution.Minute;
        var date = default(DateOnly);
        if (resolution != LeanResolution.Daily && !DateOnly.TryParseExact(name.AsSpan(0, Math.Min(8, name.Length)), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            throw new ArgumentException($"{path}: intraday LEAN file name must start with yyyyMMdd.", nameof(path));
        }

        var equity = assetClass == AssetClass.Equity;
        return new LeanFileOptions
        {
            Kind = kind,
            Resolution = resolution,
            Date = date,
            PriceDivisor = equity ? 10_000m : 1m,
            TimeZone = equity ? NewYork.TimeZone : TimeZoneInfo.Utc,
        };
    }

    private protected override void Close()
    {
        _text?.Dispose();
        _file?.Dispose();
        _text = null;
        _file = null;
    }

    private protected override void Begin()
    {
        _file = DataFile.Open(Source);
        _text = new StreamReader(_file.Stream, Utf8, detectEncodingFromByteOrderMarks: true, bufferSize: ReadBufferBytes);
        Lines = new LineReader(_text);
        _midnightUtc = _options.Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
    }

    /// <summary>A row's event once it is valid and later than the previous row's.</summary>
    private protected override FeedRejectReason? Parse(ReadOnlySpan<char> line, out MarketEvent e)
    {
        var reason = ParseRow(line, out e) ?? BarValidator.CheckOrder(e.Time, _previous);
        if (reason is null)
        {
            _previous = e.Time;
        }

        return reason;
    }

    private static string ExistingFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            // A missing file is a configuration error, not bad data: fail loudly rather than count a rejection.
            throw new FileNotFoundException($"{path}: LEAN data file not found.", path);
        }

        return path;
    }

    private FeedRejectReason? ParseRow(ReadOnlySpan<char> line, out MarketEvent e)
    {
        e = default;
        var expected = _options.Kind == MarketEventKind.Trade ? 6 : 11;
        var count = FieldParser.Split(line, _ranges);
        if (count != expected)
        {
            return FeedRejectReason.ColumnCount;
        }

        if (!TryParseTime(line[_ranges[0]], out var open))
        {
            return FeedRejectReason.BadTimestamp;
        }

        var end = open + _barLength;
        Span<decimal> v = stackalloc decimal[expected];
        for (var i = 1; i < expected; i++)
        {
            if (FieldParser.ParseDecimal(line[_ranges[i]], out v[i]) is { } bad)
            {
                return bad;
            }
        }

        var d = _options.PriceDivisor;
        if (d != 1m)
        {
            for (var i = 1; i < expected; i++)
            {
                // Sizes and volumes are not price-scaled.
                if (i is not (5 or 10))
                {
                    v[i] /= d;
                }
            }
        }

        if (_options.Kind == MarketEventKind.Trade)
        {
            var check = BarValidator.CheckTrade(v[1], v[2], v[3], v[4], v[5]);
            if (check is null)
            {
                e = MarketEvent.TradeBar(_symbol, end, v[1], v[2], v[3], v[4], v[5]);
            }

            return check;
        }

        // Quote: ms,bidOpen,bidHigh,bidLow,bidClose,lastBidSize,askOpen,askHigh,askLow,askClose,lastAskSize
        var quoteCheck = BarValidator.CheckQuote(v[4], v[5], v[9], v[10]);
        if (quoteCheck is null)
        {
            e = MarketEvent.QuoteBar(_symbol, end, v[4], v[5], v[9], v[10]);
        }

        return quoteCheck;
    }

    private bool TryParseTime(ReadOnlySpan<char> field, out DateTime openUtc)
    {
        openUtc = default;
        DateTime local;
        if (_options.Resolution == LeanResolution.Daily)
        {
            if (!DateTime.TryParseExact(field, "yyyyMMdd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out local))
            {
                return false;
            }
        }
        else
        {
            if (!FieldParser.TryParseDigits(field, out var ms) || ms >= 86_400_000L)
            {
                return false;
            }

            local = _midnightUtc.AddTicks(ms * TimeSpan.TicksPerMillisecond);
        }

        openUtc = ReferenceEquals(_options.TimeZone, TimeZoneInfo.Utc)
            ? DateTime.SpecifyKind(local, DateTimeKind.Utc)
            : TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), _options.TimeZone);
        return true;
    }
}

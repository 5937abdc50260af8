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
public sealed class LeanBarFeed : IMarketFeed, IDisposable
{
    /// <summary>Bytes inflated per read (the reader's default is 1 KB, which calls the inflater ≈ 400 times per file).</summary>
    private const int ReadBufferBytes = 1 << 14;

    /// <summary>What <c>new StreamReader(stream)</c> decodes with: UTF-8, invalid bytes replaced, byte order marks detected.</summary>
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly string _path;
    private readonly Symbol _symbol;
    private readonly LeanFileOptions _options;
    private readonly IFeedRejectionSink _sink;
    private readonly TimeSpan _barLength;
    private readonly Range[] _ranges = new Range[12];
    private DataFileStream? _file;
    private StreamReader? _text;
    private LineReader? _lines;
    private DateTime _midnightUtc;
    private DateTime _previous;
    private bool _opened;
    private bool _done;

    public LeanBarFeed(string path, Symbol symbol, LeanFileOptions options, IFeedRejectionSink? sink = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            // A missing file is a configuration error, not bad data: fail loudly rather than count a rejection.
            throw new FileNotFoundException($"{path}: LEAN data file not found.", path);
        }

        _path = path;
        _symbol = symbol ?? throw new ArgumentNullException(nameof(symbol));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _sink = sink ?? NullFeedRejectionSink.Instance;
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

    public bool TryRead(out MarketEvent e)
    {
        e = default;
        if (_done)
        {
            return false;
        }

        try
        {
            if (!_opened)
            {
                Open();
            }

            while (_lines!.TryReadLine(out var line))
            {
                if (line.IsEmpty)
                {
                    continue;
                }

                var reason = Parse(line, out e);
                if (reason is null)
                {
                    reason = BarValidator.CheckOrder(e.Time, _previous);
                }

                if (reason is { } r)
                {
                    _sink.OnRejected(r, _path, _lines.LineNumber);
                    continue;
                }

                _previous = e.Time;
                return true;
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or IOException and not BadDataFileException)
        {
            var lines = _lines?.LineNumber ?? 0;
            Dispose();
            throw DataFile.Corrupt(_path, ex, lines);
        }
        catch (BadDataFileException)
        {
            Dispose();
            throw;
        }

        Dispose();
        e = default;
        return false;
    }

    public void Dispose()
    {
        _done = true;
        _text?.Dispose();
        _file?.Dispose();
        _text = null;
        _file = null;
    }

    private void Open()
    {
        _opened = true;
        _file = DataFile.Open(_path);
        _text = new StreamReader(_file.Stream, Utf8, detectEncodingFromByteOrderMarks: true, bufferSize: ReadBufferBytes);
        _lines = new LineReader(_text);
        _midnightUtc = _options.Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
    }

    private FeedRejectReason? Parse(ReadOnlySpan<char> line, out MarketEvent e)
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

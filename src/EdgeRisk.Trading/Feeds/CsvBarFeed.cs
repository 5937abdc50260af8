using System.Globalization;
using EdgeRisk.Trading.Domain;

namespace EdgeRisk.Trading.Feeds;

/// <summary>
/// Plain CSV bars with a header row, UTC ISO-8601 times that are bar <b>end</b> times, and a symbol column:
/// trades <c>time,symbol,open,high,low,close,volume</c>; quotes <c>time,symbol,bid,bid_size,ask,ask_size</c>.
/// Rows must be in non-decreasing time order across the file; tickers must be registered. A file without text or with
/// another header, or one that cannot be read, throws <see cref="BadDataFileException"/> naming it.
/// </summary>
public sealed class CsvBarFeed : IMarketFeed, IDisposable
{
    public const string TradeHeader = "time,symbol,open,high,low,close,volume";
    public const string QuoteHeader = "time,symbol,bid,bid_size,ask,ask_size";

    private readonly string _source;
    private readonly TextReader _reader;
    private readonly SymbolRegistry _symbols;
    private readonly IFeedRejectionSink _sink;
    private readonly LineReader _lines;
    private readonly Range[] _ranges = new Range[8];
    private DateTime[] _lastBySymbol = new DateTime[8];
    private DateTime _lastRow;
    private MarketEventKind _kind;
    private bool _headerRead;
    private bool _done;

    public CsvBarFeed(TextReader reader, string source, SymbolRegistry symbols, IFeedRejectionSink? sink = null)
    {
        _reader = reader ?? throw new ArgumentNullException(nameof(reader));
        _source = source ?? throw new ArgumentNullException(nameof(source));
        _symbols = symbols ?? throw new ArgumentNullException(nameof(symbols));
        _sink = sink ?? NullFeedRejectionSink.Instance;
        _lines = new LineReader(reader);
    }

    public static CsvBarFeed Open(string path, SymbolRegistry symbols, IFeedRejectionSink? sink = null)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: CSV bar file not found.", path);
        }

        return new CsvBarFeed(new StreamReader(path), path, symbols, sink);
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
            if (!_headerRead)
            {
                ReadHeader();
            }

            while (_lines.TryReadLine(out var line))
            {
                if (line.IsEmpty)
                {
                    continue;
                }

                var reason = Parse(line, out e);
                if (reason is { } r)
                {
                    _sink.OnRejected(r, _source, _lines.LineNumber);
                    continue;
                }

                return true;
            }
        }
        catch (IOException ex) when (ex is not BadDataFileException)
        {
            Dispose();
            throw DataFile.Corrupt(_source, ex, _lines.LineNumber);
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
        _reader.Dispose();
    }

    private void ReadHeader()
    {
        _headerRead = true;
        if (!_lines.TryReadLine(out var header))
        {
            throw DataFile.Bad(_source, BadFileReason.Empty, "empty file (no header)");
        }

        var trimmed = header.Trim().TrimStart('\uFEFF');
        if (trimmed.Equals(TradeHeader, StringComparison.OrdinalIgnoreCase))
        {
            _kind = MarketEventKind.Trade;
        }
        else if (trimmed.Equals(QuoteHeader, StringComparison.OrdinalIgnoreCase))
        {
            _kind = MarketEventKind.Quote;
        }
        else
        {
            throw DataFile.Bad(_source, BadFileReason.BadHeader, $"line 1 is not a header; expected {TradeHeader} or {QuoteHeader}");
        }
    }

    private FeedRejectReason? Parse(ReadOnlySpan<char> line, out MarketEvent e)
    {
        e = default;
        var expected = _kind == MarketEventKind.Trade ? 7 : 6;
        if (FieldParser.Split(line, _ranges) != expected)
        {
            return FeedRejectReason.ColumnCount;
        }

        if (!DateTime.TryParse(line[_ranges[0]], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time))
        {
            return FeedRejectReason.BadTimestamp;
        }

        Span<decimal> v = stackalloc decimal[expected];
        for (var i = 2; i < expected; i++)
        {
            if (FieldParser.ParseDecimal(line[_ranges[i]], out v[i]) is { } bad)
            {
                return bad;
            }
        }

        if (!_symbols.TryGet(line[_ranges[1]].Trim(), out var symbol))
        {
            return FeedRejectReason.UnknownSymbol;
        }

        var check = _kind == MarketEventKind.Trade
            ? BarValidator.CheckTrade(v[2], v[3], v[4], v[5], v[6])
            : BarValidator.CheckQuote(v[2], v[3], v[4], v[5]);
        if (check is not null)
        {
            return check;
        }

        if (time < _lastRow)
        {
            return FeedRejectReason.OutOfOrderTimestamp;
        }

        ref var last = ref SymbolSlots.Of(ref _lastBySymbol, symbol.Id);
        if (BarValidator.CheckOrder(time, last) is { } order)
        {
            return order;
        }

        _lastRow = time;
        last = time;
        e = _kind == MarketEventKind.Trade
            ? MarketEvent.TradeBar(symbol, time, v[2], v[3], v[4], v[5], v[6])
            : MarketEvent.QuoteBar(symbol, time, v[2], v[3], v[4], v[5]);
        return null;
    }
}

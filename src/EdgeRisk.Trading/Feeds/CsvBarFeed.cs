using System.Globalization;
using EdgeRisk.Trading.Domain;

namespace EdgeRisk.Trading.Feeds;

/// <summary>
/// Plain CSV bars with a header row, UTC ISO-8601 times that are bar <b>end</b> times, and a symbol column:
/// trades <c>time,symbol,open,high,low,close,volume</c>; quotes <c>time,symbol,bid,bid_size,ask,ask_size</c>.
/// Rows must be in non-decreasing time order across the file; tickers must be registered. A file without text or with
/// another header, or one that cannot be read, throws <see cref="BadDataFileException"/> naming it.
/// </summary>
public sealed class CsvBarFeed : LineBarFeed
{
    public const string TradeHeader = "time,symbol,open,high,low,close,volume";
    public const string QuoteHeader = "time,symbol,bid,bid_size,ask,ask_size";

    private readonly TextReader _reader;
    private readonly SymbolRegistry _symbols;
    private readonly Range[] _ranges = new Range[8];
    private DateTime[] _lastBySymbol = new DateTime[8];
    private DateTime _lastRow;
    private MarketEventKind _kind;

    public CsvBarFeed(TextReader reader, string source, SymbolRegistry symbols, IFeedRejectionSink? sink = null)
        : base(source ?? throw new ArgumentNullException(nameof(source)), sink)
    {
        _reader = reader ?? throw new ArgumentNullException(nameof(reader));
        _symbols = symbols ?? throw new ArgumentNullException(nameof(symbols));
        Lines = new LineReader(reader);
    }

    public static CsvBarFeed Open(string path, SymbolRegistry symbols, IFeedRejectionSink? sink = null)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: CSV bar file not found.", path);
        }

        return new CsvBarFeed(new StreamReader(path), path, symbols, sink);
    }

    private protected override void Close() => _reader.Dispose();

    /// <summary>Reads the header, which says whether the rows are trades or quotes.</summary>
    private protected override void Begin()
    {
        if (!Lines!.TryReadLine(out var header))
        {
            throw DataFile.Bad(Source, BadFileReason.Empty, "empty file (no header)");
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
            throw DataFile.Bad(Source, BadFileReason.BadHeader, $"line 1 is not a header; expected {TradeHeader} or {QuoteHeader}");
        }
    }

    private protected override FeedRejectReason? Parse(ReadOnlySpan<char> line, out MarketEvent e)
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

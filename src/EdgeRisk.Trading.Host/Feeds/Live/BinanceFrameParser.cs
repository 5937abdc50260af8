namespace EdgeRisk.Trading.Host.Feeds.Live;

/// <summary>
/// Binance spot combined stream (<c>/stream?streams=btcusdt@trade/btcusdt@bookTicker/...</c>). <c>BTC-USD</c> maps to
/// Binance's <c>BTCUSDT</c>. Trade ids are consecutive per symbol, so a jump is a gap; a repeated or older trade id
/// or book update id is a duplicate (dropped). bookTicker carries no time: the receive time is used.
/// </summary>
public sealed class BinanceFrameParser : IFrameParser
{
    private readonly Dictionary<string, Symbol> _byExchangeSymbol = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _lastTradeId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _lastUpdateId = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly Action<string> _reject;
    private readonly FrameRejections _checks;

    public BinanceFrameParser(SymbolRegistry symbols, TimeProvider time, Action<string> reject)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        _time = time;
        _reject = reject;
        _checks = new FrameRejections(reject);
        foreach (var symbol in symbols.All)
        {
            _byExchangeSymbol[ExchangeSymbol(symbol.Ticker)] = symbol;
        }

        StreamPath = "/stream?streams=" + string.Join("/", symbols.All.SelectMany(s =>
        {
            var lower = ExchangeSymbol(s.Ticker).ToLowerInvariant();
            return new[] { lower + "@trade", lower + "@bookTicker" };
        }));
    }

    public string Name => "binance";

    /// <summary>Path and query of the combined stream for the configured symbols (no subscribe message is needed).</summary>
    public string StreamPath { get; }

    public IReadOnlyList<string> SubscribeMessages => [];

    /// <summary><c>BTC-USD</c> → <c>BTCUSDT</c>: Binance quotes the USD leg in USDT.</summary>
    public static string ExchangeSymbol(string ticker)
    {
        ArgumentNullException.ThrowIfNull(ticker);
        return ticker.Replace("-USD", "USDT", StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
    }

    public void Reset()
    {
        _lastTradeId.Clear();
        _lastUpdateId.Clear();
    }

    public void Parse(ReadOnlySpan<byte> frame, List<MarketEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (!FrameJson.TryRead(frame, LiveFeedJsonContext.Default.BinanceEnvelope, _reject, out var envelope))
        {
            return;
        }

        if (envelope?.Stream is not { } stream || envelope.Data is not { } data || data.Symbol is null)
        {
            _reject(RejectReasonLabel.MissingField);
            return;
        }

        if (stream.EndsWith("@trade", StringComparison.Ordinal))
        {
            ParseTrade(data, events);
        }
        else if (stream.EndsWith("@bookTicker", StringComparison.Ordinal))
        {
            ParseBookTicker(data, events);
        }
        else
        {
            _reject(RejectReasonLabel.BadFrame);
        }
    }

    private void ParseTrade(BinancePayload data, List<MarketEvent> events)
    {
        if (!_checks.Present(data.TradeId, out var id) || !_checks.Present(data.TradeTime, out var ms) || !_checks.Number(data.Price, out var price)
            || !_checks.Number(data.Quantity, out var quantity) || !_checks.NonNegative(quantity))
        {
            return;
        }

        if (!_checks.Known(_byExchangeSymbol.GetValueOrDefault(data.Symbol!), out var symbol) || !Sequenced(_lastTradeId, data.Symbol!, id, gapsMatter: true) || !_checks.Positive(price))
        {
            return;
        }

        events.Add(MarketEvent.TradeBar(symbol, DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime, price, price, price, price, quantity));
    }

    private void ParseBookTicker(BinancePayload data, List<MarketEvent> events)
    {
        if (!_checks.Present(data.UpdateId, out var id) || !_checks.Number(data.BidPrice, out var bid) || !_checks.Number(data.AskPrice, out var ask)
            || !_checks.Number(data.BidQuantity, out var bidSize) || !_checks.Number(data.AskQuantity, out var askSize)
            || !_checks.NotCrossed(bid, ask) || !_checks.NonNegative(bidSize, askSize))
        {
            return;
        }

        // Book update ids are shared across all of a symbol's book streams, so only a step back is an error.
        if (!_checks.Known(_byExchangeSymbol.GetValueOrDefault(data.Symbol!), out var symbol) || !Sequenced(_lastUpdateId, data.Symbol!, id, gapsMatter: false) || !_checks.Positive(bid))
        {
            return;
        }

        events.Add(MarketEvent.QuoteBar(symbol, _time.GetUtcNow().UtcDateTime, bid, bidSize, ask, askSize));
    }

    private bool Sequenced(Dictionary<string, long> last, string key, long id, bool gapsMatter)
    {
        if (last.TryGetValue(key, out var previous))
        {
            if (id <= previous)
            {
                _reject(RejectReasonLabel.Duplicate);
                return false;
            }

            if (gapsMatter && id > previous + 1)
            {
                _reject(RejectReasonLabel.Gap);
            }
        }

        last[key] = id;
        return true;
    }
}

namespace EdgeRisk.Trading.Host.Feeds.Live;

/// <summary>
/// Coinbase Advanced Trade WebSocket (<c>wss://advanced-trade-ws.coinbase.com</c>), channels <c>market_trades</c>
/// and <c>ticker</c>. Every message carries a per-connection <c>sequence_num</c> that grows by one: a jump is a gap,
/// a repeat or step back is a duplicate (dropped).
/// </summary>
public sealed class CoinbaseFrameParser : IFrameParser
{
    private readonly SymbolRegistry _symbols;
    private readonly Action<string> _reject;
    private readonly FrameRejections _checks;
    private long _lastSequence = -1;

    public CoinbaseFrameParser(SymbolRegistry symbols, Action<string> reject)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        _symbols = symbols;
        _reject = reject;
        _checks = new FrameRejections(reject);
        var products = string.Join(",", symbols.All.Select(s => $"\"{s.Ticker}\""));
        SubscribeMessages =
        [
            $$"""{"type":"subscribe","product_ids":[{{products}}],"channel":"market_trades"}""",
            $$"""{"type":"subscribe","product_ids":[{{products}}],"channel":"ticker"}""",
            """{"type":"subscribe","channel":"heartbeats"}""",
        ];
    }

    public string Name => "coinbase";

    public IReadOnlyList<string> SubscribeMessages { get; }

    public void Reset() => _lastSequence = -1;

    public void Parse(ReadOnlySpan<byte> frame, List<MarketEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (!FrameJson.TryRead(frame, LiveFeedJsonContext.Default.CoinbaseMessage, _reject, out var message))
        {
            return;
        }

        if (message?.Channel is null || message.SequenceNum is not { } sequence)
        {
            _reject(RejectReasonLabel.MissingField);
            return;
        }

        if (_lastSequence >= 0 && sequence <= _lastSequence)
        {
            _reject(RejectReasonLabel.Duplicate);
            return;
        }

        if (_lastSequence >= 0 && sequence > _lastSequence + 1)
        {
            _reject(RejectReasonLabel.Gap);
        }

        _lastSequence = sequence;
        switch (message.Channel)
        {
            case "market_trades":
                ParseTrades(message, events);
                break;
            case "ticker":
            case "ticker_batch":
                ParseTickers(message, events);
                break;
            default:
                // subscriptions, heartbeats: control messages that only advance the sequence
                break;
        }
    }

    private void ParseTrades(CoinbaseMessage message, List<MarketEvent> events)
    {
        var start = events.Count;
        foreach (var trade in (message.Events ?? []).SelectMany(e => e.Trades ?? []))
        {
            if (!_checks.Number(trade.Price, out var price) || !_checks.Number(trade.Size, out var size) || !_checks.Present(trade.Time, out var time)
                || !_checks.NonNegative(size))
            {
                continue;
            }

            if (!_checks.Known(Lookup(trade.ProductId), out var symbol) || !_checks.Positive(price))
            {
                continue;
            }

            events.Add(MarketEvent.TradeBar(symbol, time.UtcDateTime, price, price, price, price, size));
        }

        // Coinbase batches trades newest first; the pipeline needs them oldest first.
        events.Sort(start, events.Count - start, Comparer<MarketEvent>.Create((a, b) => a.Time.CompareTo(b.Time)));
    }

    private void ParseTickers(CoinbaseMessage message, List<MarketEvent> events)
    {
        if (!_checks.Present(message.Timestamp, out var timestamp))
        {
            return;
        }

        foreach (var ticker in (message.Events ?? []).SelectMany(e => e.Tickers ?? []))
        {
            if (!_checks.Number(ticker.BestBid, out var bid) || !_checks.Number(ticker.BestAsk, out var ask)
                || !_checks.Number(ticker.BestBidQuantity, out var bidSize) || !_checks.Number(ticker.BestAskQuantity, out var askSize)
                || !_checks.NotCrossed(bid, ask) || !_checks.NonNegative(bidSize, askSize))
            {
                continue;
            }

            if (!_checks.Known(Lookup(ticker.ProductId), out var symbol) || !_checks.Positive(bid))
            {
                continue;
            }

            events.Add(MarketEvent.QuoteBar(symbol, timestamp.UtcDateTime, bid, bidSize, ask, askSize));
        }
    }

    private Symbol? Lookup(string? productId) => productId is not null && _symbols.TryGet(productId, out var found) ? found : null;
}

namespace EdgeRisk.Trading.Domain;

/// <summary>The asset class decides the trading calendar: crypto trades 24/7, equities in session only.</summary>
public enum AssetClass : byte
{
    Crypto,
    Equity,
}

/// <summary>A tradable instrument, e.g. <c>BTC-USD</c>. Instances are interned by <see cref="SymbolRegistry"/>.</summary>
public sealed record Symbol(int Id, string Ticker, AssetClass AssetClass)
{
    public override string ToString() => Ticker;
}

public enum MarketEventKind : byte
{
    Trade,
    Quote,
}

/// <summary>
/// One bar of market data. <see cref="Time"/> is the bar's <b>end</b> time: the moment its
/// information is known, so a decision at t never sees a bar that closes after t.
/// For <see cref="MarketEventKind.Trade"/> the OHLCV fields are set; for
/// <see cref="MarketEventKind.Quote"/> the bid/ask closes and last sizes are set.
/// </summary>
public readonly record struct MarketEvent(
    Symbol Symbol,
    MarketEventKind Kind,
    DateTime Time,
    decimal Open,
    decimal High,
    decimal Low,
    decimal Close,
    decimal Volume,
    decimal Bid,
    decimal BidSize,
    decimal Ask,
    decimal AskSize)
{
    public static MarketEvent TradeBar(Symbol symbol, DateTime endTime, decimal open, decimal high, decimal low, decimal close, decimal volume)
        => new(symbol, MarketEventKind.Trade, endTime, open, high, low, close, volume, 0m, 0m, 0m, 0m);

    public static MarketEvent QuoteBar(Symbol symbol, DateTime endTime, decimal bid, decimal bidSize, decimal ask, decimal askSize)
        => new(symbol, MarketEventKind.Quote, endTime, 0m, 0m, 0m, 0m, 0m, bid, bidSize, ask, askSize);

    /// <summary>Mid price of a quote, close of a trade bar.</summary>
    public decimal Price => Kind == MarketEventKind.Quote ? (Bid + Ask) / 2m : Close;
}

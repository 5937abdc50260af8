using System.Text.Json.Serialization;

namespace EdgeRisk.Trading.Host.Feeds.Live;

/// <summary>Envelope of every Coinbase Advanced Trade market-data message.</summary>
internal sealed record CoinbaseMessage(
    [property: JsonPropertyName("channel")] string? Channel,
    [property: JsonPropertyName("timestamp")] DateTimeOffset? Timestamp,
    [property: JsonPropertyName("sequence_num")] long? SequenceNum,
    [property: JsonPropertyName("events")] List<CoinbaseEvent>? Events);

internal sealed record CoinbaseEvent(
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("trades")] List<CoinbaseTrade>? Trades,
    [property: JsonPropertyName("tickers")] List<CoinbaseTicker>? Tickers);

internal sealed record CoinbaseTrade(
    [property: JsonPropertyName("trade_id")] string? TradeId,
    [property: JsonPropertyName("product_id")] string? ProductId,
    [property: JsonPropertyName("price")] string? Price,
    [property: JsonPropertyName("size")] string? Size,
    [property: JsonPropertyName("side")] string? Side,
    [property: JsonPropertyName("time")] DateTimeOffset? Time);

internal sealed record CoinbaseTicker(
    [property: JsonPropertyName("product_id")] string? ProductId,
    [property: JsonPropertyName("price")] string? Price,
    [property: JsonPropertyName("best_bid")] string? BestBid,
    [property: JsonPropertyName("best_bid_quantity")] string? BestBidQuantity,
    [property: JsonPropertyName("best_ask")] string? BestAsk,
    [property: JsonPropertyName("best_ask_quantity")] string? BestAskQuantity);

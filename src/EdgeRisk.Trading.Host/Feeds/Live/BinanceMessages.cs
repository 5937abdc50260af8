using System.Text.Json.Serialization;

namespace EdgeRisk.Trading.Host.Feeds.Live;

/// <summary>Binance combined-stream envelope: <c>{"stream": "btcusdt@trade", "data": {...}}</c>.</summary>
internal sealed record BinanceEnvelope(
    [property: JsonPropertyName("stream")] string? Stream,
    [property: JsonPropertyName("data")] BinancePayload? Data);

/// <summary>Union of the <c>trade</c> and <c>bookTicker</c> payload fields (Binance's one-letter keys are case-sensitive).</summary>
internal sealed record BinancePayload(
    [property: JsonPropertyName("e")] string? EventType,
    [property: JsonPropertyName("s")] string? Symbol,
    [property: JsonPropertyName("t")] long? TradeId,
    [property: JsonPropertyName("p")] string? Price,
    [property: JsonPropertyName("q")] string? Quantity,
    [property: JsonPropertyName("T")] long? TradeTime,
    [property: JsonPropertyName("u")] long? UpdateId,
    [property: JsonPropertyName("b")] string? BidPrice,
    [property: JsonPropertyName("B")] string? BidQuantity,
    [property: JsonPropertyName("a")] string? AskPrice,
    [property: JsonPropertyName("A")] string? AskQuantity);

using System.Text.Json.Serialization;

namespace EdgeRisk.Trading.Host.Feeds.Live;

/// <summary>Source-generated JSON metadata of the exchange messages (no reflection on the hot path).</summary>
[JsonSerializable(typeof(CoinbaseMessage))]
[JsonSerializable(typeof(BinanceEnvelope))]
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = false)]
internal sealed partial class LiveFeedJsonContext : JsonSerializerContext;

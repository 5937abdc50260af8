namespace EdgeRisk.Trading.Host.Feeds.Live;

/// <summary>
/// Which exchange the staging profile connects to and where. <c>EDGERISK_EXCHANGE</c> picks <c>coinbase</c> (default)
/// or <c>binance</c>; <c>EDGERISK_FEED_URL</c> overrides the endpoint (used to point a run at a recorded-frame server).
/// </summary>
public sealed record LiveEndpoints(string Exchange, Uri? Override, LiveFeedOptions Feed)
{
    public static readonly Uri CoinbaseUri = new("wss://advanced-trade-ws.coinbase.com");

    public static readonly Uri BinanceUri = new("wss://stream.binance.com:9443");

    public static LiveEndpoints FromEnvironment()
    {
        var exchange = Environment.GetEnvironmentVariable("EDGERISK_EXCHANGE") ?? "coinbase";
        if (exchange is not ("coinbase" or "binance"))
        {
            throw new ArgumentException($"EDGERISK_EXCHANGE must be coinbase or binance (got '{exchange}')");
        }

        var url = Environment.GetEnvironmentVariable("EDGERISK_FEED_URL");
        Uri? uri = null;
        if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out uri) || uri.Scheme is not ("ws" or "wss")))
        {
            throw new ArgumentException($"EDGERISK_FEED_URL must be an absolute ws:// or wss:// URL (got '{url}')");
        }

        return new LiveEndpoints(exchange, uri, new LiveFeedOptions());
    }

    public IFrameParser CreateParser(SymbolRegistry symbols, TimeProvider time, Action<string> reject)
        => Exchange == "binance" ? new BinanceFrameParser(symbols, time, reject) : new CoinbaseFrameParser(symbols, reject);

    public Uri EndpointFor(IFrameParser parser)
    {
        var root = Override ?? (Exchange == "binance" ? BinanceUri : CoinbaseUri);
        return parser is BinanceFrameParser binance ? new Uri(root, binance.StreamPath) : root;
    }
}

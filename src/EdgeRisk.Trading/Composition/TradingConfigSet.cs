using EdgeRisk.Trading.Routing;

namespace EdgeRisk.Trading.Composition;

/// <summary>
/// One configuration folder as loaded: <c>strategy.json</c>, <c>router.json</c> and <see cref="Hash"/>, the first 12 hex
/// digits of the SHA-256 over both files' canonical form (their values as loaded, whitespace, comments and key order aside).
/// </summary>
public sealed record TradingConfigSet(TradingConfig Trading, RouterConfig Router, string Hash)
{
    public const string StrategyFile = "strategy.json";
    public const string RouterFile = "router.json";

    /// <summary>The same configuration running another strategy (<c>--strategy</c>); the hash follows the change.</summary>
    public TradingConfigSet WithStrategy(string strategy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(strategy);
        if (strategy == Trading.Strategy)
        {
            return this;
        }

        var trading = Trading with { Strategy = strategy };
        return this with { Trading = trading, Hash = TradingConfigLoader.HashOf(trading, Router) };
    }
}

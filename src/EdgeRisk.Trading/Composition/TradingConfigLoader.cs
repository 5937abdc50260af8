using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EdgeRisk.Trading.Routing;

namespace EdgeRisk.Trading.Composition;

/// <summary>
/// Reads and validates a config folder (<c>strategy.json</c> + <c>router.json</c>); problems become one-line
/// <see cref="RouterConfigException"/>s naming the file and the key.
/// </summary>
public static class TradingConfigLoader
{
    /// <summary>The strategies, by their one name (CLI, <c>strategy.json</c>, artifact folders).</summary>
    public static IReadOnlyList<string> Strategies { get; } = [PipelineFactory.DualHorizon, PipelineFactory.EmaCross];

    /// <summary>Loads <paramref name="directory"/>/strategy.json and router.json, both required.</summary>
    public static TradingConfigSet LoadDirectory(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Directory.Exists(directory))
        {
            throw new RouterConfigException($"--config: directory '{directory}' does not exist; pass --config DIR, a folder holding {TradingConfigSet.StrategyFile} and {TradingConfigSet.RouterFile} (the repository's config/)");
        }

        var trading = Load(Path.Combine(directory, TradingConfigSet.StrategyFile));
        var router = RouterConfigLoader.Load(Path.Combine(directory, TradingConfigSet.RouterFile));
        return new TradingConfigSet(trading, router, HashOf(trading, router));
    }

    /// <summary>12 hex digits of SHA-256 over both configs' canonical JSON (every value, defaults included, in a fixed order).</summary>
    public static string HashOf(TradingConfig trading, RouterConfig router)
    {
        ArgumentNullException.ThrowIfNull(trading);
        ArgumentNullException.ThrowIfNull(router);
        var canonical = TradingConfigSet.StrategyFile + "\n" + JsonSerializer.Serialize(trading, ConfigJsonContext.Default.TradingConfig)
            + "\n" + TradingConfigSet.RouterFile + "\n" + JsonSerializer.Serialize(router, ConfigJsonContext.Default.RouterConfig) + "\n";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))[..12];
    }

    public static TradingConfig Load(string path) => Parse(ConfigFile.Read(path, "strategy", "config/strategy.json"), path);

    public static TradingConfig Parse(string json, string source)
    {
        var config = ConfigFile.Deserialize(json, ConfigJsonContext.Default.TradingConfig, source, "strategy");
        var errors = Validate(config);
        if (errors.Count > 0)
        {
            throw new RouterConfigException($"{source}: {string.Join("; ", errors)}");
        }

        return config;
    }

    public static IReadOnlyList<string> Validate(TradingConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var e = new List<string>();
        Check(e, Strategies.Contains(config.Strategy), $"strategy must be one of {string.Join(", ", Strategies)}, got '{config.Strategy}'");
        Check(e, config.Engine.InitialCashUsd > 0m, $"engine.initialCashUsd must be > 0, got {config.Engine.InitialCashUsd}");
        Check(e, config.Engine.QuantityStep > 0m, $"engine.quantityStep must be > 0, got {config.Engine.QuantityStep}");
        Check(e, config.Engine.MinOrderQuantity >= 0m, $"engine.minOrderQuantity must be ≥ 0, got {config.Engine.MinOrderQuantity}");
        Check(e, config.Paper.FeeBps is >= 0m and <= 1_000m, $"paper.feeBps must be in [0, 1000], got {config.Paper.FeeBps}");
        Check(e, config.Paper.SlippageBps is >= 0m and <= 1_000m, $"paper.slippageBps must be in [0, 1000], got {config.Paper.SlippageBps}");
        Check(e, config.Paper.ImpactBps is >= 0m and <= 10_000m, $"paper.impactBps must be in [0, 10000], got {config.Paper.ImpactBps}");
        Check(e, config.Paper.MaxParticipation is > 0m and <= 1m, $"paper.maxParticipation must be in (0, 1], got {config.Paper.MaxParticipation}");
        Check(e, config.Paper.PriceTick > 0m, $"paper.priceTick must be > 0, got {config.Paper.PriceTick}");
        Check(e, config.Paper.QuantityStep > 0m, $"paper.quantityStep must be > 0, got {config.Paper.QuantityStep}");
        Check(e, config.Risk.VarLimitUsd > 0m, $"risk.varLimitUsd must be > 0, got {config.Risk.VarLimitUsd}");
        Check(e, config.Risk.Lambda is > 0d and < 1d, $"risk.lambda must be in (0, 1), got {config.Risk.Lambda}");
        Check(e, config.Risk.ZScore is > 0d and <= 10d, $"risk.zScore must be in (0, 10], got {config.Risk.ZScore}");
        Check(e, config.Risk.ScaleDownAt is > 0d and <= 1d, $"risk.scaleDownAt must be in (0, 1], got {config.Risk.ScaleDownAt}");
        Check(e, config.Risk.WarmupReturns is >= 1 and <= 100_000, $"risk.warmupReturns must be in [1, 100000], got {config.Risk.WarmupReturns}");
        Check(e, config.Risk.MaxSymbols is >= 1 and <= 256, $"risk.maxSymbols must be in [1, 256], got {config.Risk.MaxSymbols}");
        Check(e, config.DualHorizon.MaxNotionalUsdPerSymbol > 0m, $"dualHorizon.maxNotionalUsdPerSymbol must be > 0, got {config.DualHorizon.MaxNotionalUsdPerSymbol}");
        Check(e, config.DualHorizon.EdgeScaleBps is > 0d and <= 10_000d, $"dualHorizon.edgeScaleBps must be in (0, 10000], got {config.DualHorizon.EdgeScaleBps}");
        Check(e, config.DualHorizon.MinEdgeBps >= 0d, $"dualHorizon.minEdgeBps must be ≥ 0, got {config.DualHorizon.MinEdgeBps}");
        Check(e, config.DualHorizon.MinRebalanceFraction is >= 0d and <= 1d, $"dualHorizon.minRebalanceFraction must be in [0, 1], got {config.DualHorizon.MinRebalanceFraction}");
        Check(e, config.DualHorizon.DeRiskAtLimitFraction is > 0d and <= 1d && config.DualHorizon.DeRiskAtLimitFraction >= config.Risk.ScaleDownAt, $"dualHorizon.deRiskAtLimitFraction must be in [risk.scaleDownAt, 1], got {config.DualHorizon.DeRiskAtLimitFraction}");
        Check(e, config.ShortModel.LookbackMinutes is >= 2 and <= 10_080, $"shortModel.lookbackMinutes must be in [2, 10080], got {config.ShortModel.LookbackMinutes}");
        Check(e, config.LongModel.FastMinutes >= 2 && config.LongModel.FastMinutes < config.LongModel.SlowMinutes, $"longModel.fastMinutes must be in [2, {config.LongModel.SlowMinutes}) (below longModel.slowMinutes), got {config.LongModel.FastMinutes}");
        Check(e, config.LongModel.SlowMinutes <= 10_080, $"longModel.slowMinutes must be ≤ 10080, got {config.LongModel.SlowMinutes}");
        Check(e, config.EmaCross.FastPeriod >= 1 && config.EmaCross.FastPeriod < config.EmaCross.SlowPeriod, $"emaCross.fastPeriod must be in [1, {config.EmaCross.SlowPeriod}) (below emaCross.slowPeriod), got {config.EmaCross.FastPeriod}");
        Check(e, config.EmaCross.NotionalUsd > 0m, $"emaCross.notionalUsd must be > 0, got {config.EmaCross.NotionalUsd}");
        Check(e, config.EmaCross.QuantityStep > 0m, $"emaCross.quantityStep must be > 0, got {config.EmaCross.QuantityStep}");
        return e;
    }

    private static void Check(List<string> errors, bool ok, FormattableString message)
    {
        if (!ok)
        {
            errors.Add(message.ToString(CultureInfo.InvariantCulture));
        }
    }
}

using EdgeRisk.Trading.Blending;
using EdgeRisk.Trading.Engine;
using EdgeRisk.Trading.Execution;
using EdgeRisk.Trading.Models;
using EdgeRisk.Trading.Risk;
using EdgeRisk.Trading.Routing;
using EdgeRisk.Trading.Strategies;

namespace EdgeRisk.Trading.Composition;

/// <summary>Builds strategies and engines from configuration, the same way for live, backtest and statistics.</summary>
public static class PipelineFactory
{
    /// <summary>Short- and long-horizon edge models, routed, blended and VaR-bounded.</summary>
    public const string DualHorizon = "dual-horizon";

    /// <summary>EMA 10/60 crossover, the reference strategy to compare engines.</summary>
    public const string EmaCross = "ema-cross";

    public static IStrategy CreateStrategy(TradingConfig config, RouterConfig router)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(router);
        return config.Strategy switch
        {
            EmaCross => new EmaCrossStrategy(config.EmaCross),
            DualHorizon => new DualHorizonStrategy(
                new MeanReversionEdgeModel(config.ShortModel),
                new EmaTrendEdgeModel(config.LongModel),
                new RegimeRouter(router),
                ConfidenceWeightedBlender.Instance,
                new VarRiskHarmoniser(config.Risk),
                config.DualHorizon,
                config.Risk.MaxSymbols,
                config.Engine.QuantityStep),
            _ => throw new RouterConfigException($"strategy must be one of dual-horizon, ema-cross, got '{config.Strategy}'"),
        };
    }

    public static TradingEngine CreateEngine(TradingConfig config, IStrategy strategy, IPipelineObserver? observer = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new TradingEngine(strategy, config.Engine, observer, timeProvider, new PaperExecutionModel(config.Paper), new SimExecutionModel());
    }
}

using EdgeRisk.Trading.Execution;

namespace EdgeRisk.Trading.Host.Composition;

/// <summary>The live engine: the loaded configuration (the same loader as backtest and sim-stats), over the recovered books.</summary>
public static class EngineFactory
{
    public static TradingEngine Create(TradingConfigSet config, RecoveredState recovered, IPipelineObserver observer, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(recovered);
        var strategy = PipelineFactory.CreateStrategy(config.Trading, config.Router);
        return new TradingEngine(strategy, recovered.Paper, recovered.Sim, recovered.LastOrderId, config.Trading.Engine, observer, time,
            new PaperExecutionModel(config.Trading.Paper), new SimExecutionModel());
    }
}
